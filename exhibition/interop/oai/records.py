"""Records in ``oai_dc`` (unqualified Dublin Core), every text in both languages.

Each translated field gives one element per language that has text, marked
``xml:lang="en"`` or ``"zh-Hans"``; untranslated values (accession numbers, years,
addresses) carry no language. Only what the public record page shows is used.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation

from catalog.models import Person
from exhibition.interop.oai.identifiers import models
from exhibition.interop.oai.xml import DC, XML_LANG, add, dublin_core

METADATA_PREFIX = "oai_dc"


def languages():
    """(code, field suffix, xml:lang tag), e.g. ("zh-hans", "zh_hans", "zh-Hans")."""
    for code, _name in settings.LANGUAGES:
        tag = translation.to_locale(code).replace("_", "-")
        yield code, code.replace("-", "_"), tag


def published_records(kind, pks):
    """``{id: record}`` for the published ones among ``pks``, with what ``oai_dc``
    reads (a fixed number of queries per kind, whatever the number of records)."""
    if not pks:
        return {}
    queryset = models()[kind].objects.published().filter(pk__in=pks)
    people = Prefetch("people", queryset=Person.objects.published().order_by("pk"))
    if kind == "artifact":
        queryset = queryset.select_related("object_type").prefetch_related(people)
    elif kind == "photograph":
        queryset = queryset.prefetch_related(people)
    else:
        queryset = queryset.prefetch_related("nationalities", "roles")
    return {record.pk: record for record in queryset}


class Writer:
    """Writes one record's ``oai_dc:dc`` into a ``metadata`` element."""

    def __init__(self, request, museum):
        self.request = request
        self.museum = museum

    def write(self, parent, kind, record):
        self.dc = dublin_core(parent)
        getattr(self, kind)(record)
        self.translated("publisher", self.museum, "name")
        self.pages(record)
        return self.dc

    # -- the three kinds ---------------------------------------------------------

    def artifact(self, record):
        self.translated("title", record, "title")
        self.translated("description", record, "description")
        self.names("subject", record.people.all())
        self.dates(record, "date_display", record.year_from, record.year_to)
        self.plain("type", "PhysicalObject")
        self.translated("type", record.object_type, "label")
        self.translated("format", record, "materials")
        self.plain("format", record.dimensions)
        self.translated("coverage", record, "place")
        self.plain("identifier", record.accession_number)
        self.translated("rights", record, "rights")
        self.translated("rights", record, "credit_line")

    def photograph(self, record):
        self.translated("title", record, "title")
        self.translated("creator", record, "photographer")
        self.translated("description", record, "caption")
        self.names("subject", record.people.all())
        self.dates(record, "date_display", record.year_from, record.year_to)
        self.plain("type", "StillImage")
        self.translated("coverage", record, "place")
        self.translated("source", record, "archive")
        self.plain("identifier", record.archive_reference)
        self.translated("rights", record, "rights")
        self.translated("rights", record, "credit_line")

    def person(self, record):
        self.translated("title", record, "name")
        self.translated("title", record, "other_names")
        self.translated("description", record, "summary")
        self.names("subject", [record])
        for role in record.roles.all():
            self.translated("subject", role, "name")
        self.translated("date", record, "birth_display")
        self.translated("date", record, "death_display")
        self.translated("coverage", record, "active_display")
        self.translated("coverage", record, "active_places")
        for nationality in record.nationalities.all():
            self.translated("coverage", nationality, "label")
        self.plain("type", "Text")
        for _code, suffix, tag in languages():
            if getattr(record, f"summary_{suffix}") or getattr(
                record, f"body_{suffix}"
            ):
                self.plain("language", tag)

    # -- elements ----------------------------------------------------------------

    def plain(self, element, value):
        if value not in (None, ""):
            add(self.dc, f"{{{DC}}}{element}", str(value).strip())

    def translated(self, element, source, field):
        for _code, suffix, tag in languages():
            value = (getattr(source, f"{field}_{suffix}", "") or "").strip()
            if value:
                add(self.dc, f"{{{DC}}}{element}", value, **{XML_LANG: tag})

    def names(self, element, people):
        for person in people:
            self.translated(element, person, "name")

    def dates(self, record, field, year_from, year_to):
        self.translated("date", record, field)
        if year_from is not None and year_to not in (None, year_from):
            self.plain("date", f"{year_from}/{year_to}")
        else:
            self.plain("date", year_from if year_from is not None else year_to)

    def pages(self, record):
        """The record's public page in each language."""
        for code, _suffix, _tag in languages():
            with translation.override(code):
                path = record.get_absolute_url()
            self.plain("identifier", self.request.build_absolute_uri(path))
