"""Sets: one per kind of record, the exhibitions and each exhibition's sections.

``artifact``, ``photograph``, ``person``; ``exhibition`` (anything shown in one),
``exhibition:<slug>`` (what hangs in its sections, and the people it features) and
``exhibition:<slug>:<section>``. Only published exhibitions and sections count.
"""

import re
from collections import defaultdict

from django.db.models import Q

from exhibition.interop.oai.identifiers import KINDS
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem

ROOT = "exhibition"
SPEC = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$")


def is_valid(spec):
    return bool(SPEC.match(spec))


def visible_sections():
    return Section.objects.published().filter(
        exhibition__in=Exhibition.objects.published()
    )


def members(kind, spec):
    """A filter on ``kind``'s records for those in set ``spec``; ``None`` when no
    record of that kind can be in it."""
    if spec in KINDS:
        return Q() if spec == kind else None
    parts = spec.split(":")
    if parts[0] != ROOT or len(parts) > 3:
        return None
    if kind == "person":
        if len(parts) == 3:
            return None
        featured = FeaturedPerson.objects.filter(
            exhibition__in=Exhibition.objects.published()
        )
        if len(parts) == 2:
            featured = featured.filter(exhibition__slug=parts[1])
        return Q(pk__in=featured.values("person_id"))
    items = SectionItem.objects.filter(section__in=visible_sections())
    if len(parts) >= 2:
        items = items.filter(section__exhibition__slug=parts[1])
    if len(parts) == 3:
        items = items.filter(section__slug=parts[2])
    return Q(pk__in=items.values(f"{kind}_id"))


def section_specs(exhibition_slug, section_slug):
    exhibition = f"{ROOT}:{exhibition_slug}"
    return [ROOT, exhibition, f"{exhibition}:{section_slug}"]


def specs_of(page):
    """``{(kind, id): [set specs]}`` for the live records in ``page`` (two queries)."""
    wanted = defaultdict(list)
    for kind, pk in page:
        wanted[kind].append(pk)
    found = defaultdict(dict)
    for kind, pk in page:
        found[kind, pk][kind] = None
    placed = Q()
    for kind in ("artifact", "photograph"):
        if wanted[kind]:
            placed |= Q(**{f"{kind}_id__in": wanted[kind]})
    if placed:
        rows = SectionItem.objects.filter(
            placed, section__in=visible_sections()
        ).values_list(
            "artifact_id", "photograph_id", "section__exhibition__slug", "section__slug"
        )
        for artifact, photograph, exhibition, section in rows:
            key = ("artifact", artifact) if artifact else ("photograph", photograph)
            found[key].update(dict.fromkeys(section_specs(exhibition, section)))
    if wanted["person"]:
        rows = FeaturedPerson.objects.filter(
            person_id__in=wanted["person"],
            exhibition__in=Exhibition.objects.published(),
        ).values_list("person_id", "exhibition__slug")
        for person, exhibition in rows:
            found["person", person].update(
                dict.fromkeys([ROOT, f"{ROOT}:{exhibition}"])
            )
    return {key: sorted(specs) for key, specs in found.items()}


def stored(specs):
    """The form kept on a tombstone: each spec between spaces."""
    return f" {' '.join(specs)} " if specs else ""


def stored_filter(spec):
    return Q(set_specs__contains=f" {spec} ")


def all_sets():
    """(spec, exhibition or section or ``None``, kind or ``None``) for ListSets."""
    sets = [(kind, None, kind) for kind in KINDS]
    sets.append((ROOT, None, None))
    exhibitions = Exhibition.objects.published().order_by("slug")
    for exhibition in exhibitions:
        sets.append((f"{ROOT}:{exhibition.slug}", exhibition, None))
    for section in (
        visible_sections()
        .select_related("exhibition")
        .order_by("exhibition__slug", "position", "pk")
    ):
        sets.append(
            (section_specs(section.exhibition.slug, section.slug)[2], section, None)
        )
    return sorted(sets, key=lambda entry: entry[0])
