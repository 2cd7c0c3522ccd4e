"""Checking each CSV row: its cells, the record it matches, duplicates."""

import re
from collections import Counter, defaultdict
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import (
    Artifact,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Source,
)
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
from catalog.transfer.json_checks import ExtrasCheck
from catalog.transfer.json_file import parse_extras
from catalog.transfer.rows import Row
from catalog.transfer.terms import TermLookup
from catalog.transfer.values import INVALID, snapshot


class RowChecks:
    """How ``CollectionImport`` checks rows (a mixin)."""

    def check_extras(self):
        """Check ``collection.json`` (see ``import_checks``); keep what the rows
        may refer to, and write nothing unless all of it is good."""
        extras = self.extras
        self.object_types = TermLookup(ObjectType, self.create_terms)
        self.nationalities = TermLookup(Nationality, self.create_terms)
        if isinstance(extras, (bytes, str)):
            extras, problems = parse_extras(extras)
            self.report.problems += problems
        owned = getattr(self.sections, "file_key", None)
        check = ExtrasCheck(
            extras,
            image_error=self.image_error,
            user=self.user,
            nationalities=self.nationalities,
            owned_keys=[owned] if owned else [],
        )
        usable = check.run()
        self.report.problems += check.problems
        self.extras = usable if check.problems else extras or {}
        self.file_part = None
        if owned and isinstance(extras, dict) and owned in extras:
            # Exhibitions and sections: checked by the app that owns them, which
            # may read ``self.extras`` (the sources and people the file brings).
            self.file_part = self.sections.read_file(extras[owned], self)
            self.report.problems += self.file_part.problems

    def check_header(self, header):
        known = set(columns())
        if "kind" not in header:
            self.problem(1, "kind", _("The file has no “kind” column."))
        for name in header:
            if name and name not in known:
                self.problem(1, name, _("Unknown column."))

    def load_lookups(self):
        self.people = {}
        extra_people = self.extras.get("people", [])
        for slug, *names in Person.objects.values_list(
            "slug", "name_en", "name_zh_hans"
        ):
            self._remember_person(slug, *names)
        for entry in extra_people:
            self._remember_person(
                entry["slug"], entry.get("name_en"), entry.get("name_zh_hans")
            )
        self.sources = set(Source.objects.values_list("key", flat=True))
        self.sources |= {entry["key"] for entry in self.extras.get("sources", [])}
        self.users = {
            user.get_username(): user for user in get_user_model().objects.all()
        }
        self.seen = Counter()
        self.known_columns = frozenset(columns())
        self.artifact_slugs = defaultdict(list)  # slug → row numbers, for duplicates

    def _remember_person(self, slug, *names):
        self.people.setdefault(slug, slug)
        for name in names:
            if isinstance(name, str) and name:
                self.people.setdefault(name.strip().lower(), slug)

    def without_nul(self, chunk):
        """The chunk's rows that hold no NUL character; each one found is reported.
        A NUL is invisible, no form of the admin lets one in, and PostgreSQL stores
        none (SQLite would keep it)."""
        kept = []
        for number, cells in chunk:
            if "\x00" not in "".join(cells.values()):
                kept.append((number, cells))
                continue
            for name, value in cells.items():
                if "\x00" in value:
                    self.problem(
                        number,
                        name,
                        _(
                            "This cell holds a NUL character (an invisible control "
                            "character the catalogue cannot store): remove it."
                        ),
                    )
        return kept

    def check_row(self, number, cells):
        """The checked ``Row`` of these cells, or None (a blank line, or a row
        whose record cannot be found or made); problems go to the report."""
        self.row_problems = len(self.report.problems)
        cells = {k: (v or "").replace("\r\n", "\n") for k, v in cells.items() if k}
        if not any(value.strip() for value in cells.values()):
            return None  # a blank line, as spreadsheets leave at the end
        kind = cells.get("kind", "").strip().lower()
        model = KINDS.get(kind)
        if model is None:
            self.problem(
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
        known = self.known_columns
        for name in cells:
            if cells[name].strip() and name in known and not applies(model, name):
                self.problem(
                    number,
                    name,
                    _("This column is not used for a %(kind)s.") % {"kind": kind},
                )
        record, created = self.find_record(number, model, values, cells)
        if record is None:
            return None
        if not created:
            self.check_version(number, record, cells.get("version", ""))
        row = Row(number, kind, model, values, record, created)
        row.before = None if created else snapshot(record)
        if "people" in cells:
            row.people = self.check_people(number, cells["people"])
        if "sections" in cells:
            row.sections = self.check_sections(number, cells["sections"])
        if "citations" in cells:
            row.citations = self.check_citations(number, cells["citations"])
        self.check_images(number, row, cells)
        self.check_status(number, row)
        self.check_record(number, row)
        return row

    def check_version(self, number, record, exported):
        """A row exported before someone changed the record may not overwrite it."""
        if exported.strip() and exported.strip() != record.updated_at.isoformat():
            when = timezone.localtime(record.updated_at).strftime("%Y-%m-%d %H:%M")
            self.problem(
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
        value = raw.strip() if not isinstance(f, models.TextField) else raw
        if f.name in WORKFLOW_USERS:
            return self.users.get(value.strip()) if value.strip() else None
        if f.name == "object_type":
            if not value.strip():
                return None
            term = self.object_types.find(value)
            if term is None:
                self.problem(number, f.name, self.object_types.unknown(value.strip()))
                return INVALID
            return term
        if isinstance(f, models.BooleanField):
            if value.strip().lower() in TRUE:
                return True
            if value.strip().lower() in FALSE:
                return False
            self.problem(number, f.name, _("Write yes or no."))
            return INVALID
        if isinstance(f, models.IntegerField):
            if not value.strip():
                return None
            if re.fullmatch(r"\s*-?\d+(\.0+)?\s*", value):
                return int(float(value))
            self.problem(
                number, f.name, _("“%(value)s” is not a year.") % {"value": value}
            )
            return INVALID
        if isinstance(f, models.DateTimeField):
            if not value.strip():
                return None
            try:
                moment = datetime.fromisoformat(value.strip())
            except ValueError:
                self.problem(
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
                self.problem(
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

    def find_record(self, number, model, values, cells):
        if model is Artifact:
            accession = values.get("accession_number", "")
            if not accession:
                self.problem(number, "accession_number", _("An artifact needs one."))
                return None, False
            record = self.existing.record(Artifact, accession)
            key = accession
        else:
            slug = values.get("slug") or self.default_slug(model, values, cells)
            if not slug:
                self.problem(
                    number, "slug", _("Give a slug, an English title or an image.")
                )
                return None, False
            values["slug"] = slug
            record = self.existing.record(Photograph, slug)
            key = slug
        self.seen[(model, key)] += 1
        if self.seen[(model, key)] > 1:
            column = "accession_number" if model is Artifact else "slug"
            self.problem(
                number,
                column,
                _("Duplicate: “%(key)s” is already in an earlier row.") % {"key": key},
            )
        created = record is None
        if model is Artifact and not values.get("slug"):
            # An empty slug cell keeps the slug the artifact has, or makes one.
            values.pop("slug", None)
            if created:
                values["slug"] = self.default_slug(model, values, cells)
        return (new_record(model) if created else record), created

    default_slug = staticmethod(default_slug)

    def remember_slug(self, row):
        """Keep each artifact row's slug (not the row) for ``check_duplicates``."""
        slug = row.values.get("slug")
        if row.model is Artifact and slug:
            self.artifact_slugs[slug].append(row.number)

    def check_duplicates(self):
        duplicates = sorted(
            (number, slug)
            for slug, numbers in self.artifact_slugs.items()
            if len(numbers) > 1
            for number in numbers
        )
        for number, slug in duplicates:
            self.problem(
                number,
                "slug",
                _("Duplicate: slug “%(slug)s” is used by another row.")
                % {"slug": slug},
            )
