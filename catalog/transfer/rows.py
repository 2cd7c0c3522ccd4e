"""Reading the CSV, and what an import reports: rows, problems, counts."""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _

from catalog.transfer.columns import (
    KINDS,
    OUTCOMES,
    restore,
)


class ImportFileError(Exception):
    """The file cannot be read at all (not UTF-8, no header)."""


def read_rows(data):
    """Header and rows of a CSV given as bytes: UTF-8 with or without BOM. Cells
    come back as they were before the export's formula escape (``neutralise``)."""
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
    rows = [[restore(value) for value in row] for row in reader]
    if not rows:
        raise ImportFileError(_("The file is empty."))
    header = [name.strip().lower() for name in rows[0]]
    return header, rows[1:]


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
    kind_names: dict = field(default_factory=dict)  # kinds beyond the CSV's

    @property
    def ok(self):
        return not self.problems

    def lines(self):
        for (kind, outcome), count in sorted(self.counts.items()):
            yield _("%(kind)s: %(count)s %(outcome)s") % {
                "kind": self.kind_names.get(kind) or KINDS[kind]._meta.verbose_name,
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
