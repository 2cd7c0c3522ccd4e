"""The import's second step: ``ImportFiles`` checked into an ``ImportPlan``.

``collection.json`` is checked first (its sources and people are what rows may
name), then the CSV a chunk of rows at a time, never held whole: every row is
checked once, and the checked rows that would change anything are kept in a
temporary file (``RowSpool``), which the write step reads back without parsing or
checking them again."""

from collections import defaultdict

from django.utils.translation import gettext as _

from catalog.models import Artifact, Nationality, ObjectType
from catalog.transfer.batches import Existing, Links, forget_queries
from catalog.transfer.columns import KINDS, split_list
from catalog.transfer.csv_file import Clock
from catalog.transfer.json_checks import ExtrasCheck
from catalog.transfer.plan import ImportPlan
from catalog.transfer.record_checks import check_edit
from catalog.transfer.row_checks import (
    RowCheck,
    check_header,
    load_lookups,
    without_nul,
)
from catalog.transfer.rows import note
from catalog.transfer.sections import FileContext
from catalog.transfer.terms import TermLookup
from catalog.transfer.values import snapshot


def check(
    files, *, chunk_rows, sections=None, user=None, create_terms=False, dry_run=False
):
    """Check ``files`` (``ImportFiles``): a generator of ``Progress`` after each
    chunk of ``chunk_rows`` rows, which returns the ``ImportPlan``. ``sections``:
    the registered ``SectionDirectory``, or None where rows may not name sections;
    ``user``: who imports (None: the server's own command); ``create_terms``: plan
    the object types and nationalities the files name that the catalogue lacks,
    instead of reporting them; ``dry_run``: keep no rows to write."""
    problems = list(files.extras_problems)
    object_types = TermLookup(ObjectType, create_terms)
    nationalities = TermLookup(Nationality, create_terms)
    extras, file_part = check_extras(
        files, problems, sections=sections, user=user, nationalities=nationalities
    )
    plan = ImportPlan(problems, extras, object_types, nationalities, file_part)
    if files.csv_problem is not None:
        problems.append(files.csv_problem)
        return plan
    before_header = len(problems)
    check_header(files.csv.header, problems)
    if len(problems) > before_header:
        return plan
    rows = RowChecking(plan, files.images, sections, user, dry_run)
    clock = Clock("checking", files.csv.total)
    for chunk in files.csv.chunks(chunk_rows):
        rows.check_chunk(chunk)
        yield clock.advance(len(chunk))
    rows.check_duplicates()
    if file_part is not None:
        problems += file_part.check_records(rows.provided)
        plan.kind_names.update(file_part.kind_names())
        plan.counts.update(file_part.counts())
    if problems or dry_run:
        plan.rows.close()
    return plan


def check_extras(files, problems, *, sections, user, nationalities):
    """Check ``collection.json`` (see ``json_checks``): (what the rows may refer
    to, the checked part a section directory owns or None)."""
    extras = files.extras
    owned = getattr(sections, "file_key", None)
    checked = ExtrasCheck(
        extras,
        image_error=files.images.error,
        user=user,
        nationalities=nationalities,
        owned_keys=[owned] if owned else [],
    )
    usable = checked.run()
    problems += checked.problems
    usable = usable if checked.problems else extras or {}
    file_part = None
    if owned and isinstance(extras, dict) and owned in extras:
        # Exhibitions and sections: checked by the app that owns them, which may
        # read the sources and people the file brings.
        context = FileContext(images=files.images, user=user, extras=usable)
        file_part = sections.read_file(extras[owned], context)
        problems += file_part.problems
    return usable, file_part


class RowChecking:
    """The rows of one import, checked chunk by chunk into ``plan``: its problems,
    the rows to write, the unchanged rows, the counts a report shows."""

    def __init__(self, plan, images, sections, user, dry_run):
        self.plan = plan
        self.sections = sections
        self.user = user
        self.dry_run = dry_run
        lookups = load_lookups(plan.extras, plan.object_types, plan.nationalities)
        plan.users = lookups.users
        self.section_cache = {}  # name → section or None
        resolve = None if sections is None else self.resolve_section
        self.rows = RowCheck(
            lookups,
            images=images,
            resolve_section=resolve,
            user=user,
            problems=plan.problems,
        )
        self.artifact_slugs = defaultdict(list)  # slug → row numbers
        self.provided = {kind: set() for kind in KINDS}  # identifiers the CSV brings

    def check_chunk(self, chunk):
        """Check one chunk's rows; keep those that would change something."""
        forget_queries()
        problems = self.plan.problems
        chunk = without_nul(chunk, problems)  # before any query: PostgreSQL refuses NUL
        existing = Existing(chunk)
        self.find_sections(chunk)
        rows = []
        for number, cells in chunk:
            row = self.rows.check_row(number, cells, existing)
            if row is None:
                continue
            slug = row.values.get("slug")
            if row.model is Artifact and slug:
                self.artifact_slugs[slug].append(row.number)
            rows.append(row)
            identifier = "accession_number" if row.kind == "artifact" else "slug"
            self.provided[row.kind].add(getattr(row.record, identifier))
            outcome = "to create" if row.created else "to update"
            self.plan.counts[(row.kind, outcome)] += 1
        if not problems:
            self.keep(rows, len(chunk))

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

    def resolve_section(self, name):
        """A section the file defines, else one of the catalogue's."""
        file_part = self.plan.file_part
        section = file_part and file_part.resolve(name)
        if section is None:
            if name not in self.section_cache:
                self.section_cache.update(self.sections.resolve_many([name]))
            section = self.section_cache[name]
        return section

    def keep(self, rows, covered):
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
                    check_edit(row, self.user, self.plan.problems)
                    kept.append(row)
                else:
                    self.plan.unchanged[row.kind] += 1
        if not self.dry_run:  # a dry run writes nothing: nothing to keep
            kept.sort(key=lambda row: row.number)
            self.plan.rows.add(kept, covered)

    def check_duplicates(self):
        """Two artifact rows may not ask for one slug."""
        duplicates = sorted(
            (number, slug)
            for slug, numbers in self.artifact_slugs.items()
            if len(numbers) > 1
            for number in numbers
        )
        for number, slug in duplicates:
            note(
                self.plan.problems,
                number,
                "slug",
                _("Duplicate: slug “%(slug)s” is used by another row.")
                % {"slug": slug},
            )
