"""The timeline: dated records and arrivals, a few per year."""

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.shortcuts import render
from django.views.decorators.http import require_GET

from catalog.models import (
    Artifact,
    Person,
    Photograph,
)
from exhibition.gallery.views.common import (
    TIMELINE_PER_YEAR,
    TIMELINE_YEARS,
)
from exhibition.page_cache import cached_by_version


def first_per_year(queryset, field, limit):
    """The first ``limit`` rows of each year, in one query (a window function)."""
    ranked = queryset.annotate(
        rank=Window(RowNumber(), partition_by=F(field), order_by=[F("pk").asc()])
    )
    return ranked.filter(rank__lte=limit).order_by(field, "pk")


@require_GET
def timeline(request):
    """Dated records from 1931 to 1945, a few per year, each linking to its page."""
    years = cached_by_version("timeline", timeline_years)
    return render(request, "gallery/timeline.html", {"years": years})


def timeline_years():
    first, last = TIMELINE_YEARS[0], TIMELINE_YEARS[-1]
    years = {year: [] for year in TIMELINE_YEARS}
    in_range = Q(year_from__gte=first, year_from__lte=last)
    for model, kind in ((Artifact, "artifact"), (Photograph, "photograph")):
        records = first_per_year(
            model.objects.published()
            .filter(in_range)
            .only(
                "slug",
                "title_en",
                "title_zh_hans",
                "date_display_en",
                "date_display_zh_hans",
                "year_from",
            ),
            "year_from",
            TIMELINE_PER_YEAR,
        )
        for record in records:
            years[record.year_from].append((kind, record))
    arrivals = first_per_year(
        Person.objects.published()
        .filter(active_from__gte=first, active_from__lte=last)
        .only("slug", "name_en", "name_zh_hans", "active_from", "kind"),
        "active_from",
        TIMELINE_PER_YEAR,
    )
    for person in arrivals:
        years[person.active_from].append(("person", person))
    return [(year, entries) for year, entries in years.items() if entries]
