"""Checking each CSV row: its header, its cells, the record it matches, and (with
``link_checks`` and ``record_checks``) what it links to and the record it leaves."""

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Artifact, Person, Photograph, Source
from catalog.transfer.batches import default_slug, new_record
from catalog.transfer.columns import (
    FALSE,
    KINDS,
    TRUE,
    WORKFLOW_USERS,
    applies,
    choice_keys,
    columns,
    field_columns,
)
from catalog.transfer.link_checks import (
    check_citations,
    check_images,
    check_people,
    check_sections,
)
from catalog.transfer.record_checks import check_record, check_status
from catalog.transfer.rows import Row, note
from catalog.transfer.values import INVALID, snapshot


def check_header(header, problems):
    known = set(columns())
    if "kind" not in header:
        note(problems, 1, "kind", _("The file has no “kind” column."))
    for name in header:
        if name and name not in known:
            note(problems, 1, name, _("Unknown column."))


def without_nul(chunk, problems):
    """The chunk's rows that hold no NUL character; each one found is reported. A
    NUL is invisible, no form of the admin lets one in, and PostgreSQL stores none
    (SQLite would keep it)."""
    kept = []
    for number, cells in chunk:
        if "\x00" not in "".join(cells.values()):
            kept.append((number, cells))
            continue
        for name, value in cells.items():
            if "\x00" in value:
                note(
                    problems,
                    number,
                    name,
                    _(
                        "This cell holds a NUL character (an invisible control "
                        "character the catalogue cannot store): remove it."
                    ),
                )
    return kept


@dataclass
class Lookups:
    """What rows may refer to, read once per import: people (slug or lower-case
    name → slug), source keys and users (by name), in the catalogue or in
    collection.json; and the import's ``TermLookup``s."""

    people: dict
    sources: set
    users: dict
    object_types: object
    nationalities: object


def load_lookups(extras, object_types, nationalities):
    people = {}

    def remember(slug, *names):
        people.setdefault(slug, slug)
        for name in names:
            if isinstance(name, str) and name:
                people.setdefault(name.strip().lower(), slug)

    for slug, *names in Person.objects.values_list("slug", "name_en", "name_zh_hans"):
        remember(slug, *names)
    for entry in extras.get("people", []):
        remember(entry["slug"], entry.get("name_en"), entry.get("name_zh_hans"))
    sources = set(Source.objects.values_list("key", flat=True))
    sources |= {entry["key"] for entry in extras.get("sources", [])}
    users = {user.get_username(): user for user in get_user_model().objects.all()}
    return Lookups(people, sources, users, object_types, nationalities)


class RowCheck:
    """Checks rows one at a time, each into a ``Row`` (or None): against
    ``lookups``, the ``images`` folder, sections found by ``resolve_section``
    (None: this import cannot set sections), as ``user`` may change them. Every
    problem goes to ``problems``; a key seen in an earlier row is a duplicate."""

    def __init__(self, lookups, *, images, resolve_section, user, problems):
        self.lookups = lookups
        self.images = images
        self.resolve_section = resolve_section
        self.user = user
        self.problems = problems
        self.seen = Counter()  # (model, accession number or slug) → rows
        self.known_columns = frozenset(columns())

    def check_row(self, number, cells, existing):
        """The checked ``Row`` of these cells, or None (a blank line, or a row
        whose record cannot be found or made). ``existing``: the chunk's
        ``Existing``."""
        problems = self.problems
        first = len(problems)
        cells = {k: (v or "").replace("\r\n", "\n") for k, v in cells.items() if k}
        if not any(value.strip() for value in cells.values()):
            return None  # a blank line, as spreadsheets leave at the end
        kind = cells.get("kind", "").strip().lower()
        model = KINDS.get(kind)
        if model is None:
            note(
                problems,
                number,
                "kind",
                _("“%(kind)s” is not a kind; use artifact or photograph.")
                % {"kind": cells.get("kind", "")},
            )
            return None
        values = {}
        for f in field_columns(model):
            if f.name in cells:
                parsed = self.parse(number, f, cells[f.name])
                if parsed is not INVALID:
                    values[f.name] = parsed
        for name in cells:
            if (
                cells[name].strip()
                and name in self.known_columns
                and not applies(model, name)
            ):
                note(
                    problems,
                    number,
                    name,
                    _("This column is not used for a %(kind)s.") % {"kind": kind},
                )
        record, created = self.find_record(number, model, values, cells, existing)
        if record is None:
            return None
        if not created:
            self.check_version(number, record, cells.get("version", ""))
        row = Row(number, kind, model, values, record, created)
        row.before = None if created else snapshot(record)
        lookups = self.lookups
        if "people" in cells:
            row.people = check_people(number, cells["people"], lookups.people, problems)
        if "sections" in cells:
            row.sections = check_sections(
                number, cells["sections"], self.resolve_section, problems
            )
        if "citations" in cells:
            row.citations = check_citations(
                number, cells["citations"], lookups.sources, problems
            )
        check_images(number, row, cells, self.images, problems)
        check_status(number, row, self.user, problems)
        check_record(row, existing, problems, first)
        return row

    def check_version(self, number, record, exported):
        """A row exported before someone changed the record may not overwrite it."""
        if exported.strip() and exported.strip() != record.updated_at.isoformat():
            when = timezone.localtime(record.updated_at).strftime("%Y-%m-%d %H:%M")
            note(
                self.problems,
                number,
                "version",
                _(
                    "Changed in the catalogue since this file was exported (last "
                    "change %(when)s): export again, or empty this cell to "
                    "overwrite that change."
                )
                % {"when": when},
            )

    def parse(self, number, f, raw):
        """The value of a cell for field ``f``, or ``INVALID`` (reported)."""
        value = raw.strip() if not isinstance(f, models.TextField) else raw
        if f.name in WORKFLOW_USERS:
            return self.lookups.users.get(value.strip()) if value.strip() else None
        if f.name == "object_type":
            if not value.strip():
                return None
            object_types = self.lookups.object_types
            term = object_types.find(value)
            if term is None:
                note(self.problems, number, f.name, object_types.unknown(value.strip()))
                return INVALID
            return term
        if isinstance(f, models.BooleanField):
            if value.strip().lower() in TRUE:
                return True
            if value.strip().lower() in FALSE:
                return False
            note(self.problems, number, f.name, _("Write yes or no."))
            return INVALID
        if isinstance(f, models.IntegerField):
            if not value.strip():
                return None
            if re.fullmatch(r"\s*-?\d+(\.0+)?\s*", value):
                return int(float(value))
            note(
                self.problems,
                number,
                f.name,
                _("“%(value)s” is not a year.") % {"value": value},
            )
            return INVALID
        if isinstance(f, models.DateTimeField):
            if not value.strip():
                return None
            try:
                moment = datetime.fromisoformat(value.strip())
            except ValueError:
                note(
                    self.problems,
                    number,
                    f.name,
                    _("“%(value)s” is not a date and time (use 2025-09-03 10:00).")
                    % {"value": value},
                )
                return INVALID
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            return moment
        if f.choices:
            by_key, by_label = choice_keys(f)
            found = by_key.get(value.lower()) or by_label.get(value.lower())
            if found is None and value:
                note(
                    self.problems,
                    number,
                    f.name,
                    _("“%(value)s” is not one of: %(choices)s.")
                    % {
                        "value": value,
                        "choices": ", ".join(str(key) for key, _l in f.choices),
                    },
                )
                return INVALID
            return found or f.get_default()
        return value

    def find_record(self, number, model, values, cells, existing):
        """(the record the row matches or a new one, whether new); (None, False)
        if the row names none."""
        if model is Artifact:
            accession = values.get("accession_number", "")
            if not accession:
                note(
                    self.problems,
                    number,
                    "accession_number",
                    _("An artifact needs one."),
                )
                return None, False
            record = existing.record(Artifact, accession)
            key = accession
        else:
            slug = values.get("slug") or default_slug(model, values, cells)
            if not slug:
                note(
                    self.problems,
                    number,
                    "slug",
                    _("Give a slug, an English title or an image."),
                )
                return None, False
            values["slug"] = slug
            record = existing.record(Photograph, slug)
            key = slug
        self.seen[(model, key)] += 1
        if self.seen[(model, key)] > 1:
            column = "accession_number" if model is Artifact else "slug"
            note(
                self.problems,
                number,
                column,
                _("Duplicate: “%(key)s” is already in an earlier row.") % {"key": key},
            )
        created = record is None
        if model is Artifact and not values.get("slug"):
            # An empty slug cell keeps the slug the artifact has, or makes one.
            values.pop("slug", None)
            if created:
                values["slug"] = default_slug(model, values, cells)
        return (new_record(model) if created else record), created
