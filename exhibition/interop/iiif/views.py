"""The Presentation API's addresses: manifests (each request counted, see
``exhibition.stats``), collections, and the schema.org description each manifest
links as ``seeAlso``. Published content only."""

from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from exhibition import structured_data
from exhibition.interop.iiif import collections, manifests
from exhibition.interop.iiif.responses import (
    PRESENTATION_CONTEXT,
    SCHEMA_ORG,
    allow_any_origin,
    json_ld,
)
from exhibition.models import Channel, Exhibition, Section
from exhibition.stats.counter import counted


@require_GET
@allow_any_origin
def artifact_manifest(request, slug):
    artifact = get_object_or_404(manifests.artifacts(), slug=slug)
    data = manifests.artifact_manifest(artifact, request)
    response = json_ld(request, data, PRESENTATION_CONTEXT)
    return counted(request, response, Channel.IIIF, artifact)


@require_GET
@allow_any_origin
def photograph_manifest(request, slug):
    photograph = get_object_or_404(manifests.photographs(), slug=slug)
    data = manifests.photograph_manifest(photograph, request)
    response = json_ld(request, data, PRESENTATION_CONTEXT)
    return counted(request, response, Channel.IIIF, photograph)


@require_GET
@allow_any_origin
def collection_of_exhibitions(request):
    data = collections.exhibitions_collection(request)
    return json_ld(request, data, PRESENTATION_CONTEXT)


@require_GET
@allow_any_origin
def exhibition_collection(request, slug):
    exhibition = get_object_or_404(Exhibition.objects.published(), slug=slug)
    data = collections.exhibition_collection(exhibition, request)
    return json_ld(request, data, PRESENTATION_CONTEXT)


@require_GET
@allow_any_origin
def section_collection(request, exhibition, slug):
    section = get_object_or_404(
        Section.objects.published()
        .filter(exhibition__in=Exhibition.objects.published())
        .select_related("exhibition"),
        exhibition__slug=exhibition,
        slug=slug,
    )
    data = collections.section_collection(section, request)
    return json_ld(request, data, PRESENTATION_CONTEXT)


@require_GET
@allow_any_origin
def artifact_schema(request, slug):
    artifact = get_object_or_404(manifests.artifacts(), slug=slug)
    return json_ld(request, structured_data.artifact(request, artifact), SCHEMA_ORG)


@require_GET
@allow_any_origin
def photograph_schema(request, slug):
    photograph = get_object_or_404(manifests.photographs(), slug=slug)
    return json_ld(request, structured_data.photograph(request, photograph), SCHEMA_ORG)
