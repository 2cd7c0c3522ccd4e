"""Presentation API 3.0 collections: every published exhibition, and each
exhibition and section as its published records' manifests in hanging order."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.models import Artifact, Photograph
from exhibition.addresses import manifest_url
from exhibition.interop.iiif import links
from exhibition.interop.iiif.addresses import (
    absolute,
    exhibition_collection_url,
    section_collection_url,
)
from exhibition.interop.iiif.language import field_map, text_map
from exhibition.interop.iiif.responses import PRESENTATION_CONTEXT
from exhibition.models import Exhibition, Section, SectionItem


def hung_items(**where):
    """Placements of published records in published sections, in hanging order."""
    return (
        SectionItem.objects.filter(
            Q(artifact__in=Artifact.objects.published())
            | Q(photograph__in=Photograph.objects.published()),
            section__in=Section.objects.published(),
            **where,
        )
        .select_related("artifact", "photograph")
        .only(
            "artifact",
            "photograph",
            "artifact__slug",
            "artifact__title_en",
            "artifact__title_zh_hans",
            "photograph__slug",
            "photograph__title_en",
            "photograph__title_zh_hans",
        )
        .order_by("section__position", "section__pk", "position", "pk")
    )


def manifest_references(items, request):
    """Each record once, where it first hangs."""
    seen, references = set(), []
    for item in items:
        record = item.record
        key = (type(record), record.pk)
        if key in seen:
            continue
        seen.add(key)
        references.append(
            {
                "id": manifest_url(record, request),
                "type": "Manifest",
                "label": field_map(record, "title"),
            }
        )
    return references


def collection(collection_id, obj, request, items, part_of=None):
    data = {
        "@context": PRESENTATION_CONTEXT,
        "id": collection_id,
        "type": "Collection",
        "label": field_map(obj, "title"),
        "summary": field_map(obj, "subtitle") or field_map(obj, "introduction"),
        "homepage": links.homepage(request, obj),
        "partOf": part_of,
        "items": items,
    }
    return {key: value for key, value in data.items() if value not in (None, {})}


def exhibitions_collection(request):
    exhibitions = Exhibition.objects.published().order_by("-opening_date", "slug")
    return {
        "@context": PRESENTATION_CONTEXT,
        "id": absolute(request, reverse("iiif:collection")),
        "type": "Collection",
        "label": text_map(_("Exhibitions")),
        "items": [
            {
                "id": exhibition_collection_url(exhibition, request),
                "type": "Collection",
                "label": field_map(exhibition, "title"),
            }
            for exhibition in exhibitions
        ],
    }


def exhibition_collection(exhibition, request):
    items = hung_items(section__exhibition=exhibition)
    return collection(
        exhibition_collection_url(exhibition, request),
        exhibition,
        request,
        manifest_references(items, request),
        part_of=[
            {"id": absolute(request, reverse("iiif:collection")), "type": "Collection"}
        ],
    )


def section_collection(section, request):
    exhibition = section.exhibition
    return collection(
        section_collection_url(section, exhibition, request),
        section,
        request,
        manifest_references(hung_items(section=section), request),
        part_of=[
            {
                "id": exhibition_collection_url(exhibition, request),
                "type": "Collection",
                "label": field_map(exhibition, "title"),
            }
        ],
    )
