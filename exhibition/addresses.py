"""Addresses of one public channel's resources that another channel links to (a
record's IIIF manifest from its gallery page and its schema.org description).
They are reversed from the channel's URL names, so the linking code imports
nothing of the channel it links to."""

from django.urls import reverse

from catalog.models import Photograph


def manifest_url(record, request=None):
    """The Presentation API manifest of a published artifact or photograph;
    absolute with a request, a site-relative path without one."""
    name = "iiif:artifact-manifest"
    if isinstance(record, Photograph):
        name = "iiif:photograph-manifest"
    path = reverse(name, args=[record.slug])
    return request.build_absolute_uri(path) if request is not None else path
