from django.urls import path

from exhibition import views

app_name = "exhibition"
urlpatterns = [
    path("", views.home, name="home"),
    path("sections/<slug:slug>/", views.section_detail, name="section-detail"),
    path("artifacts/<slug:slug>/", views.artifact_detail, name="artifact-detail"),
    path("photographs/<slug:slug>/", views.photograph_detail, name="photograph-detail"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
]
