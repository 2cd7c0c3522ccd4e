"""The public gallery's addresses."""

from django.urls import path

from exhibition.gallery import views

app_name = "exhibition"
urlpatterns = [
    path("", views.home, name="home"),
    path("sections/<slug:slug>/", views.section_detail, name="section-detail"),
    path("collection/", views.collection, name="collection"),
    path("artifacts/<slug:slug>/", views.artifact_detail, name="artifact-detail"),
    path("photographs/<slug:slug>/", views.photograph_detail, name="photograph-detail"),
    path("people/", views.people_list, name="people"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("timeline/", views.timeline, name="timeline"),
    path("search/", views.search, name="search"),
]
