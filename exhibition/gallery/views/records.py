"""Detail pages of artifacts, photographs and biographies, with related records."""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from catalog.models import (
    Artifact,
    Person,
    Photograph,
    published_via,
)
from exhibition import structured_data
from exhibition.addresses import manifest_url
from exhibition.gallery.views.common import (
    PERSON_RECORDS,
    RELATED_LIMIT,
    citations_with_sources,
    clips_of,
    first_image,
    get_visible,
)
from exhibition.models import Channel, SectionItem
from exhibition.stats.counter import counted


def related_records(record, model, limit=RELATED_LIMIT):
    """Up to ``limit`` published records near ``record``: its people's in the same
    exhibitions first, then its other people's, then its neighbours in the sections'
    hanging order. Bounded at any collection size."""
    kind = model._meta.model_name
    same = isinstance(record, model)
    people = [p.pk for p in record.people.all()]
    exhibitions = {item.section.exhibition_id for item in record.section_items.all()}
    shared = Exists(
        SectionItem.objects.filter(
            **{kind: OuterRef("pk")}, section__exhibition__in=exhibitions
        )
    )
    by_people = (
        model.objects.published()
        .filter(people__in=people)
        .exclude(pk=record.pk if same else None)
        .annotate(shared=shared)
        .order_by("-shared", "pk")
        .values_list("pk", flat=True)
        .distinct()[:limit]
    )
    near = Q(pk__in=[])
    for placement in record.section_items.all():
        near |= Q(
            section_id=placement.section_id,
            position__gte=placement.position - 2 * limit,
            position__lte=placement.position + 2 * limit,
        )
    neighbours = (
        SectionItem.objects.filter(near, published_via(kind))
        .exclude(**{kind: None})
        .exclude(**({kind: record.pk} if same else {}))
        .order_by("position")
        .values_list(kind, flat=True)[: 4 * limit]
    )
    # Both queries always run, so the page's query count never depends on data.
    chosen = list(by_people)
    chosen += [pk for pk in neighbours if pk not in chosen]
    return (
        model.objects.published()
        .filter(pk__in=chosen[:limit])
        .order_by("year_from", "pk")
    )


def record_prefetches():
    """What every detail page shows beside the record: sources, people, sections."""
    return [
        citations_with_sources(),
        Prefetch("people", queryset=Person.objects.published()),
        Prefetch(
            "section_items",
            queryset=SectionItem.objects.in_public_sections()
            .select_related("section__exhibition")
            .order_by("section__exhibition__pk", "section__position", "pk"),
        ),
    ]


def related_of(record):
    """Related artifacts and photographs."""
    artifacts = (
        related_records(record, Artifact)
        .select_related("object_type")
        .prefetch_related(first_image())
    )
    return list(artifacts), list(related_records(record, Photograph))


@require_GET
def artifact_detail(request, slug):
    artifact = get_visible(
        Artifact,
        request,
        lambda records: records.select_related("object_type").prefetch_related(
            first_image(), *record_prefetches()
        ),
        slug=slug,
    )
    related, related_photographs = related_of(artifact)
    response = render(
        request,
        "gallery/artifact_detail.html",
        {
            "artifact": artifact,
            "clips": clips_of(artifact),
            "images": artifact.images.all(),
            "related": related,
            "related_photographs": related_photographs,
            "json_ld": structured_data.artifact(request, artifact),
            "iiif_manifest": artifact.is_published and manifest_url(artifact, request),
        },
    )
    return counted(request, response, Channel.WEB, artifact)


@require_GET
def photograph_detail(request, slug):
    photograph = get_visible(
        Photograph,
        request,
        lambda records: records.prefetch_related(*record_prefetches()),
        slug=slug,
    )
    related_artifacts, related = related_of(photograph)
    response = render(
        request,
        "gallery/photograph_detail.html",
        {
            "photograph": photograph,
            "clips": clips_of(photograph),
            "related": related,
            "related_artifacts": related_artifacts,
            "json_ld": structured_data.photograph(request, photograph),
            "iiif_manifest": photograph.is_published
            and manifest_url(photograph, request),
        },
    )
    return counted(request, response, Channel.WEB, photograph)


@require_GET
def person_detail(request, slug):
    person = get_visible(
        Person,
        request,
        lambda people: people.prefetch_related(
            "roles",
            "nationalities",
            citations_with_sources(),
            Prefetch("groups", queryset=Person.objects.published()),
            Prefetch("members", queryset=Person.objects.published()),
        ),
        slug=slug,
    )
    # A page of each kind, counted once; the rest are in the collection, filtered
    # by this person (one person may hold half the catalogue).
    artifacts = person.artifacts.published()
    photographs = person.photographs.published()
    response = render(
        request,
        "gallery/person_detail.html",
        {
            "person": person,
            "clips": clips_of(person),
            "artifacts": list(
                artifacts.select_related("object_type").prefetch_related(first_image())[
                    :PERSON_RECORDS
                ]
            ),
            "artifact_count": artifacts.count(),
            "photographs": list(photographs[:PERSON_RECORDS]),
            "photograph_count": photographs.count(),
            "json_ld": structured_data.person(request, person),
        },
    )
    return counted(request, response, Channel.WEB, person)
