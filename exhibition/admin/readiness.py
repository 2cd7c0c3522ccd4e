"""How ready an exhibition's sections are: items placed, published, and how many
placed records still miss something publishing asks for (catalog.readiness)."""

from dataclasses import dataclass

from django.db.models import Count, Q

from catalog.models import Artifact, Photograph, Status
from catalog.readiness import problem_filters
from exhibition.models import Section


@dataclass
class SectionRow:
    section: Section
    items: int = 0
    published: int = 0
    not_ready: int = 0


def any_problem(model):
    condition = Q(pk__in=[])
    for _label, problem in problem_filters(model).values():
        condition |= problem
    return condition


def section_overview(exhibition):
    """One row per section, in hanging order, with a fixed number of queries."""
    sections = list(
        Section.objects.filter(exhibition=exhibition).order_by("position", "pk")
    )
    rows = {section.pk: SectionRow(section) for section in sections}
    for model in (Artifact, Photograph):
        placed = model.objects.filter(section_items__section__in=sections)
        counts = placed.values("section_items__section").annotate(
            n=Count("pk", distinct=True),
            published=Count("pk", filter=Q(status=Status.PUBLISHED), distinct=True),
        )
        for row in counts:
            rows[row["section_items__section"]].items += row["n"]
            rows[row["section_items__section"]].published += row["published"]
        not_ready = (
            placed.exclude(status=Status.PUBLISHED)
            .filter(pk__in=model.objects.filter(any_problem(model)).values("pk"))
            .values("section_items__section")
            .annotate(n=Count("pk", distinct=True))
        )
        for row in not_ready:
            rows[row["section_items__section"]].not_ready += row["n"]
    return list(rows.values())
