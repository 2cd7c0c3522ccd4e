"""Import a collection from a CSV file and a folder (or ZIP) of images.

One CSV row per artifact or photograph (``kind`` column). The import is three
steps, each handing the next what it made: read the files (``reading``), check
every row and ``collection.json`` entry into a plan (``checking``), write the plan
in one transaction (``writing``), only if checking found no problem. Every problem
is reported with its row and column. Artifacts are matched by accession number and
photographs by slug, so importing the same file again updates the records instead
of duplicating them. ``export_collection`` writes the same format, plus
``collection.json`` beside the CSV with sources, roles and biographies, which the
import reads too when it is there.

Sections belong to the exhibition app, which the catalogue never imports: callers
pass a ``sections`` directory (see ``sections.SectionDirectory``); the exhibition
app registers one at start-up.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from catalog.transfer.checking import check
from catalog.transfer.columns import CHUNK_ROWS
from catalog.transfer.images import ImageFolder
from catalog.transfer.reading import read_extras, read_files
from catalog.transfer.rows import Report, note
from catalog.transfer.sections import registered_sections
from catalog.transfer.writing import after_writing, records_imported, write

__all__ = [
    "CsvImport",
    "ImageFolder",
    "read_extras",
    "records_imported",
    "registered_sections",
]


class CsvImport:
    """One import of a collection's CSV (with its ``collection.json`` and images):
    iterate ``steps()`` for progress, then read ``report`` and ``written``."""

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
        """``csv_data``: the CSV as bytes or a path; ``images``: an ``ImageFolder``,
        a folder or a ZIP file; ``extras``: the content of ``collection.json``,
        parsed or as bytes; ``create_terms``: make the object types and
        nationalities the files name that the catalogue lacks, instead of reporting
        them."""
        self.given = (csv_data, images, extras)  # read when the steps run
        self.sections = sections
        self.user = user
        self.create_terms = create_terms
        self.report = Report()
        self.written = {}  # model → pks of the records it created or changed

    def steps(self, dry_run=False):
        """``Progress`` after each chunk: "checking" every row, then "importing"."""
        report = self.report
        report.dry_run = dry_run
        files = read_files(*self.given)
        plan = yield from check(
            files,
            chunk_rows=CHUNK_ROWS,
            sections=self.sections,
            user=self.user,
            create_terms=self.create_terms,
            dry_run=dry_run,
        )
        report.problems = plan.problems
        report.kind_names.update(plan.kind_names)
        if plan.problems or dry_run:
            report.counts.update(plan.counts)
            return
        try:
            with transaction.atomic():
                written = yield from write(
                    plan, files, sections=self.sections, user=self.user
                )
                if not written.problems:
                    after_writing(written.records, sender=type(self))
        except IntegrityError:  # a record made elsewhere while the import ran
            note(
                report.problems,
                1,
                "",
                _("The catalogue changed while this import ran: import again."),
            )
            return
        finally:
            plan.rows.close()
        report.problems += written.problems
        if not written.problems:
            report.counts.update(written.counts)
            self.written = written.records

    def run(self, dry_run=False):
        for _step in self.steps(dry_run=dry_run):
            pass
        return self.report
