"""Addresses the API points to outside itself: IIIF manifests and collections."""

# IIIF resources of each kind: artifacts and photographs are manifests,
# exhibitions are collections of their manifests.
IIIF_RESOURCE = {
    "artifacts": "manifest",
    "photographs": "manifest",
    "exhibitions": "collection",
}


def iiif_url(request, kind, slug):
    """The absolute address of a record's IIIF manifest (or collection)."""
    return request.build_absolute_uri(f"/iiif/{kind}/{slug}/{IIIF_RESOURCE[kind]}")
