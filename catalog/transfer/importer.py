"""Import a collection from a CSV file and a folder (or ZIP) of images.

One CSV row per artifact or photograph (``kind`` column). Every row is checked
first and every problem is reported with its row and column; only a file without
problems is written, in one transaction. Artifacts are matched by accession
number and photographs by slug, so importing the same file again updates the
records instead of duplicating them. ``export_collection`` writes the same format,
plus ``collection.json`` beside the CSV with sources, roles and biographies, which
the import reads too when it is there.

Sections belong to the exhibition app, which the catalogue never imports: callers
pass a ``sections`` directory (see ``SectionDirectory``); the exhibition app
registers one at start-up.
"""

import csv
import hashlib
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.translator import translator

from catalog.images import validate_image_file
from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    Person,
    Photograph,
    Role,
    Source,
    Status,
)
from catalog.transfer.json_checks import ExtrasCheck, parse_extras

KINDS = {"artifact": Artifact, "photograph": Photograph}
LANGUAGE_SUFFIXES = ("en", "zh_hans")
WORKFLOW_USERS = ["submitted_by", "reviewed_by", "published_by", "withdrawn_by"]
# Not columns: the database's own bookkeeping, and files (the ``images`` column).
SKIPPED_FIELDS = {"id", "created_at", "updated_at", "image", "portrait"}
LIST_SEPARATOR = re.compile(r"(?<!\\)\|")
TRUE = {"1", "true", "yes", "y", "x", "是", "✓"}
FALSE = {"", "0", "false", "no", "n", "否"}
PROGRESS_EVERY = 10
OUTCOMES = {
    "created": gettext_lazy("created"),
    "updated": gettext_lazy("updated"),
    "unchanged": gettext_lazy("unchanged"),
    "to create": gettext_lazy("to create"),
    "to update": gettext_lazy("to update"),
}


# -- sections: provided by the exhibition app --------------------------------------


class SectionDirectory:
    """What the importer and exporter need to know about sections. Subclassed in
    ``exhibition`` and registered with ``register_sections``."""

    def resolve(self, value):
        """The section named by ``value`` (slug or title, either language), or None."""
        raise NotImplementedError

    def place(self, record, sections):
        """Hang ``record`` in each of ``sections`` it is not in yet (at the end)."""
        raise NotImplementedError

    def slugs_for(self, record):
        """The slugs of the sections ``record`` hangs in, in a stable order."""
        raise NotImplementedError


_registered_sections = None


def register_sections(directory):
    global _registered_sections
    _registered_sections = directory


def registered_sections():
    return _registered_sections


# -- columns ---------------------------------------------------------------------


def translated_names(model):
    options = translator.get_options_for_model(model)
    return set(options.all_fields)


def field_columns(model):
    """The model's fields that are CSV columns, in model order."""
    base = translated_names(model)
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in SKIPPED_FIELDS
        and f.name not in base
        and f.name not in ("width", "height")
    ]


def columns():
    """Every column, in the order the exporter writes them."""
    names = ["kind"]
    for model in KINDS.values():
        for f in field_columns(model):
            if f.name not in names:
                names.append(f.name)
    names += [
        "people",
        "sections",
        "citations",
        "images",
        "image_caption_en",
        "image_caption_zh_hans",
    ]
    return names


def split_list(value):
    if not value.strip():
        return []
    return [part.strip().replace("\\|", "|") for part in LIST_SEPARATOR.split(value)]


def join_list(values):
    return "|".join(str(value).replace("|", "\\|") for value in values)


def checksum(data):
    return hashlib.sha256(data).hexdigest()


# -- images ----------------------------------------------------------------------


class ImageFolder:
    """Images by file name, from a folder (searched recursively) or a ZIP file."""

    def __init__(self, location):
        self.files = {}
        self.zip = None
        if location is None:
            return
        location = Path(location)
        if location.is_file() and zipfile.is_zipfile(location):
            self.zip = zipfile.ZipFile(location)
            for info in self.zip.infolist():
                if not info.is_dir():
                    self._add(PurePosixPath(info.filename).name, info)
        elif location.is_dir():
            for path in sorted(location.rglob("*")):
                if path.is_file():
                    self._add(path.name, path)

    def _add(self, name, where):
        if name.startswith(".") or name.startswith("__MACOSX"):
            return
        self.files.setdefault(name, where)
        self.files.setdefault(name.lower(), where)

    def find(self, name):
        return self.files.get(name) or self.files.get(name.lower())

    def size(self, where):
        return where.file_size if self.zip else where.stat().st_size

    def read(self, where):
        if self.zip:
            with self.zip.open(where) as handle:
                return handle.read()
        return where.read_bytes()

    def close(self):
        if self.zip:
            self.zip.close()


# -- reading the CSV ---------------------------------------------------------------


class ImportFileError(Exception):
    """The file cannot be read at all (not UTF-8, no header)."""


def read_rows(data):
    """Header and rows of a CSV given as bytes: UTF-8 with or without BOM."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 "
                "(Comma delimited)”."
            )
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = list(reader)
    if not rows:
        raise ImportFileError(_("The file is empty."))
    header = [name.strip().lower() for name in rows[0]]
    return header, rows[1:]


# -- the import ---------------------------------------------------------------------


@dataclass
class Problem:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self):
        return _("Row %(row)s, column %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column or "—",
            "message": self.message,
        }


@dataclass
class Report:
    problems: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.problems

    def lines(self):
        for (kind, outcome), count in sorted(self.counts.items()):
            yield _("%(kind)s: %(count)s %(outcome)s") % {
                "kind": KINDS[kind]._meta.verbose_name,
                "count": count,
                "outcome": OUTCOMES[outcome],
            }


@dataclass
class Row:
    number: int
    kind: str
    model: type
    values: dict
    record: models.Model
    created: bool
    people: list = None
    sections: list = None
    citations: list = None
    images: list = None  # [(file name, bytes)]
    image_text: dict = None  # column → per-image values


class CollectionImport:
    """Validate, then write. Iterate ``steps()`` for progress; read ``report``."""

    def __init__(self, csv_data, images=None, *, extras=None, sections=None, user=None):
        """``extras``: the content of ``collection.json``, parsed or as bytes."""
        self.csv_data = csv_data
        self.images = images if isinstance(images, ImageFolder) else ImageFolder(images)
        self.extras = extras
        self.sections = sections
        self.user = user
        self.report = Report()
        self.rows = []
        self._image_cache = {}

    # progress: (done, total, phase) tuples; phase is "checking" or "importing"
    def steps(self, dry_run=False):
        self.report.dry_run = dry_run
        self.check_extras()
        try:
            header, raw_rows = read_rows(self.csv_data)
        except ImportFileError as error:
            self.report.problems.append(Problem(1, "", str(error)))
            return
        extras_problems = len(self.report.problems)
        self.check_header(header)
        if len(self.report.problems) > extras_problems:
            return
        self.load_lookups()
        total = len(raw_rows)
        for index, raw in enumerate(raw_rows):
            self.check_row(index + 2, dict(zip(header, raw, strict=False)))
            if index % PROGRESS_EVERY == 0 or index + 1 == total:
                yield index + 1, total, "checking"
        self.check_duplicates()
        if self.report.problems or dry_run:
            for row in self.rows:
                self.report.counts[
                    (row.kind, "to create" if row.created else "to update")
                ] += 1
            return
        with transaction.atomic():
            self.write_extras()
            for index, row in enumerate(self.rows):
                self.write_row(row)
                if index % PROGRESS_EVERY == 0 or index + 1 == len(self.rows):
                    yield index + 1, len(self.rows), "importing"

    def run(self, dry_run=False):
        for _step in self.steps(dry_run=dry_run):
            pass
        return self.report

    def problem(self, row, column, message):
        self.report.problems.append(Problem(row, column, str(message)))

    # -- checking -----------------------------------------------------------------

    def check_extras(self):
        """Check ``collection.json`` (see ``import_checks``); keep what the rows
        may refer to, and write nothing unless all of it is good."""
        extras = self.extras
        if isinstance(extras, (bytes, str)):
            extras, problems = parse_extras(extras)
            self.report.problems += problems
        check = ExtrasCheck(extras, image_error=self.image_error, user=self.user)
        usable = check.run()
        self.report.problems += check.problems
        self.extras = usable if check.problems else extras or {}

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
        for person in Person.objects.only("slug", "name_en", "name_zh_hans"):
            self._remember_person(person.slug, person.name_en, person.name_zh_hans)
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

    def _remember_person(self, slug, *names):
        self.people.setdefault(slug, slug)
        for name in names:
            if isinstance(name, str) and name:
                self.people.setdefault(name.strip().lower(), slug)

    def check_row(self, number, cells):
        cells = {k: (v or "").replace("\r\n", "\n") for k, v in cells.items() if k}
        if not any(value.strip() for value in cells.values()):
            return  # a blank line, as spreadsheets leave at the end
        kind = cells.get("kind", "").strip().lower()
        model = KINDS.get(kind)
        if model is None:
            self.problem(
                number,
                "kind",
                _("“%(kind)s” is not a kind; use artifact or photograph.")
                % {"kind": cells.get("kind", "")},
            )
            return
        values = {}
        for f in field_columns(model):
            if f.name in cells:
                parsed = self.parse(number, f, cells[f.name])
                if parsed is not INVALID:
                    values[f.name] = parsed
        for name in cells:
            if (
                cells[name].strip()
                and name in columns()
                and not self._applies(model, name)
            ):
                self.problem(
                    number,
                    name,
                    _("This column is not used for a %(kind)s.") % {"kind": kind},
                )
        record, created = self.find_record(number, model, values, cells)
        if record is None:
            return
        row = Row(number, kind, model, values, record, created)
        if "people" in cells:
            row.people = self.check_people(number, cells["people"])
        if "sections" in cells:
            row.sections = self.check_sections(number, cells["sections"])
        if "citations" in cells:
            row.citations = self.check_citations(number, cells["citations"])
        self.check_images(number, row, cells)
        self.check_status(number, row)
        self.check_record(number, row)
        self.rows.append(row)

    def _applies(self, model, name):
        if name in ("kind", "people", "sections", "citations", "images"):
            return True
        if name.startswith("image_caption_"):
            return model is Artifact
        if name.startswith("alt_text_"):
            return True
        return any(f.name == name for f in field_columns(model))

    def parse(self, number, f, raw):
        value = raw.strip() if not isinstance(f, models.TextField) else raw
        if f.name in WORKFLOW_USERS:
            return self.users.get(value.strip()) if value.strip() else None
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
            by_label = {str(label).lower(): key for key, label in f.choices}
            by_key = {str(key).lower(): key for key, _label in f.choices}
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
            record = Artifact.objects.filter(accession_number=accession).first()
            key = accession
        else:
            slug = values.get("slug") or self.default_slug(model, values, cells)
            if not slug:
                self.problem(
                    number, "slug", _("Give a slug, an English title or an image.")
                )
                return None, False
            values["slug"] = slug
            record = Photograph.objects.filter(slug=slug).first()
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
        return (model() if created else record), created

    @staticmethod
    def default_slug(model, values, cells):
        if model is Artifact:
            title = slugify(values.get("title_en", ""))[:80]
            accession = slugify(values.get("accession_number", ""))
            return "-".join(part for part in (title, accession) if part)
        title = slugify(values.get("title_en", ""))[:100]
        images = split_list(cells.get("images", ""))
        stem = slugify(PurePosixPath(images[0]).stem) if images else ""
        return title or stem

    def check_duplicates(self):
        slugs = Counter(row.values.get("slug") for row in self.rows)
        for row in self.rows:
            slug = row.values.get("slug")
            if row.model is Artifact and slug and slugs[slug] > 1:
                self.problem(
                    row.number,
                    "slug",
                    _("Duplicate: slug “%(slug)s” is used by another row.")
                    % {"slug": slug},
                )

    def check_people(self, number, value):
        found = []
        for name in split_list(value):
            slug = self.people.get(name) or self.people.get(name.lower())
            if slug is None:
                self.problem(
                    number,
                    "people",
                    _("Unknown person “%(name)s”.") % {"name": name},
                )
            else:
                found.append(slug)
        return found

    def check_sections(self, number, value):
        names = split_list(value)
        if names and self.sections is None:
            self.problem(
                number, "sections", _("Sections cannot be set in this import.")
            )
            return []
        found = []
        for name in names:
            section = self.sections.resolve(name)
            if section is None:
                self.problem(
                    number,
                    "sections",
                    _("Unknown section “%(name)s”.") % {"name": name},
                )
            else:
                found.append(section)
        return found

    def check_citations(self, number, value):
        found = []
        for entry in split_list(value):
            key, _sep, locator = entry.partition(":")
            key = key.strip()
            if key not in self.sources:
                self.problem(
                    number,
                    "citations",
                    _("Unknown source “%(key)s”.") % {"key": key},
                )
            else:
                found.append((key, locator.strip()))
        return found

    def load_image(self, number, column, name):
        """The checked bytes of image ``name``, or None after reporting why not."""
        data, error = self._cached_image(name)
        if error:
            self.problem(number, column, error)
            return None
        return data

    def image_error(self, name):
        """Why image ``name`` cannot be used, or None."""
        return self._cached_image(name)[1]

    def _cached_image(self, name):
        if name not in self._image_cache:
            self._image_cache[name] = self._read_image(name)
        return self._image_cache[name]

    def _read_image(self, name):
        where = self.images.find(name)
        if where is None:
            return None, _("Missing image “%(name)s”: no such file.") % {"name": name}
        if self.images.size(where) > settings.IMAGE_MAX_BYTES:
            return None, _("Image “%(name)s” is too large.") % {"name": name}
        data = self.images.read(where)
        upload = ContentFile(data, name=name)
        try:
            validate_image_file(upload)
        except ValidationError as error:
            return None, _("Broken image “%(name)s”: %(error)s") % {
                "name": name,
                "error": " ".join(error.messages),
            }
        return data, None

    def check_images(self, number, row, cells):
        names = split_list(cells.get("images", ""))
        if row.model is Photograph:
            if len(names) > 1:
                self.problem(number, "images", _("A photograph has one image."))
            if not names and row.created:
                self.problem(number, "images", _("A new photograph needs an image."))
        if names:
            row.images = []
            for name in names:
                data = self.load_image(number, "images", name)
                if data is not None:
                    row.images.append((name, data))
        if row.model is Artifact:
            row.image_text = {}
            for column in (
                "alt_text_en",
                "alt_text_zh_hans",
                "image_caption_en",
                "image_caption_zh_hans",
            ):
                if column in cells:
                    values = split_list(cells[column])
                    if len(values) > len(names):
                        self.problem(
                            number,
                            column,
                            _("More values than images (%(count)s).")
                            % {"count": len(names)},
                        )
                    row.image_text[column] = values

    def check_status(self, number, row):
        status = row.values.get("status")
        if status in (None, Status.DRAFT, Status.REVIEW) or self.user is None:
            return
        if not self.user.has_perm(f"catalog.publish_{row.model._meta.model_name}"):
            self.problem(
                number,
                "status",
                _("You may not import records as %(status)s.")
                % {"status": Status(status).label.lower()},
            )

    def check_record(self, number, row):
        record = row.record
        for name, value in row.values.items():
            if value == "" and getattr(record, name) is None:
                continue  # blank either way: not a change
            setattr(record, name, value)
        year_from, year_to = record.year_from, record.year_to
        if year_from is not None and year_to is not None and year_from > year_to:
            self.problem(
                number, "year_to", _("The latest year is before the earliest.")
            )
        try:
            record.full_clean(exclude=["image"], validate_constraints=False)
        except ValidationError as error:
            reported = {(p.row, p.column) for p in self.report.problems}
            for name, messages in error.message_dict.items():
                column = name
                if name in translated_names(row.model):
                    column = f"{name}_en"
                if (number, column) in reported:
                    continue  # already explained, e.g. an unknown choice
                for message in messages:
                    self.problem(number, column, message)

    # -- writing ------------------------------------------------------------------

    def save(self, obj):
        obj._history_user = self.user
        obj._change_reason = "imported"
        obj.save()

    def write_row(self, row):
        record = row.record
        before = (
            None if row.created else snapshot(type(record).objects.get(pk=record.pk))
        )
        changed = row.created or snapshot(record) != before
        if row.model is Photograph and row.images:
            name, data = row.images[0]
            if not record.image or stored_checksum(record.image) != checksum(data):
                record.image.save(name, ContentFile(data), save=False)
                changed = True
        if changed:
            self.save(record)
        if row.people is not None:
            wanted = set(Person.objects.filter(slug__in=row.people))
            if wanted != set(record.people.all()):
                record.people.set(wanted)
                changed = True
        if row.citations is not None:
            changed |= set_citations(record, row.citations)
        if row.model is Artifact and row.images is not None:
            changed |= self.sync_artifact_images(record, row)
        if row.sections and self.sections is not None:
            self.sections.place(record, row.sections)
        outcome = "created" if row.created else "updated" if changed else "unchanged"
        self.report.counts[(row.kind, outcome)] += 1

    def sync_artifact_images(self, artifact, row):
        existing = {}
        for image in artifact.images.all():
            existing.setdefault(stored_checksum(image.image), []).append(image)
        changed = False
        keep = []
        for position, (name, data) in enumerate(row.images):
            text = {
                column.removeprefix("image_"): (
                    values[position] if position < len(values) else ""
                )
                for column, values in row.image_text.items()
            }
            matches = existing.get(checksum(data)) or []
            image = matches.pop(0) if matches else None
            if image is None:
                image = ArtifactImage(artifact=artifact)
                image.image.save(name, ContentFile(data), save=False)
            before = snapshot(image) if image.pk else None
            image.position = position
            for column, value in text.items():
                if not (value == "" and getattr(image, column) is None):
                    setattr(image, column, value)
            if image.pk is None or snapshot(image) != before:
                self.save(image)
                changed = True
            keep.append(image.pk)
        for leftover in artifact.images.exclude(pk__in=keep):
            leftover._history_user = self.user
            leftover.delete()
            changed = True
        return changed

    def write_extras(self):
        """Sources, roles and biographies from ``collection.json``, before the rows."""
        for entry in self.extras.get("sources", []):
            source = Source.objects.filter(key=entry["key"]).first() or Source()
            assign(source, entry)
            source.save()
        for entry in self.extras.get("roles", []):
            role = Role.objects.filter(slug=entry["slug"]).first() or Role()
            assign(role, entry)
            role.save()
        people = []
        for entry in self.extras.get("people", []):
            person = Person.objects.filter(slug=entry["slug"]).first() or Person()
            assign(person, entry, users=self.users)
            portrait = entry.get("portrait")
            if portrait:
                where = self.images.find(portrait)
                if where is not None:
                    data = self.images.read(where)
                    if not person.portrait or stored_checksum(
                        person.portrait
                    ) != checksum(data):
                        person.portrait.save(portrait, ContentFile(data), save=False)
            self.save(person)
            people.append((person, entry))
        for person, entry in people:
            person.roles.set(Role.objects.filter(slug__in=entry.get("roles", [])))
            person.groups.set(Person.objects.filter(slug__in=entry.get("groups", [])))
            set_citations(person, entry.get("citations", []))


INVALID = object()


def assign(obj, entry, users=None):
    for f in obj._meta.concrete_fields:
        if f.name in entry and f.name not in SKIPPED_FIELDS:
            value = entry[f.name]
            if value in ("", None) and f.null:
                value = None
            elif f.name in WORKFLOW_USERS:
                value = (users or {}).get(value) if value else None
            elif isinstance(f, models.DateTimeField) and value:
                value = datetime.fromisoformat(value)
            setattr(obj, f.name, value)


def snapshot(obj):
    return {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if f.name not in ("updated_at", "created_at")
    }


def stored_checksum(field_file):
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            return checksum(handle.read())
    except (FileNotFoundError, OSError):
        return None


def set_citations(record, citations):
    """Make ``record``'s citations exactly ``[(source key, locator), …]``."""
    content_type = ContentType.objects.get_for_model(record)
    wanted = [(key, locator) for key, locator in citations]
    current = list(
        Citation.objects.filter(content_type=content_type, object_id=record.pk)
        .select_related("source")
        .order_by("position", "pk")
    )
    if [(c.source.key, c.locator) for c in current] == wanted:
        return False
    Citation.objects.filter(content_type=content_type, object_id=record.pk).delete()
    sources = Source.objects.in_bulk([key for key, _l in wanted], field_name="key")
    Citation.objects.bulk_create(
        Citation(
            content_type=content_type,
            object_id=record.pk,
            source=sources[key],
            locator=locator,
            position=position,
        )
        for position, (key, locator) in enumerate(wanted)
    )
    return True


def read_extras(csv_path):
    """``collection.json`` beside the CSV, as written by the export, if present: its
    bytes, which the import parses and checks."""
    path = Path(csv_path).with_suffix(".json")
    if not path.exists():
        return None
    return path.read_bytes()
