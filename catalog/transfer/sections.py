"""Sections as the import and export see them: provided by the exhibition app,
which the catalogue never imports, through the directory it registers at start-up.

What a directory does is written down here, with no code of its own: the exhibition
app's ``Sections`` is the one implementation."""

from dataclasses import dataclass
from typing import Protocol


@dataclass
class FileContext:
    """What a directory's part of ``collection.json`` may read of the import: its
    ``images`` (an ``ImageFolder``: ``find``, ``read``, ``error``), the importing
    ``user`` (None for the server's own command) and the file's usable ``extras``
    (the sources and people it brings)."""

    images: object
    user: object
    extras: dict


class SectionDirectory(Protocol):
    """What the importer and exporter ask of sections. A directory also owns one
    top-level key of ``collection.json`` (``file_key``): the export writes
    ``export_file()`` under it, and the import hands what it finds there to
    ``read_file()``, which returns a checked ``FilePart``."""

    file_key: str

    def resolve_many(self, values):
        """``{value: section or None}``: the section each value names (slug or
        title, either language; "<exhibition>/<slug>" where a slug is reused)."""

    def unplaced(self, placements):
        """Of ``[(record, sections)]``, the records missing from one of their
        sections."""

    def place_all(self, placements, positions):
        """Hang each ``(record, sections)`` in the sections it is not in yet, at
        the end. ``positions``: a dict kept from one call to the next within a
        transaction, where the directory remembers each section's last position."""

    def slugs_for(self, record):
        """The slugs of the sections ``record`` hangs in, in a stable order."""

    def export_file(self, copy_image):
        """The JSON value written under ``file_key``; ``copy_image(field_file,
        stem)`` puts a file into the export's images and returns its name."""

    def read_file(self, value, context):
        """The ``FilePart`` for the value found under ``file_key``, checked;
        ``context``: a ``FileContext``."""


class FilePart(Protocol):
    """One import's part of ``collection.json`` that a directory owns: checked when
    read (its ``problems`` are ``EntryProblem``s), written in two steps around the
    CSV's rows."""

    problems: list

    def resolve(self, value):
        """A section the file defines, named as a CSV row may name it, or None."""

    def check_records(self, provided):
        """Problems with references to records; ``provided`` maps "artifact" and
        "photograph" to the identifiers the CSV brings."""

    def write(self):
        """Before the rows: write what the records' rows may hang in."""

    def place(self):
        """After the rows: hang the records in the order the file gives."""

    def counts(self):
        """{(kind, outcome): count, …} for the report: what will be written
        ("to create", "to update") until ``place``, then what was."""

    def kind_names(self):
        """{kind: verbose name} for the kinds ``counts`` uses."""


_registered_sections = None


def register_sections(directory):
    global _registered_sections
    _registered_sections = directory


def registered_sections():
    return _registered_sections
