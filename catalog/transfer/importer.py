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

from pathlib import Path

from django.db import transaction

from catalog.search.index import reindex_records
from catalog.transfer.columns import PROGRESS_EVERY
from catalog.transfer.images import ImageFolder
from catalog.transfer.link_checks import LinkChecks
from catalog.transfer.row_checks import RowChecks
from catalog.transfer.rows import ImportFileError, Problem, Report, read_rows
from catalog.transfer.sections import registered_sections
from catalog.transfer.writing import Writing

__all__ = [
    "CollectionImport",
    "ImageFolder",
    "ImportFileError",
    "read_extras",
    "registered_sections",
]


class CollectionImport(RowChecks, LinkChecks, Writing):
    """Validate, then write. Iterate ``steps()`` for progress; read ``report``."""

    def __init__(
        self,
        csv_data,
        images=None,
        *,
        extras=None,
        sections=None,
        user=None,
        create_terms=False,
    ):
        """``extras``: the content of ``collection.json``, parsed or as bytes;
        ``create_terms``: make the object types and nationalities the files name
        that the catalogue lacks, instead of reporting them."""
        self.create_terms = create_terms
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
            self.object_types.save_new()
            self.nationalities.save_new()
            self.write_extras()
            for index, row in enumerate(self.rows):
                self.write_row(row)
                if index % PROGRESS_EVERY == 0 or index + 1 == len(self.rows):
                    yield index + 1, len(self.rows), "importing"
            reindex_records(row.record for row in self.rows)

    def run(self, dry_run=False):
        for _step in self.steps(dry_run=dry_run):
            pass
        return self.report

    def problem(self, row, column, message):
        self.report.problems.append(Problem(row, column, str(message)))


def read_extras(csv_path):
    """``collection.json`` beside the CSV, as written by the export, if present: its
    bytes, which the import parses and checks."""
    path = Path(csv_path).with_suffix(".json")
    if not path.exists():
        return None
    return path.read_bytes()
