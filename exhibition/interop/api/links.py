"""Addresses the API points to outside itself: IIIF manifests and collections."""

from django.urls import reverse

# The IIIF resource of each kind (see exhibition/interop/iiif/urls.py): artifacts
# and photographs are manifests, exhibitions collections of their manifests.
IIIF_RESOURCE = {
    "artifacts": "iiif:artifact-manifest",
    "photographs": "iiif:photograph-manifest",
    "exhibitions": "iiif:exhibition-collection",
}


def iiif_url(request, kind, slug):
    """The absolute address of a record's IIIF manifest (or collection)."""
    return request.build_absolute_uri(reverse(IIIF_RESOURCE[kind], args=[slug]))
