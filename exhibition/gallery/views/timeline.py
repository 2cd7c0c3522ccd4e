"""Each exhibition's timeline: its placed records and their people's start years,
grouped by year, decade or century to suit the span, a few per group."""

from dataclasses import dataclass, field

from django.db.models import F, FloatField, Max, Min, Q, Window
from django.db.models.functions import Cast, Floor, RowNumber
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from catalog.models import Artifact, Person, Photograph, published_via
from catalog.periods import group_label, group_of, group_size, year_label
from exhibition.gallery.views.common import TIMELINE_PER_GROUP, visible
from exhibition.models import Exhibition
from exhibition.page_cache import computed


@dataclass
class Group:
    first: int
    last: int
    label: str
    entries: list = field(default_factory=list)


def first_per_group(queryset, field_name, size, limit):
    """The first ``limit`` rows of each group of years, in one query."""
    # Floor, not SQL's integer division, so BCE years group as group_of does.
    bucket = Floor(Cast(field_name, FloatField()) / size)
    ranked = queryset.annotate(
        rank=Window(RowNumber(), partition_by=bucket, order_by=[F("pk").asc()])
    )
    return ranked.filter(rank__lte=limit).order_by(field_name, "pk")


def in_exhibition(model, exhibition):
    return (
        model.objects.published()
        .filter(
            published_via("section_items__section"),
            section_items__section__exhibition=exhibition,
        )
        .distinct()
    )


def people_linked(model, exhibition):
    """The ids of the people linked to the exhibition's published ``model``s."""
    kind = model._meta.model_name
    records = in_exhibition(model, exhibition).values("pk")
    return model.people.through.objects.filter(**{f"{kind}__in": records}).values(
        "person"
    )


def timeline_range(exhibition):
    """The curator's range, or the years of the exhibition's placed records."""
    start, end = exhibition.timeline_start, exhibition.timeline_end
    if start is None or end is None:
        found = [
            in_exhibition(model, exhibition)
            .filter(year_from__isnull=False)
            .aggregate(first=Min("year_from"), last=Max("year_from"))
            for model in (Artifact, Photograph)
        ]
        firsts = [f["first"] for f in found if f["first"] is not None]
        lasts = [f["last"] for f in found if f["last"] is not None]
        start = start if start is not None else min(firsts, default=None)
        end = end if end is not None else max(lasts, default=None)
    return start, end


def timeline_groups(exhibition):
    start, end = timeline_range(exhibition)
    if start is None or end is None or end < start:
        return start, end, []
    size = group_size(start, end)
    groups = {}
    in_range = Q(year_from__gte=start, year_from__lte=end)
    placed = {}
    for model, kind in ((Artifact, "artifact"), (Photograph, "photograph")):
        ids = in_exhibition(model, exhibition).filter(in_range).values("pk")
        placed[kind] = ids
        records = first_per_group(
            model.objects.filter(pk__in=ids).only(
                "slug",
                "title_en",
                "title_zh_hans",
                "date_display_en",
                "date_display_zh_hans",
                "year_from",
            ),
            "year_from",
            size,
            TIMELINE_PER_GROUP,
        )
        for record in records:
            groups.setdefault(group_of(record.year_from, size), []).append(
                (kind, record)
            )
    # Ids from the records' links, not joins from every person through their
    # records (which scanned every person and their records at 100,000 records).
    linked = Q(pk__in=people_linked(Artifact, exhibition)) | Q(
        pk__in=people_linked(Photograph, exhibition)
    )
    people = first_per_group(
        Person.objects.filter(
            pk__in=Person.objects.published()
            .filter(linked, active_from__gte=start, active_from__lte=end)
            .values("pk")
        ).only("slug", "name_en", "name_zh_hans", "active_from", "kind"),
        "active_from",
        size,
        TIMELINE_PER_GROUP,
    )
    for person in people:
        groups.setdefault(group_of(person.active_from, size), []).append(
            ("person", person)
        )
    return (
        start,
        end,
        [
            Group(first, first + size - 1, group_label(first, size), entries)
            for first, entries in sorted(groups.items())
        ],
    )


@require_GET
def exhibition_timeline(request, slug):
    exhibition = get_object_or_404(visible(Exhibition, request), slug=slug)
    start, end, groups = computed(
        "timeline", lambda: timeline_groups(exhibition), exhibition.pk
    )
    return render(
        request,
        "gallery/timeline.html",
        {
            "exhibition": exhibition,
            "groups": groups,
            "start_label": start is not None and year_label(start),
            "end_label": end is not None and year_label(end),
        },
    )
