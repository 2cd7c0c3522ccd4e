"""What each step of an import hands the next: read → ``ImportFiles`` → check →
``ImportPlan`` → write → ``Written``."""

from collections import Counter
from dataclasses import dataclass, field

from catalog.transfer.spool import RowSpool


@dataclass
class ImportFiles:
    """The files as read: the CSV scanned once (its header and length; its rows are
    read again, in numbered chunks, by ``csv.chunks``), ``collection.json`` parsed,
    the images by name. ``problems``: why a file cannot be read at all."""

    csv: object  # a ``CsvFile``
    images: object  # an ``ImageFolder``
    extras: object  # collection.json's content as parsed, or None
    extras_problems: list  # why collection.json cannot be parsed
    csv_problem: object = None  # why the CSV cannot be read, a ``Problem``


@dataclass
class ImportPlan:
    """What checking found: every problem, and what the import would write if
    there were none. A plan with problems is never written."""

    problems: list
    extras: dict  # collection.json's sources, roles and people that can be used
    object_types: object  # ``TermLookup``s, holding the terms to create
    nationalities: object
    file_part: object = None  # the exhibitions of collection.json, checked
    users: dict = field(default_factory=dict)  # user name → user
    rows: RowSpool = field(default_factory=RowSpool)  # the rows that change something
    unchanged: Counter = field(default_factory=Counter)  # kind → rows changing nothing
    counts: Counter = field(default_factory=Counter)  # (kind, "to create"/"to update")
    kind_names: dict = field(default_factory=dict)  # kinds beyond the CSV's

    @property
    def ok(self):
        return not self.problems


@dataclass
class Written:
    """What writing did: {(kind, outcome): count}, {model: pks of the records it
    created or changed}; ``problems`` if the catalogue changed meanwhile (then
    nothing was written)."""

    counts: Counter = field(default_factory=Counter)
    records: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)
