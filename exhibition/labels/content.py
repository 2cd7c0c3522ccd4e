"""What goes on each label and panel, in both languages, for records, sections and
exhibitions. Only published content is printed: a label's QR code must lead to a
page visitors can open."""

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext, ngettext

from catalog.models import Artifact, Photograph
from exhibition.labels.addresses import kind_of, short_path, short_url
from exhibition.models import Section, SectionItem

LANGUAGES = ("en", "zh-hans")
HTML_LANG = {"en": "en", "zh-hans": "zh-Hans"}
SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？]")


class NotPrintable(Exception):
    """What was asked for cannot be printed; the message says why, for curators."""


@dataclass
class Side:
    """One language's text on a label or panel."""

    language: str
    title: str
    lines: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)
    credit: str = ""
    scan: str = ""  # an object label's QR caption, under this side's half


@dataclass
class ObjectLabel:
    record: object
    identifier: str
    url: str
    path: str
    sides: list


@dataclass
class Panel:
    section: Section
    sides: list


def paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def short_text(text, limit):
    """The first paragraph, cut at the last sentence end within ``limit``."""
    first = next(iter(paragraphs(text)), "")
    if len(first) <= limit:
        return first
    ends = [m.end() for m in SENTENCE_END.finditer(first, 0, limit)]
    if ends and ends[-1] > limit // 3:
        return first[: ends[-1]].strip()
    cut = first[: limit - 1]
    if " " in cut and not first[len(cut)].isspace():  # drop a word cut in two
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def record_side(record, language, limit):
    with translation.override(language):
        lines = [" · ".join(p for p in (record.date_display, record.place) if p)]
        if isinstance(record, Artifact):
            lines += [record.materials]
            text = record.description
        else:
            if record.photographer:
                lines.append(
                    gettext("Photograph: %(name)s") % {"name": record.photographer}
                )
            text = record.caption
        return Side(
            language=HTML_LANG[language],
            title=record.title,
            lines=[line for line in lines if line],
            paragraphs=[short_text(text, limit)] if text else [],
            credit=record.credit_line,
            scan=gettext("Scan for more"),
        )


def refuse_unpublished(things):
    waiting = [str(thing) for thing in things if not thing.is_published]
    if waiting:
        raise NotPrintable(
            ngettext(
                "Not published, so not printed (its QR code would lead nowhere): "
                "%(names)s",
                "Not published, so not printed (their QR codes would lead nowhere): "
                "%(names)s",
                len(waiting),
            )
            % {"names": "; ".join(waiting)}
        )


def object_labels(records, template, base_url):
    """Labels for ``records``, in the order given; refuses any not published."""
    records = list(records)
    refuse_unpublished(records)
    labels = []
    for record in records:
        is_artifact = kind_of(record) == "artifact"
        labels.append(
            ObjectLabel(
                record=record,
                identifier=record.accession_number if is_artifact else "",
                url=short_url(record, base_url),
                path=short_path(record),
                sides=[
                    record_side(record, language, limit)
                    for language, limit in zip(
                        LANGUAGES, template.text_chars, strict=True
                    )
                ],
            )
        )
    return labels


def panel(section):
    sides = []
    for language in LANGUAGES:
        with translation.override(language):
            sides.append(
                Side(
                    language=HTML_LANG[language],
                    title=section.title,
                    lines=[section.exhibition.title],
                    paragraphs=paragraphs(section.introduction),
                )
            )
    return Panel(section=section, sides=sides)


def placed_records(section):
    """The section's published records in hanging order; drafts are not on show."""
    items = (
        SectionItem.objects.filter(section=section)
        .filter(
            Q(artifact__in=Artifact.objects.published())
            | Q(photograph__in=Photograph.objects.published())
        )
        .select_related("artifact", "photograph")
        .order_by("position", "pk")
    )
    return [item.record for item in items]


def section_sheets(sections, object_template, base_url, with_labels=True):
    """For each section: its panel, then its records' labels."""
    sections = list(sections)
    refuse_unpublished(sections)
    refuse_unpublished({section.exhibition for section in sections})
    sheets = []
    for section in sections:
        sheets.append(panel(section))
        if with_labels:
            sheets += object_labels(placed_records(section), object_template, base_url)
    return sheets


def exhibition_sheets(exhibitions, object_template, base_url, with_labels=True):
    exhibitions = list(exhibitions)
    refuse_unpublished(exhibitions)
    sections = (
        Section.objects.published()
        .filter(exhibition__in=exhibitions)
        .select_related("exhibition")
        .order_by("exhibition__pk", "position", "pk")
    )
    return section_sheets(sections, object_template, base_url, with_labels)
