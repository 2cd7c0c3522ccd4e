"""Short addresses at the site's root, outside the language prefix: the printed QR
code names no language; the visitor's browser chooses."""

from django.urls import path, re_path

from exhibition.labels import views

app_name = "labels"
urlpatterns = [
    # Accession numbers may hold "/", "." and spaces: the path converter keeps them.
    path("o/<path:number>", views.artifact, name="artifact"),
    re_path(r"^p/(?P<pk>[0-9]+)/?$", views.photograph, name="photograph"),
    re_path(r"^b/(?P<pk>[0-9]+)/?$", views.person, name="person"),
]
