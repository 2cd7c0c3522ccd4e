"""Counts per filter value for the collection, computed on the filtered records.

Each facet is one grouped query over the ids of the filtered records, so its joins
never interfere with the filters' own joins, and the number of queries is fixed.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, Min, OuterRef, Q
from django.utils.translation import get_language, gettext

from catalog.models import ArtifactImage, Nationality, Person, Role, Status
from catalog.periods import group_of
from exhibition.gallery.filters import UNKNOWN_TYPE, WHOLE_YEAR, collection_periods
from exhibition.models import Exhibition, Section

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
    sections = Section.objects.filter(
        slug__in=shared,
        status=Status.PUBLISHED,
        exhibition__status=Status.PUBLISHED,
    )
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


def _grouped(model, ids, path, extra=(), published_path=None, where=None):
    # One filter() call: across a multi-valued relation (a record's places in
    # sections) each call may be met by a different place, so a published section
    # of a draft exhibition would pass beside a published exhibition's section.
    conditions = dict(where or {})
    if published_path:
        conditions[published_path] = Status.PUBLISHED
    rows = model.objects.filter(pk__in=ids, **conditions)
    return (
        rows.values(path, *extra).annotate(n=Count("pk", distinct=True)).order_by(path)
    )


def _people_links(model, ids):
    """The links of the records ``ids`` to their published people, and the name
    of the links' record column."""
    kind = model._meta.model_name
    links = model.people.through.objects.filter(
        **{f"{kind}__in": ids}, person__status=Status.PUBLISHED
    )
    return links, kind


def build_facets(model, filtered, selected, artifact_kind):
    """Return the facets for ``filtered`` (a queryset) given the selected values."""
    ids = filtered.order_by().values("pk")
    facets = []

    def chosen(name):
        return set(selected.getlist(name))

    exhibitions = _grouped(
        model,
        ids,
        "section_items__section__exhibition__slug",
        [
            "section_items__section__exhibition__title_en",
            "section_items__section__exhibition__title_zh_hans",
            "section_items__section__exhibition__pk",
        ],
        published_path="section_items__section__exhibition__status",
        where={"section_items__section__status": Status.PUBLISHED},
    )
    facets.append(
        Facet(
            "exhibition",
            Exhibition._meta.verbose_name,
            [
                FacetValue(
                    row["section_items__section__exhibition__slug"],
                    _localised(row, "section_items__section__exhibition__title"),
                    row["n"],
                    row["section_items__section__exhibition__slug"]
                    in chosen("exhibition"),
                )
                for row in sorted(
                    exhibitions,
                    key=lambda r: r["section_items__section__exhibition__pk"],
                )
            ],
        )
    )

    # With exhibitions chosen, only their sections: slugs repeat across exhibitions.
    in_chosen = (
        {"section_items__section__exhibition__slug__in": chosen("exhibition")}
        if chosen("exhibition")
        else {}
    )
    sections = one_per_slug(
        model.objects.filter(
            pk__in=ids,
            section_items__section__status=Status.PUBLISHED,
            section_items__section__exhibition__status=Status.PUBLISHED,
            **in_chosen,
        ),
        "section_items__section",
        n=Count("pk", distinct=True),
    ).order_by("section_items__section__slug")
    labels = section_labels(
        sections, "section_items__section__slug", chosen("exhibition")
    )
    facets.append(
        Facet(
            "section",
            Section._meta.verbose_name,
            [
                FacetValue(
                    row["section_items__section__slug"],
                    labels.get(row["section_items__section__slug"], ""),
                    row["n"],
                    row["section_items__section__slug"] in chosen("section"),
                )
                for row in sorted(sections, key=lambda r: r["position"])
            ],
        )
    )

    if artifact_kind:
        types = _grouped(model, ids, "object_type__code", term_labels("object_type"))
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

    nationalities = links.values(
        "person__nationalities__code", *term_labels("person__nationalities")
    ).annotate(n=Count(record, distinct=True))
    facets.append(
        Facet(
            "nationality",
            Nationality._meta.verbose_name,
            _term_values(
                nationalities.order_by(),
                "person__nationalities",
                chosen("nationality"),
            ),
        )
    )

    roles = links.values(
        "person__roles__slug", "person__roles__name_en", "person__roles__name_zh_hans"
    ).annotate(n=Count(record, distinct=True))
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
                for row in roles.order_by("person__roles__slug")
                if row["person__roles__slug"]
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
    aggregates = {
        f"decade_{value}": Count("pk", filter=periods.overlapping(int(value)))
        for value, _label in periods.choices()
    }
    if artifact_kind:
        aggregates["has_image"] = Count(
            "pk",
            filter=Q(Exists(ArtifactImage.objects.filter(artifact=OuterRef("pk")))),
        )
    totals = model.objects.filter(pk__in=ids).aggregate(**aggregates)
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
