"""Counts per filter value for the collection, computed on the filtered records.

Each facet is one grouped query, over the filtered records or their links to
people and sections, so the number of queries is fixed at any size.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils.translation import get_language, gettext

from catalog.models import ArtifactImage, Nationality, Person, Role, published_via
from catalog.periods import group_of
from exhibition.filters import UNKNOWN_TYPE, WHOLE_YEAR, collection_periods
from exhibition.models import Exhibition, Section, SectionItem

# Show the people with most records (and any chosen); the rest via /people/.
PEOPLE_SHOWN = 40


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    values: list = field(default_factory=list)

    @property
    def selected(self):
        return [value for value in self.values if value.selected]


def _localised(row, prefix):
    language = "zh_hans" if get_language() == "zh-hans" else "en"
    return row.get(f"{prefix}_{language}") or row.get(f"{prefix}_en") or ""


def term_labels(path):
    return [f"{path}__label_en", f"{path}__label_zh_hans", f"{path}__position"]


def _term_values(rows, path, chosen):
    """A vocabulary's facet values: only terms the records use, in the list's order
    and labelled in the visitor's language."""
    values = [
        (
            row[f"{path}__position"],
            FacetValue(
                row[f"{path}__code"],
                _localised(row, f"{path}__label") or row[f"{path}__code"],
                row["n"],
                row[f"{path}__code"] in chosen,
            ),
        )
        for row in rows
        if row[f"{path}__code"] is not None
    ]
    return [value for _p, value in sorted(values, key=lambda p: (p[0], p[1].label))]


def one_per_slug(rows, path, **counts):
    """Sections as facet values, one per slug, as the filter takes it: two
    exhibitions' "military" sections are one choice (each record counted once), not
    two that act as one. ``path`` leads from ``rows`` to the section; the values
    are labelled by ``section_labels``."""
    return rows.values(f"{path}__slug").annotate(
        **counts,
        title_en=Min(f"{path}__title_en"),
        title_zh_hans=Min(f"{path}__title_zh_hans"),
        position=Min(f"{path}__position"),
        exhibitions=Count(f"{path}__exhibition", distinct=True),
    )


def section_labels(rows, slug_key, chosen_exhibitions=()):
    """What each section slug's one choice is called, in the visitor's language:
    its title, or, where published exhibitions (the chosen ones, if any) share the
    slug, each title with the exhibitions it is in, so a visitor sees that the one
    box covers "Military: Combat (A) / Military: Training (B)". ``rows`` are
    ``one_per_slug``'s; a query is made only when a slug is shared."""
    labels = {row[slug_key]: _localised(row, "title") for row in rows}
    shared = [row[slug_key] for row in rows if row["exhibitions"] > 1]
    if not shared:
        return labels
    sections = Section.objects.published().filter(slug__in=shared)
    if chosen_exhibitions:
        sections = sections.filter(exhibition__slug__in=chosen_exhibitions)
    titles = {}  # slug → {section title: [exhibition titles]}
    for row in sections.order_by("exhibition__pk", "position").values(
        "slug",
        "title_en",
        "title_zh_hans",
        "exhibition__title_en",
        "exhibition__title_zh_hans",
    ):
        where = titles.setdefault(row["slug"], {})
        where.setdefault(_localised(row, "title"), []).append(
            _localised(row, "exhibition__title")
        )
    for slug, where in titles.items():
        labels[slug] = gettext(" / ").join(
            gettext("%(section)s (%(exhibitions)s)")
            % {"section": title, "exhibitions": gettext("; ").join(exhibitions)}
            for title, exhibitions in where.items()
        )
    return labels


def meets(span, first, size):
    """Whether a span of years meets the period of ``size`` years from ``first``,
    as ``Periods.overlapping`` asks the database (a span without a year meets
    none)."""
    start, end = span["year_from"], span["year_to"]
    return (
        start is not None and end is not None and start < first + size and end >= first
    )


def _people_links(model, ids):
    """The links of the records ``ids`` to their published people, and the name
    of the links' record column."""
    kind = model._meta.model_name
    links = model.people.through.objects.filter(
        published_via("person"), **{f"{kind}__in": ids}
    )
    return links, kind


def _counted(rows, path, model, fields, record):
    """Records per value of ``model`` reached along ``path`` from ``rows`` (links
    or places of the filtered records), as rows of the value's ``fields`` (named
    as if read along ``path``) and ``n``. Counted on the value's id alone, the
    DISTINCT sorts two integers a row (with the labels beside them it spilled to
    disk on PostgreSQL); the few values used are read after."""
    counts = dict(
        rows.exclude(**{path: None})
        .values_list(path)
        .annotate(n=Count(record, distinct=True))
        .order_by()
    )
    values = model.objects.filter(pk__in=counts).values("pk", *fields)
    return [
        {**{f"{path}__{name}": row[name] for name in fields}, "n": counts[row["pk"]]}
        for row in values
    ]


def build_facets(model, filtered, selected, artifact_kind):
    """Return the facets for ``filtered`` (a queryset) given the selected values."""
    ids = filtered.order_by().values("pk")
    # What a record has one of (a type, a span of years) is counted on the filtered
    # records themselves: the filters join nothing (each is an IN subquery), so a row
    # is a record. A DISTINCT queryset is read through its ids instead.
    records = (
        model.objects.filter(pk__in=ids)
        if filtered.query.distinct
        else filtered.order_by()
    )
    facets = []

    def chosen(name):
        return set(selected.getlist(name))

    # Exhibitions and sections are counted on the filtered records' places in
    # published sections of published exhibitions, without a join back to them.
    kind = model._meta.model_name
    placed = SectionItem.objects.in_public_sections().filter(**{f"{kind}__in": ids})
    exhibitions = _counted(
        placed,
        "section__exhibition",
        Exhibition,
        ["id", "slug", "title_en", "title_zh_hans"],
        kind,
    )
    facets.append(
        Facet(
            "exhibition",
            Exhibition._meta.verbose_name,
            [
                FacetValue(
                    row["section__exhibition__slug"],
                    _localised(row, "section__exhibition__title"),
                    row["n"],
                    row["section__exhibition__slug"] in chosen("exhibition"),
                )
                for row in sorted(
                    exhibitions, key=lambda r: r["section__exhibition__id"]
                )
            ],
        )
    )

    # With exhibitions chosen, only their sections: slugs repeat across exhibitions.
    if chosen("exhibition"):
        placed = placed.filter(section__exhibition__slug__in=chosen("exhibition"))
    sections = one_per_slug(placed, "section", n=Count(kind, distinct=True)).order_by(
        "section__slug"
    )
    labels = section_labels(sections, "section__slug", chosen("exhibition"))
    facets.append(
        Facet(
            "section",
            Section._meta.verbose_name,
            [
                FacetValue(
                    row["section__slug"],
                    labels.get(row["section__slug"], ""),
                    row["n"],
                    row["section__slug"] in chosen("section"),
                )
                for row in sorted(sections, key=lambda r: r["position"])
            ],
        )
    )

    if artifact_kind:
        # One type per record: counted on the records themselves, no DISTINCT.
        types = (
            records.values("object_type__code", *term_labels("object_type"))
            .annotate(n=Count("pk"))
            .order_by("object_type__code")
        )
        values = _term_values(types, "object_type", chosen("type"))
        unknown = sum(row["n"] for row in types if row["object_type__code"] is None)
        if unknown:
            values.append(
                FacetValue(
                    UNKNOWN_TYPE,
                    gettext("unknown object type"),
                    unknown,
                    UNKNOWN_TYPE in chosen("type"),
                )
            )
        facets.append(
            Facet("type", model._meta.get_field("object_type").verbose_name, values)
        )

    # People, nationalities and roles are counted on the links of the filtered
    # records to their published people, grouped by the term: no join back to the
    # records, and no DISTINCT where a link is one record already.
    links, record = _people_links(model, ids)
    people = links.values(
        "person__slug", "person__name_en", "person__name_zh_hans"
    ).annotate(n=Count("pk"))
    facets.append(
        Facet(
            "person",
            Person._meta.verbose_name,
            sorted(
                (
                    FacetValue(
                        row["person__slug"],
                        _localised(row, "person__name"),
                        row["n"],
                        row["person__slug"] in chosen("person"),
                    )
                    for row in people.order_by()
                ),
                key=lambda v: (not v.selected, -v.count, v.label),
            )[:PEOPLE_SHOWN],
        )
    )

    nationalities = _counted(
        links,
        "person__nationalities",
        Nationality,
        ["code", "label_en", "label_zh_hans", "position"],
        record,
    )
    facets.append(
        Facet(
            "nationality",
            Nationality._meta.verbose_name,
            _term_values(nationalities, "person__nationalities", chosen("nationality")),
        )
    )

    roles = _counted(
        links, "person__roles", Role, ["slug", "name_en", "name_zh_hans"], record
    )
    facets.append(
        Facet(
            "role",
            Role._meta.verbose_name,
            [
                FacetValue(
                    row["person__roles__slug"],
                    _localised(row, "person__roles__name"),
                    row["n"],
                    row["person__roles__slug"] in chosen("role"),
                )
                for row in sorted(roles, key=lambda row: row["person__roles__slug"])
            ],
        )
    )

    # Periods and images are a bounded handful of values: count them in one query.
    periods = collection_periods()
    # Any year names its period (decade=1937 is the 1930s): tick that period.
    chosen_periods = {
        str(group_of(int(year), periods.size))
        for year in chosen("decade")
        if WHOLE_YEAR.fullmatch(year)
    }
    # One row per span of years (far fewer than records), each counted here into
    # the periods it meets: a filtered count per period read every record once
    # per period.
    counts = {"n": Count("pk")}
    if artifact_kind:
        counts["with_image"] = Count(
            "pk",
            filter=Q(Exists(ArtifactImage.objects.filter(artifact=OuterRef("pk")))),
        )
    spans = list(records.values("year_from", "year_to").annotate(**counts).order_by())
    totals = {
        f"decade_{value}": sum(
            span["n"] for span in spans if meets(span, int(value), periods.size)
        )
        for value, _label in periods.choices()
    }
    if artifact_kind:
        totals["has_image"] = sum(span["with_image"] for span in spans)
    facets.append(
        Facet(
            "decade",
            gettext("Period"),
            [
                FacetValue(
                    value,
                    str(label),
                    totals[f"decade_{value}"],
                    value in chosen_periods,
                )
                for value, label in periods.choices()
                if totals[f"decade_{value}"]
            ],
        )
    )
    for facet in facets:
        facet.values = [
            value for value in facet.values if value.value not in (None, "")
        ]
    return facets, totals.get("has_image")
