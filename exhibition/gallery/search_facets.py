"""The search page's filters (kind, exhibition, section, decade) over the
catalogue's matches, and their counts, computed once per query and content version."""

import hashlib
from collections import Counter

from django.db.models import Count, F, IntegerField, Min, Q, Value
from django.db.models.functions import Cast, Floor
from django.utils.translation import gettext

from catalog.models import published_via
from catalog.models.search import Kind
from catalog.periods import group_label
from exhibition.gallery.facets import (
    Facet,
    FacetValue,
    _localised,
    one_per_slug,
    section_labels,
)
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem
from exhibition.page_cache import computed

FILTERS = ("kind", "exhibition", "section", "decade")
MAX_VALUES = 20


def chosen_filters(params):
    """The filters in the address that mean something; the rest is ignored."""
    chosen = {}
    for name in FILTERS:
        values = [value for value in params.getlist(name) if value][:MAX_VALUES]
        if name == "kind":
            values = [value for value in values if value in Kind.values]
        elif name == "decade":
            values = [
                value
                for value in values
                if value.lstrip("-").isdigit()
                and int(value) % 10 == 0
                and abs(int(value)) < 10000
            ]
        else:
            values = [value[:120] for value in values]
        chosen[name] = list(dict.fromkeys(values))
    return chosen


def hung_items(chosen):
    items = SectionItem.objects.in_public_sections()
    if chosen["exhibition"]:
        items = items.filter(section__exhibition__slug__in=chosen["exhibition"])
    if chosen["section"]:
        items = items.filter(section__slug__in=chosen["section"])
    return items


def featured(chosen):
    return FeaturedPerson.objects.filter(
        published_via("exhibition"),
        published_via("person"),
        exhibition__slug__in=chosen["exhibition"],
    )


def narrowed(entries, chosen):
    """The matching entries the visitor's filters keep."""
    if chosen["kind"]:
        entries = entries.filter(kind__in=chosen["kind"])
    if chosen["decade"]:
        decades = Q()
        for value in chosen["decade"]:
            decades |= Q(year__gte=int(value), year__lte=int(value) + 9)
        entries = entries.filter(decades)
    if chosen["exhibition"] or chosen["section"]:
        items = hung_items(chosen)
        where = Q(kind=Kind.ARTIFACT, record_id__in=items.values("artifact_id")) | Q(
            kind=Kind.PHOTOGRAPH, record_id__in=items.values("photograph_id")
        )
        if chosen["exhibition"] and not chosen["section"]:
            where |= Q(
                kind=Kind.PERSON, record_id__in=featured(chosen).values("person_id")
            )
        entries = entries.filter(where)
    return entries


def ids_of(entries, kind):
    return entries.filter(kind=kind).values("record_id")


def kinds_and_decades(entries):
    """One grouped query: matches per kind and per decade (of the earliest year)."""
    decade = Cast(Floor(F("year") / Value(10.0)) * Value(10), IntegerField())
    rows = (
        entries.order_by()
        .annotate(decade=decade)
        .values("kind", "decade")
        .annotate(n=Count("id"))
    )
    kinds, decades = Counter(), Counter()
    for row in rows:
        kinds[row["kind"]] += row["n"]
        if row["decade"] is not None:
            decades[row["decade"]] += row["n"]
    return kinds, decades


def places(entries, chosen):
    """Matches per exhibition (hung in its sections, or featured) and per section."""
    placed = SectionItem.objects.in_public_sections().filter(
        Q(artifact_id__in=ids_of(entries, Kind.ARTIFACT))
        | Q(photograph_id__in=ids_of(entries, Kind.PHOTOGRAPH))
    )
    records = Count("artifact_id", distinct=True) + Count(
        "photograph_id", distinct=True
    )
    shown = "section__exhibition"
    exhibitions = {}
    for group, path, count in (
        (placed, shown, records),
        (
            FeaturedPerson.objects.filter(
                published_via("exhibition"),
                person_id__in=ids_of(entries, Kind.PERSON),
            ),
            "exhibition",
            Count("person_id", distinct=True),
        ),
    ):
        fields = [
            f"{path}__{name}" for name in ("slug", "pk", "title_en", "title_zh_hans")
        ]
        for row in group.values(*fields).annotate(n=count).order_by():
            slug, pk, english, chinese = (row[field] for field in fields)
            found = exhibitions.setdefault(
                slug, {"pk": pk, "title_en": english, "title_zh_hans": chinese, "n": 0}
            )
            found["n"] += row["n"]
    if chosen["exhibition"]:
        placed = placed.filter(section__exhibition__slug__in=chosen["exhibition"])
    sections = one_per_slug(
        placed, "section", n=records, exhibition_pk=Min(f"{shown}__pk")
    ).order_by()
    return exhibitions, sorted(
        sections, key=lambda row: (row["exhibition_pk"], row["position"])
    )


def build_facets(entries, chosen):
    """Counts for each filter value over ``entries`` (already narrowed), in four
    grouped queries whatever the number of matches; and the total."""
    kinds, decades = kinds_and_decades(entries)
    exhibitions, sections = places(entries, chosen)
    titles = section_labels(sections, "section__slug", chosen["exhibition"])
    labels = dict(Kind.choices)
    facets = [
        Facet(
            "kind",
            gettext("Kind"),
            [
                FacetValue(kind, str(labels[kind]), kinds[kind], kind in chosen["kind"])
                for kind in Kind.values
                if kinds[kind]
            ],
        ),
        Facet(
            "exhibition",
            Exhibition._meta.verbose_name,
            [
                FacetValue(
                    slug,
                    _localised(row, "title"),
                    row["n"],
                    slug in chosen["exhibition"],
                )
                for slug, row in sorted(exhibitions.items(), key=lambda i: i[1]["pk"])
            ],
        ),
        Facet(
            "section",
            Section._meta.verbose_name,
            [
                FacetValue(
                    row["section__slug"],
                    titles.get(row["section__slug"], ""),
                    row["n"],
                    row["section__slug"] in chosen["section"],
                )
                for row in sections
            ],
        ),
        Facet(
            "decade",
            gettext("Decade"),
            [
                FacetValue(
                    str(value),
                    group_label(value, 10),
                    n,
                    str(value) in chosen["decade"],
                )
                for value, n in sorted(decades.items())
            ],
        ),
    ]
    return facets, sum(kinds.values())


def state_digest(query, chosen):
    """One query and filter state, as a cache key part."""
    state = repr((query.terms, query.accession, query.name, sorted(chosen.items())))
    return hashlib.sha256(state.encode()).hexdigest()[:32]


def cached_facets(entries, query, chosen):
    """Facets and total for one query and filter state, kept as a computed part."""
    return computed(
        "search-facets",
        lambda: build_facets(entries, chosen),
        state_digest(query, chosen),
    )
