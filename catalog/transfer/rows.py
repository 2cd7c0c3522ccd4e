"""What an import reports and carries from checking to writing: rows, problems,
counts."""

from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext as _

from catalog.transfer.columns import (
    KINDS,
    OUTCOMES,
)


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
    images: list = None  # [(file name, bytes)]; bytes None while checking
    image_text: dict = None  # column → per-image values
    before: dict = None  # the record's fields as the catalogue has them
    changed: bool = False  # its fields differ from ``before`` (or it is new)
    linked: bool = False  # its people, citations or images changed
    people_changed: bool = False
    people_rows: list = None  # [(through row pk, person pk)] once written
