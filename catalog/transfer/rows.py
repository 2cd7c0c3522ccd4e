"""What an import reports and carries from checking to writing: rows, problems,
counts."""

import itertools
from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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


# A report lists this many distinct problems, each with this many runs of rows: a
# file of 100,000 bad rows is told in a screenful, not in megabytes of one message.
LISTED_PROBLEMS = 100
LISTED_RUNS = 8


def grouped(number):
    return number_format(number, force_grouping=True)


def runs(numbers, limit=LISTED_RUNS):
    """Sorted row numbers as ranges, at most ``limit`` of them: "2–5, 9, 13–28, …"."""

    def ranges():
        start = previous = numbers[0]
        for number in numbers[1:]:
            if number != previous + 1:
                yield start, previous
                start = number
            previous = number
        yield start, previous

    shown = list(itertools.islice(ranges(), limit + 1))
    text = ", ".join(
        str(first) if first == last else f"{first}–{last}"
        for first, last in shown[:limit]
    )
    return f"{text}, …" if len(shown) > limit else text


@dataclass
class ProblemGroup:
    """One problem as the file repeats it: the same message in the same column, on
    ``rows`` (sorted row numbers); ``first`` is the first of them as reported."""

    first: object  # a ``Problem`` (or a ``collection.json`` entry's problem)
    rows: list

    @property
    def column(self):
        return self.first.column

    @property
    def message(self):
        return self.first.message

    @property
    def where(self):
        """The row (or ``collection.json`` entry); for many rows, how many and
        which, their runs capped."""
        if len(self.rows) == 1:
            return str(self.rows[0])
        return ngettext(
            "%(count)s row (%(rows)s)", "%(count)s rows (%(rows)s)", len(self.rows)
        ) % {"count": grouped(len(self.rows)), "rows": runs(self.rows)}

    def __str__(self):
        if len(self.rows) == 1:
            return str(self.first)
        return _("%(rows)s, column %(column)s: %(message)s") % {
            "rows": self.where,
            "column": self.column or "—",
            "message": self.message,
        }


@dataclass
class ProblemSummary:
    """What a person is shown of a report's problems: each distinct one once (the
    most repeated first), at most ``LISTED_PROBLEMS``; how many more there are."""

    groups: list
    unlisted: int

    @property
    def unlisted_text(self):
        return ngettext(
            "…and %(count)s more problem, not listed.",
            "…and %(count)s more problems, not listed.",
            self.unlisted,
        ) % {"count": grouped(self.unlisted)}


@dataclass
class Report:
    problems: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    dry_run: bool = False
    kind_names: dict = field(default_factory=dict)  # kinds beyond the CSV's

    @property
    def ok(self):
        return not self.problems

    def summary(self, limit=LISTED_PROBLEMS):
        """The problems grouped: one per column and message, with its rows."""
        found = {}
        for problem in self.problems:
            numbered = isinstance(problem.row, int)  # else a collection.json entry
            key = (problem.column, problem.message, numbered or problem.row)
            found.setdefault(key, (problem, []))[1].append(problem.row)
        # The most repeated first; ties as reported (row by row).
        ordered = sorted(found.values(), key=lambda group: -len(group[1]))
        return ProblemSummary(
            [ProblemGroup(first, sorted(set(rows))) for first, rows in ordered[:limit]],
            sum(len(rows) for _first, rows in ordered[limit:]),
        )

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


def note(problems, row, column, message):
    """Add the problem of ``row`` (its number) and ``column`` to ``problems``."""
    problems.append(Problem(row, column, str(message)))
