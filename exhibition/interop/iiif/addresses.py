"""Where IIIF resources live: image identifiers and the URLs of manifests,
collections and image services, absolute when a request says which host."""

from django.urls import reverse

from catalog.models import ArtifactImage, Person, Photograph
from exhibition.models import Section

# An image's identifier names the record kind and a key that never changes, so a
# viewer's saved link survives a new title or slug. Every published image has one:
# artifacts' images and photographs (in manifests), portraits and section images.
IMAGE_KINDS = {
    "artifact-image": ArtifactImage,
    "photograph": Photograph,
    "portrait": Person,
    "section-image": Section,
}
IMAGE_FIELDS = {
    ArtifactImage: "image",
    Photograph: "image",
    Person: "portrait",
    Section: "hero_image",
}


def absolute(request, path):
    return request.build_absolute_uri(path) if request is not None else path


def image_identifier(obj):
    """``artifact-image-12`` for an artifact's image, ``photograph-7`` for a
    photograph, ``portrait-3`` for a person's, ``section-image-2`` for a section's."""
    kind = next(kind for kind, model in IMAGE_KINDS.items() if isinstance(obj, model))
    return f"{kind}-{obj.pk}"


def parse_identifier(identifier):
    """(model, primary key) of an identifier, or (None, None)."""
    kind, _dash, key = identifier.rpartition("-")
    model = IMAGE_KINDS.get(kind)
    if model is None or not key.isdigit():
        return None, None
    return model, int(key)


def image_service_url(obj, request=None):
    """The Image API base URI (``id`` of info.json) of an image."""
    return absolute(request, reverse("iiif:image-base", args=[image_identifier(obj)]))


def exhibition_collection_url(exhibition, request=None):
    return absolute(
        request, reverse("iiif:exhibition-collection", args=[exhibition.slug])
    )


def section_collection_url(section, exhibition, request=None):
    return absolute(
        request,
        reverse("iiif:section-collection", args=[exhibition.slug, section.slug]),
    )
