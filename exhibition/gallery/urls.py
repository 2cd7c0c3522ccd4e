"""The public gallery's addresses."""

from django.urls import path

from exhibition.gallery import views

app_name = "exhibition"
urlpatterns = [
    path("", views.home, name="home"),
    path("exhibitions/", views.exhibition_list, name="exhibitions"),
    path("exhibitions/<slug:slug>/", views.exhibition_detail, name="exhibition-detail"),
    # Before sections, so "timeline" and "audio" are never read as a section's slug.
    path(
        "exhibitions/<slug:slug>/timeline/",
        views.exhibition_timeline,
        name="exhibition-timeline",
    ),
    path("exhibitions/<slug:slug>/audio/", views.audio_guide, name="audio-guide"),
    path(
        "exhibitions/<slug:slug>/audio/<int:number>/",
        views.audio_stop,
        name="audio-stop",
    ),
    path(
        "exhibitions/<slug:exhibition>/<slug:slug>/",
        views.section_detail,
        name="section-detail",
    ),
    path("collection/", views.collection, name="collection"),
    path("artifacts/<slug:slug>/", views.artifact_detail, name="artifact-detail"),
    path("photographs/<slug:slug>/", views.photograph_detail, name="photograph-detail"),
    path("people/", views.people_list, name="people"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("search/", views.search, name="search"),
    # Addresses from before there were many exhibitions: permanent redirects.
    path("sections/<slug:slug>/", views.old_section, name="old-section"),
    path("timeline/", views.old_timeline, name="old-timeline"),
]
