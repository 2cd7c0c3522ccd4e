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

from collections import Counter, defaultdict
from pathlib import Path

from django.db import IntegrityError, connection, reset_queries, transaction
from django.utils.translation import gettext as _

from catalog.models import Source
from catalog.search.index import reindex
from catalog.transfer.batches import Existing, Links
from catalog.transfer.columns import CHUNK_ROWS, KINDS, split_list
from catalog.transfer.csv_file import Clock, CsvFile, ImportFileError, Progress
from catalog.transfer.images import ImageFolder
from catalog.transfer.link_checks import LinkChecks
from catalog.transfer.row_checks import RowChecks
from catalog.transfer.rows import Problem, Report
from catalog.transfer.sections import registered_sections
from catalog.transfer.spool import RowSpool
from catalog.transfer.values import snapshot
from catalog.transfer.writing import Writing, records_imported

__all__ = [
    "CollectionImport",
    "ImageFolder",
    "ImportFileError",
    "Progress",
    "read_extras",
    "records_imported",
    "registered_sections",
]


class CollectionImport(RowChecks, LinkChecks, Writing):
    """Validate, then write. Iterate ``steps()`` for progress; read ``report``.

    The CSV is read once, a chunk of rows at a time, and never held whole: every
    row is checked, and the checked rows that would change anything are kept in a
    temporary file (``RowSpool``); then, if nothing is wrong, those rows are
    written in one transaction, without being parsed or checked again.
    """

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
        """``csv_data``: the CSV as bytes or a path; ``extras``: the content of
        ``collection.json``, parsed or as bytes; ``create_terms``: make the object
        types and nationalities the files name that the catalogue lacks, instead
        of reporting them."""
        self.create_terms = create_terms
        self.csv = CsvFile(csv_data)
        self.images = images if isinstance(images, ImageFolder) else ImageFolder(images)
        self.extras = extras
        self.sections = sections
        self.user = user
        self.report = Report()
        self.validating = True
        self.to_write = RowSpool()  # the checked rows that change something
        self.unchanged = Counter()
        self.written = defaultdict(list)  # model → pks of records it wrote
        self._image_errors = {}
        self.section_cache = {}
        self.section_positions = {}  # section pk → its last place, while writing
        self.file_part = None  # exhibitions in collection.json, once read
        self.provided = {kind: set() for kind in KINDS}  # identifiers the CSV brings

    def steps(self, dry_run=False):
        """``Progress`` after each chunk: "checking" every row, then "importing"."""
        self.report.dry_run = dry_run
        self.check_extras()
        try:
            header = self.csv.scan()
        except ImportFileError as error:
            self.report.problems.append(Problem(error.row, error.column, str(error)))
            return
        extras_problems = len(self.report.problems)
        self.check_header(header)
        if len(self.report.problems) > extras_problems:
            return
        self.load_lookups()
        planned = Counter()
        clock = Clock("checking", self.csv.total)
        for chunk in self.csv.chunks(CHUNK_ROWS):
            for row in self.check_chunk(chunk):
                planned[(row.kind, "to create" if row.created else "to update")] += 1
            yield clock.advance(len(chunk))
        self.check_duplicates()
        if self.file_part is not None:
            self.check_file_part()
        if self.report.problems or dry_run:
            self.to_write.close()
            self.report.counts.update(planned)
            if self.file_part is not None:
                self.report.counts.update(self.file_part.counts())
            return
        try:
            with transaction.atomic():
                yield from self.write_all()
        except IntegrityError:  # a record made elsewhere while the import ran
            self.report.counts.clear()
            self.problem(
                1, "", _("The catalogue changed while this import ran: import again.")
            )
        finally:
            self.to_write.close()

    def check_chunk(self, chunk):
        """Check one chunk's rows; note those that would change something."""
        forget_queries()
        chunk = self.without_nul(chunk)  # before any query: PostgreSQL refuses NUL
        self.existing = Existing(chunk)
        self.find_sections(chunk)
        rows = []
        for number, cells in chunk:
            row = self.check_row(number, cells)
            if row is not None:
                self.remember_slug(row)
                rows.append(row)
                identifier = "accession_number" if row.kind == "artifact" else "slug"
                self.provided[row.kind].add(getattr(row.record, identifier))
        if not self.report.problems:
            self.plan(rows, len(chunk))
        return rows

    def find_sections(self, chunk):
        """Resolve the chunk's section names not seen before, together."""
        if self.sections is None:
            return
        names = {
            name
            for _number, cells in chunk
            for name in split_list(cells.get("sections") or "")
        }
        names -= set(self.section_cache)
        if names:
            self.section_cache.update(self.sections.resolve_many(sorted(names)))

    def plan(self, rows, covered):
        """Keep the rows that change anything: new, other fields, people,
        citations, sections, or images (whose files are compared only when
        written). ``covered``: how many CSV rows the chunk had."""
        kept = []
        unplaced = set()
        placements = [(r.record, r.sections) for r in rows if r.sections and r.before]
        if placements and self.sections is not None:
            unplaced = {id(record) for record in self.sections.unplaced(placements)}
        for model in KINDS.values():
            mine = [row for row in rows if row.model is model]
            links = Links(model, [row.record.pk for row in mine if not row.created])
            for row in mine:
                if (
                    row.created
                    or row.images
                    or id(row.record) in unplaced
                    or row.before != snapshot(row.record)
                    or links.people_differ(row)
                    or links.citations_differ(row)
                ):
                    self.check_edit(row)
                    kept.append(row)
                else:
                    self.unchanged[row.kind] += 1
        if not self.report.dry_run:  # a dry run writes nothing: nothing to keep
            kept.sort(key=lambda row: row.number)
            self.to_write.add(kept, covered)

    def write_all(self):
        self.object_types.save_new()
        self.nationalities.save_new()
        self.write_extras()
        if self.file_part is not None:
            self.file_part.write()  # before the rows, which may hang in its sections
        self.source_pks = dict(Source.objects.values_list("key", "pk"))
        self.validating = False
        for kind, count in self.unchanged.items():
            self.report.counts[(kind, "unchanged")] += count
        clock = Clock("importing", self.csv.total)
        for covered, rows in self.to_write.chunks(connection.alias):
            if rows:
                forget_queries()
                self.read_images(rows)
                self.check_still_current(rows)
                if self.report.problems:
                    break
                self.write_chunk(rows)
            yield clock.advance(covered)
        if not clock.done:
            yield clock.advance(self.csv.total)
        if self.report.problems:  # the catalogue changed while the import ran
            transaction.set_rollback(True)
            self.report.counts.clear()
            return
        if self.file_part is not None:
            self.file_part.place()
            self.report.counts.update(self.file_part.counts())
        self.after_writing(dict(self.written))

    def after_writing(self, written):
        """Every row is written (``written``: model → pks of the records created or
        changed): the one place for follow-ups in bulk, e.g. a search index. The
        page cache hears of it through the ``records_imported`` signal."""
        for model, pks in written.items():
            reindex(model, pks)  # bulk writes send no save signals
        records_imported.send(sender=type(self), written=written)

    def check_file_part(self):
        """The exhibitions' references to records the CSV brings or the catalogue
        has; and how the report names what the part writes."""
        self.report.problems += self.file_part.check_records(self.provided)
        self.report.kind_names.update(self.file_part.kind_names())

    def run(self, dry_run=False):
        for _step in self.steps(dry_run=dry_run):
            pass
        return self.report

    def problem(self, row, column, message):
        self.report.problems.append(Problem(row, column, str(message)))


def forget_queries():
    """With DEBUG on, Django keeps the SQL of the last 9,000 queries; a bulk insert's
    SQL carries a whole chunk of text. Keep one chunk's, unless a test is counting
    queries (it forces the debug cursor and reads the log itself)."""
    if not connection.force_debug_cursor:
        reset_queries()


def read_extras(csv_path):
    """``collection.json`` beside the CSV, as written by the export, if present: its
    bytes, which the import parses and checks."""
    path = Path(csv_path).with_suffix(".json")
    if not path.exists():
        return None
    return path.read_bytes()
