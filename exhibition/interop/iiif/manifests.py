"""Presentation API 3.0 manifests of published artifacts (every image, in order)
and photographs: bilingual labels, summary and metadata, credit, rights, links."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from catalog.images.tiles import ensure_tiles
from catalog.models import Artifact, ArtifactImage, Person, Photograph
from exhibition.addresses import manifest_url
from exhibition.interop.iiif import links
from exhibition.interop.iiif.addresses import image_service_url
from exhibition.interop.iiif.language import (
    entry,
    field_map,
    joined_map,
    plain_map,
    text_map,
)
from exhibition.interop.iiif.responses import PRESENTATION_CONTEXT


def published_people():
    """A new Prefetch each time (a shared one shares its hints across threads)."""
    return Prefetch("people", queryset=Person.objects.published())


def artifacts():
    """What an artifact's manifest reads, in three queries whatever its size."""
    return (
        Artifact.objects.published()
        .select_related("object_type")
        .prefetch_related(
            Prefetch(
                "images", queryset=ArtifactImage.objects.order_by("position", "pk")
            ),
            published_people(),
        )
    )


def photographs():
    return Photograph.objects.published().prefetch_related(published_people())


def first_paragraphs(obj, name):
    return {
        tag: [texts[0].split("\n\n")[0].strip()]
        for tag, texts in field_map(obj, name).items()
    }


def canvas(manifest_id, number, image, label, request):
    """One canvas painted with one image, sized as the image's tiles are."""
    layout = ensure_tiles(image.image)
    canvas_id = f"{manifest_id}/canvas/{number}"
    service = image_service_url(image, request)
    return {
        "id": canvas_id,
        "type": "Canvas",
        "label": label,
        "width": layout.width,
        "height": layout.height,
        "thumbnail": links.thumbnail(image, layout, request),
        "items": [
            {
                "id": f"{canvas_id}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_id}/page/image",
                        "type": "Annotation",
                        "motivation": "painting",
                        "target": canvas_id,
                        "body": {
                            "id": f"{service}/full/max/0/default.jpg",
                            "type": "Image",
                            "format": "image/jpeg",
                            "width": layout.width,
                            "height": layout.height,
                            "service": [
                                {
                                    "id": service,
                                    "type": "ImageService3",
                                    "profile": "level0",
                                }
                            ],
                        },
                    }
                ],
            }
        ],
    }


def common(record, request, label, metadata, canvases, schema_url_name):
    manifest_id = manifest_url(record, request)
    data = {
        "@context": PRESENTATION_CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": label,
        "summary": first_paragraphs(
            record, "description" if isinstance(record, Artifact) else "caption"
        ),
        "metadata": [pair for pair in metadata if pair],
        "requiredStatement": entry(_("Credit"), field_map(record, "credit_line")),
        "rights": links.rights_uri(record),
        "homepage": links.homepage(request, record),
        "seeAlso": links.schema_link(request, schema_url_name, record.slug),
        "thumbnail": canvases[0]["thumbnail"] if canvases else None,
        "items": canvases,
    }
    return {key: value for key, value in data.items() if value not in (None, {}, [])}


def artifact_manifest(artifact, request):
    manifest_id = manifest_url(artifact, request)
    images = list(artifact.images.all())
    canvases = [
        canvas(
            manifest_id,
            number,
            image,
            field_map(image, "caption")
            or text_map(_("Image %(number)s"), {"number": number}),
            request,
        )
        for number, image in enumerate(images, start=1)
    ]
    metadata = [
        entry(_("Accession number"), plain_map(artifact.accession_number)),
        entry(_("Object type"), field_map(artifact.object_type, "label")),
        entry(_("Date"), field_map(artifact, "date_display")),
        entry(_("Place"), field_map(artifact, "place")),
        entry(_("Materials and technique"), field_map(artifact, "materials")),
        entry(_("Dimensions"), plain_map(artifact.dimensions)),
        entry(_("Provenance"), field_map(artifact, "provenance")),
        entry(_("People"), joined_map(artifact.people.all(), "name")),
        entry(_("Rights"), field_map(artifact, "rights")),
    ]
    return common(
        artifact,
        request,
        field_map(artifact, "title"),
        metadata,
        canvases,
        "iiif:artifact-schema",
    )


def photograph_manifest(photograph, request):
    manifest_id = manifest_url(photograph, request)
    canvases = (
        [canvas(manifest_id, 1, photograph, field_map(photograph, "title"), request)]
        if photograph.image
        else []
    )
    metadata = [
        entry(_("Photographer"), field_map(photograph, "photographer")),
        entry(_("Date"), field_map(photograph, "date_display")),
        entry(_("Place"), field_map(photograph, "place")),
        entry(_("Held by"), field_map(photograph, "archive")),
        entry(_("Archive reference"), plain_map(photograph.archive_reference)),
        entry(_("People"), joined_map(photograph.people.all(), "name")),
        entry(_("Rights"), field_map(photograph, "rights")),
    ]
    return common(
        photograph,
        request,
        field_map(photograph, "title"),
        metadata,
        canvases,
        "iiif:photograph-schema",
    )
