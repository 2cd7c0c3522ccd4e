"""Printing by name, as the command line asks: accession numbers, photographs' ids
or slugs, "exhibition/section" and exhibitions' slugs, to one PDF."""

from catalog.models import Artifact, Photograph
from exhibition.labels import content, render
from exhibition.models import Exhibition, Section


class SelectionError(Exception):
    """A name that matches nothing; the message lists them all."""


def photograph_named(name):
    lookup = {"pk": int(name)} if name.isdigit() else {"slug": name}
    return Photograph.objects.filter(**lookup).first()


def section_named(name):
    exhibition, _slash, slug = name.partition("/")
    return (
        Section.objects.select_related("exhibition")
        .filter(exhibition__slug=exhibition, slug=slug)
        .first()
    )


def select(artifacts=(), photographs=(), sections=(), exhibitions=()):
    """The named things, drafts included: refusing those is content's job, with a
    message that says why rather than "not found"."""
    unknown, found = [], {"records": [], "sections": [], "exhibitions": []}
    finders = [
        (
            "records",
            artifacts,
            lambda n: Artifact.objects.filter(accession_number=n).first(),
        ),
        ("records", photographs, photograph_named),
        ("sections", sections, section_named),
        (
            "exhibitions",
            exhibitions,
            lambda n: Exhibition.objects.filter(slug=n).first(),
        ),
    ]
    for key, names, finder in finders:
        for name in names:
            thing = finder(name)
            if thing is None:
                unknown.append(name)
            else:
                found[key].append(thing)
    if unknown:
        raise SelectionError(
            f"No such record, section or exhibition: {', '.join(unknown)}"
        )
    return found


def print_labels(
    *,
    artifacts=(),
    photographs=(),
    sections=(),
    exhibitions=(),
    object_template,
    panel_template,
    base_url,
    with_labels=True,
):
    """A ``render.Printed`` for everything named, in the order: records, sections,
    exhibitions."""
    chosen = select(artifacts, photographs, sections, exhibitions)
    sheets = content.object_labels(chosen["records"], object_template, base_url)
    sheets += content.section_sheets(
        chosen["sections"], object_template, base_url, with_labels
    )
    sheets += content.exhibition_sheets(
        chosen["exhibitions"], object_template, base_url, with_labels
    )
    if not sheets:
        raise SelectionError(
            "Nothing to print: name artifacts, photographs, sections or exhibitions."
        )
    return render.render_pdf(sheets, object_template, panel_template)
