"""IIIF addresses, outside the language prefix: every resource holds both languages."""

from django.urls import path, re_path

from exhibition.interop.iiif import images, views

app_name = "iiif"
IMAGE = r"^image/(?P<identifier>[a-z-]+-[0-9]+)"
urlpatterns = [
    re_path(rf"{IMAGE}$", images.image_base, name="image-base"),
    re_path(rf"{IMAGE}/info\.json$", images.image_info, name="image-info"),
    re_path(
        rf"{IMAGE}/(?P<region>[^/]+)/(?P<size>[^/]+)/(?P<rotation>[^/]+)"
        r"/(?P<quality>[a-z]+)\.(?P<extension>[a-z0-9]+)$",
        images.image_file,
        name="image-file",
    ),
    path("collection", views.collection_of_exhibitions, name="collection"),
    path(
        "artifacts/<slug:slug>/manifest",
        views.artifact_manifest,
        name="artifact-manifest",
    ),
    path(
        "photographs/<slug:slug>/manifest",
        views.photograph_manifest,
        name="photograph-manifest",
    ),
    path("artifacts/<slug:slug>/schema", views.artifact_schema, name="artifact-schema"),
    path(
        "photographs/<slug:slug>/schema",
        views.photograph_schema,
        name="photograph-schema",
    ),
    path(
        "exhibitions/<slug:slug>/collection",
        views.exhibition_collection,
        name="exhibition-collection",
    ),
    path(
        "exhibitions/<slug:exhibition>/<slug:slug>/collection",
        views.section_collection,
        name="section-collection",
    ),
]
