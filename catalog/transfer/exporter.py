"""Export the whole collection in the import's format.

``OUT_DIR/collection.csv`` has one row per artifact and photograph (the columns the
import reads), ``OUT_DIR/images/`` every image under the name the CSV gives it, and
``OUT_DIR/collection.json`` the sources, roles and biographies the rows refer to,
and the exhibitions with their sections and the order of what hangs in them.
``import_collection OUT_DIR/collection.csv --images OUT_DIR/images`` into an empty
catalogue gives back the same records.
"""

import csv
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.db import models
from django.db.models import Prefetch

from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    Person,
    Photograph,
    Role,
    Source,
)
from catalog.transfer.columns import (
    SKIPPED_FIELDS,
    VERSION_COLUMN,
    WORKFLOW_USERS,
    columns,
    field_columns,
    join_list,
    neutralise,
    translated_names,
)
from catalog.transfer.json_file import FORMAT


@dataclass
class ExportSummary:
    artifacts: int = 0
    photographs: int = 0
    people: int = 0
    images: int = 0


def cell(obj, f):
    value = getattr(obj, f.name)
    if f.name in WORKFLOW_USERS:
        return value.get_username() if value else ""
    if value is None:
        return ""
    if isinstance(f, models.ForeignKey):
        return value.code  # a vocabulary term: the import reads codes
    if isinstance(f, models.BooleanField):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def safe_cells(row):
    """A row no spreadsheet runs as formulas: see ``columns.neutralise``."""
    return {column: neutralise(value) for column, value in row.items()}


def citation_cells(record):
    return [
        f"{c.source.key}: {c.locator}" if c.locator else c.source.key
        for c in record.citations.all()
    ]


def json_entry(obj, skipped=()):
    """``obj``'s fields as ``collection.json`` writes them: each language of a
    translated field, users by name, times in ISO 8601; no files, no bookkeeping."""
    entry = {}
    for f in obj._meta.concrete_fields:
        if f.name in SKIPPED_FIELDS or f.name in translated_names(type(obj)):
            continue
        if f.name in ("portrait_width", "portrait_height") or f.name in skipped:
            continue
        entry[f.name] = (
            cell(obj, f)
            if (f.name in WORKFLOW_USERS or isinstance(f, models.DateTimeField))
            else getattr(obj, f.attname)
        )
    return entry


class Exporter:
    def __init__(self, out_dir, sections=None):
        self.out = Path(out_dir)
        self.images_dir = self.out / "images"
        self.sections = sections
        self.summary = ExportSummary()

    def copy_image(self, field_file, stem):
        suffix = PurePosixPath(field_file.name).suffix.lower()
        name = f"{stem}{suffix}"
        with field_file.storage.open(field_file.name, "rb") as source:
            (self.images_dir / name).write_bytes(source.read())
        self.summary.images += 1
        return name

    def common(self, record, kind):
        row = {"kind": kind}
        for f in field_columns(type(record)):
            row[f.name] = cell(record, f)
        row["people"] = join_list(person.slug for person in record.people.all())
        row["citations"] = join_list(citation_cells(record))
        if self.sections is not None:
            row["sections"] = join_list(self.sections.slugs_for(record))
        row[VERSION_COLUMN] = record.updated_at.isoformat()
        return row

    def artifact_rows(self):
        citations = Prefetch(
            "citations", queryset=Citation.objects.select_related("source")
        )
        images = Prefetch("images", queryset=ArtifactImage.objects.order_by("position"))
        artifacts = Artifact.objects.select_related("object_type")
        for artifact in artifacts.order_by("accession_number").prefetch_related(
            images, "people", citations
        ):
            row = self.common(artifact, "artifact")
            pictures = list(artifact.images.all())
            row["images"] = join_list(
                self.copy_image(image.image, f"artifact-{artifact.slug}-{n}")
                for n, image in enumerate(pictures, 1)
            )
            for column, attribute in (
                ("alt_text_en", "alt_text_en"),
                ("alt_text_zh_hans", "alt_text_zh_hans"),
                ("image_caption_en", "caption_en"),
                ("image_caption_zh_hans", "caption_zh_hans"),
            ):
                row[column] = join_list(
                    getattr(image, attribute) or "" for image in pictures
                )
            self.summary.artifacts += 1
            yield row

    def photograph_rows(self):
        citations = Prefetch(
            "citations", queryset=Citation.objects.select_related("source")
        )
        for photograph in Photograph.objects.order_by("slug").prefetch_related(
            "people", citations
        ):
            row = self.common(photograph, "photograph")
            row["images"] = join_list(
                [self.copy_image(photograph.image, f"photograph-{photograph.slug}")]
            )
            self.summary.photographs += 1
            yield row

    def extras(self):
        plain = json_entry
        people = []
        for person in Person.objects.order_by("slug").prefetch_related(
            "roles", "groups", "nationalities", "citations__source"
        ):
            entry = plain(person)
            entry["nationalities"] = [term.code for term in person.nationalities.all()]
            entry["roles"] = [role.slug for role in person.roles.all()]
            entry["groups"] = [group.slug for group in person.groups.all()]
            entry["citations"] = [
                (c.source.key, c.locator) for c in person.citations.all()
            ]
            if person.portrait:
                entry["portrait"] = self.copy_image(
                    person.portrait, f"person-{person.slug}"
                )
            people.append(entry)
            self.summary.people += 1
        extras = {
            "format": FORMAT,
            "version": 1,
            "sources": [plain(source) for source in Source.objects.order_by("key")],
            "roles": [plain(role) for role in Role.objects.order_by("slug")],
            "people": people,
        }
        if getattr(self.sections, "file_key", None):
            # Exhibitions and their sections, so a whole exhibition moves too.
            extras[self.sections.file_key] = self.sections.export_file(self.copy_image)
        return extras

    def run(self):
        self.images_dir.mkdir(parents=True, exist_ok=True)
        extras = self.extras()
        (self.out / "collection.json").write_text(
            json.dumps(extras, ensure_ascii=False, indent=1, default=str),
            encoding="utf-8",
        )
        # utf-8-sig: the BOM makes Excel read the Chinese text correctly.
        with (self.out / "collection.csv").open(
            "w", encoding="utf-8-sig", newline=""
        ) as handle:
            writer = csv.DictWriter(handle, fieldnames=columns())
            writer.writeheader()
            for rows in (self.artifact_rows(), self.photograph_rows()):
                writer.writerows(safe_cells(row) for row in rows)
        return self.summary


def export_collection(out_dir, sections=None):
    """Write the collection to ``out_dir``; return an ``ExportSummary``."""
    return Exporter(out_dir, sections=sections).run()
