"""The Image API, level 0: ``info.json`` for each published image, and its stored
tiles and sizes (streamed from storage in development, a redirect to storage, or
the CDN in front of it, in production)."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponseRedirect,
)
from django.urls import reverse
from django.views.decorators.http import require_GET

from catalog.images.tiles import ensure_tiles, tile_name
from catalog.models import Artifact, ArtifactImage, Person, Photograph
from exhibition.interop.iiif.addresses import (
    IMAGE_FIELDS,
    absolute,
    image_identifier,
    parse_identifier,
)
from exhibition.interop.iiif.responses import IMAGE_CONTEXT, allow_any_origin, json_ld
from exhibition.models import Exhibition, Section

# Tiles never change under one name: a new upload gets new names.
TILE_MAX_AGE = 60 * 60 * 24 * 30


def published_image(identifier):
    """(image or photograph, its file) if it belongs to a published record."""
    model, key = parse_identifier(identifier)
    if model is ArtifactImage:
        found = ArtifactImage.objects.filter(
            pk=key, artifact__in=Artifact.objects.published()
        ).first()
    elif model is Section:
        found = (
            Section.objects.published()
            .filter(pk=key, exhibition__in=Exhibition.objects.published())
            .first()
        )
    elif model in (Photograph, Person):
        found = model.objects.published().filter(pk=key).first()
    else:
        found = None
    field_file = getattr(found, IMAGE_FIELDS[model]) if found is not None else None
    if not field_file:
        raise Http404
    return found, field_file


def image_service(obj, layout, request=None):
    """The info.json of one image (also embedded, shorter, in manifests)."""
    return {
        "@context": IMAGE_CONTEXT,
        "id": absolute(
            request, reverse("iiif:image-base", args=[image_identifier(obj)])
        ),
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": "level0",
        "width": layout.width,
        "height": layout.height,
        "sizes": [{"width": w, "height": h} for w, h in layout.sizes],
        "tiles": [{"width": layout.tile, "scaleFactors": layout.scale_factors}],
    }


@require_GET
@allow_any_origin
def image_base(request, identifier):
    """The base URI answers with its image information (Image API §2.2)."""
    published_image(identifier)
    response = HttpResponseRedirect(reverse("iiif:image-info", args=[identifier]))
    response.status_code = 303
    return response


@require_GET
@allow_any_origin
def image_info(request, identifier):
    obj, field_file = published_image(identifier)
    data = image_service(obj, ensure_tiles(field_file), request)
    return json_ld(request, data, IMAGE_CONTEXT, negotiate=True)


@require_GET
@allow_any_origin
def image_file(request, identifier, region, size, rotation, quality, extension):
    """One stored tile or size; anything not made (level 0 computes nothing) is 404."""
    if (rotation, quality, extension) != ("0", "default", "jpg"):
        raise Http404
    _obj, field_file = published_image(identifier)
    name = tile_name(field_file, f"{region}/{size}/0/default.jpg")
    if not settings.SERVE_MEDIA:
        # Storage (or its CDN) sends the bytes; viewers read info.json first, which
        # made the tiles.
        response = HttpResponseRedirect(default_storage.url(name))
        response["Cache-Control"] = f"public, max-age={TILE_MAX_AGE}"
        return response
    if not default_storage.exists(name):
        ensure_tiles(field_file)
        if not default_storage.exists(name):
            raise Http404
    response = FileResponse(default_storage.open(name), content_type="image/jpeg")
    response["Cache-Control"] = f"public, max-age={TILE_MAX_AGE}"
    return response
