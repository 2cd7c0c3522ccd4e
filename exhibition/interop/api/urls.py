"""The API's addresses under /api/v1/ (outside the language prefix: the language
is a parameter), its OpenAPI schema and its documentation."""

from django.urls import path, re_path

from exhibition.interop.api import views
from exhibition.interop.api.errors import not_found
from exhibition.interop.api.schema import DocsView, SchemaView

app_name = "api"
urlpatterns = [
    path("schema/", SchemaView.as_view(), name="schema"),
    path("docs/", DocsView.as_view(), name="docs"),
    path("exhibitions/", views.ExhibitionList.as_view(), name="exhibition-list"),
    path(
        "exhibitions/<slug:slug>/",
        views.ExhibitionDetail.as_view(),
        name="exhibition-detail",
    ),
    path(
        "exhibitions/<slug:exhibition>/sections/",
        views.SectionList.as_view(),
        name="section-list",
    ),
    path(
        "exhibitions/<slug:exhibition>/sections/<slug:slug>/",
        views.SectionDetail.as_view(),
        name="section-detail",
    ),
    path(
        "exhibitions/<slug:exhibition>/sections/<slug:slug>/items/",
        views.SectionItems.as_view(),
        name="section-items",
    ),
    path("artifacts/", views.ArtifactList.as_view(), name="artifact-list"),
    path(
        "artifacts/<slug:slug>/", views.ArtifactDetail.as_view(), name="artifact-detail"
    ),
    path("photographs/", views.PhotographList.as_view(), name="photograph-list"),
    path(
        "photographs/<slug:slug>/",
        views.PhotographDetail.as_view(),
        name="photograph-detail",
    ),
    path("people/", views.PersonList.as_view(), name="person-list"),
    path("people/<slug:slug>/", views.PersonDetail.as_view(), name="person-detail"),
    # Anything else under the API is a JSON 404, not the gallery's HTML page.
    re_path(r"^[\s\S]*$", not_found),  # any character, a newline too
]
