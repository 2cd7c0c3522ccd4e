"""The import's last step: an ``ImportPlan`` without problems written, inside the
caller's transaction: collection.json's sources, roles and biographies, the new
terms, then the kept rows a chunk at a time (records, their links and images)."""

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import (
    Artifact,
    ArtifactImage,
    Person,
    Photograph,
    Role,
    Source,
)
from catalog.search.index import reindex
from catalog.transfer.batches import Links, forget_queries
from catalog.transfer.bulk import (
    bulk_save,
    write_citations,
    write_history,
    write_people,
)
from catalog.transfer.columns import KINDS, VERSION_COLUMN, checksum
from catalog.transfer.csv_file import Clock
from catalog.transfer.plan import Written
from catalog.transfer.rows import note
from catalog.transfer.values import assign, set_citations, snapshot, stored_checksum

# Sent once an import has written every row, inside its transaction, with
# ``written``: {model: [pks of the records it created or changed]}. Bulk writes send
# no ``post_save``: whatever listens for changed records listens here too.
records_imported = Signal()


def write(plan, files, *, sections=None, user=None):
    """Write ``plan`` (checked from ``files``): a generator of ``Progress`` after
    each chunk, which returns ``Written``. If a record changed since it was checked,
    the transaction is marked for rollback and ``Written`` holds only problems."""
    plan.object_types.save_new()
    plan.nationalities.save_new()
    write_extras(plan.extras, files.images, plan.users, plan.nationalities, user)
    if plan.file_part is not None:
        plan.file_part.write()  # before the rows, which may hang in its sections
    source_pks = dict(Source.objects.values_list("key", "pk"))
    writer = ChunkWriter(files.images, sections, user, source_pks)
    written = writer.written
    for kind, count in plan.unchanged.items():
        written.counts[(kind, "unchanged")] += count
    total = files.csv.total
    clock = Clock("importing", total)
    for covered, rows in plan.rows.chunks(connection.alias):
        if rows:
            forget_queries()
            read_images(rows, files.images)
            written.problems += changed_meanwhile(rows)
            if written.problems:
                break
            writer.write_chunk(rows)
        yield clock.advance(covered)
    if not clock.done:
        yield clock.advance(total)
    if written.problems:
        transaction.set_rollback(True)
        return Written(problems=written.problems)
    if plan.file_part is not None:
        plan.file_part.place()
        written.counts.update(plan.file_part.counts())
    return written


def after_writing(written, sender):
    """Every row is written (``written``: model → pks of the records created or
    changed): the one place for follow-ups in bulk, e.g. a search index. The page
    cache hears of it through the ``records_imported`` signal."""
    for model, pks in written.items():
        reindex(model, pks)  # bulk writes send no save signals
    records_imported.send(sender=sender, written=written)
    if sum(len(pks) for pks in written.values()) >= ANALYZE_AFTER:
        transaction.on_commit(refresh_planner_statistics)


# Rows an import must write before the database's planner statistics are renewed.
ANALYZE_AFTER = 1000


def refresh_planner_statistics():
    """ANALYZE after a large import. SQLite keeps no statistics until asked, and
    without them it planned the collection's facets person by person against every
    record: 378 s for the first view of a 75,000-record catalogue, 4 s with them."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def save(obj, user):
    obj._history_user = user
    obj._change_reason = "imported"
    obj.save()


def read_images(rows, images):
    """The bytes of the rows' images, checked but not kept while checking."""
    for row in rows:
        if row.images:
            row.images = [
                (name, images.read(images.find(name))) for name, _data in row.images
            ]


def changed_meanwhile(rows):
    """Problems of the rows whose records changed since they were checked (one
    query per model, whatever the chunk's length). A record made elsewhere
    meanwhile with a new row's accession number or slug: the database's unique
    constraints refuse it (the importer reports it)."""
    problems = []
    for model in KINDS.values():
        checked = {
            row.record.pk: row for row in rows if row.model is model and not row.created
        }
        if not checked:
            continue
        now = model.objects.filter(pk__in=checked).order_by()
        for pk, updated_at in now.values_list("pk", "updated_at"):
            if updated_at == checked[pk].record.updated_at:
                del checked[pk]
        for row in sorted(checked.values(), key=lambda row: row.number):
            note(
                problems,
                row.number,
                VERSION_COLUMN,
                _("Changed in the catalogue while this import ran: import again."),
            )
    return problems


class ChunkWriter:
    """Writes chunks of checked rows with ``images`` (an ``ImageFolder``), hanging
    them in ``sections`` (a ``SectionDirectory`` or None), as ``user``; keeps in
    ``written`` what each row did."""

    def __init__(self, images, sections, user, source_pks):
        self.images = images
        self.sections = sections
        self.user = user
        self.source_pks = source_pks  # source key → pk
        self.section_positions = {}  # section pk → its last place
        self.written = Written()

    def write_chunk(self, rows):
        """Write one chunk of checked rows in a fixed number of queries, however
        long the chunk: records, people, citations, sections and history in bulk.
        Rows with images also save their files (and artifact images) one by one."""
        now = timezone.now()
        slugs = {slug for row in rows for slug in row.people or ()}
        person_pks = dict(
            Person.objects.filter(slug__in=slugs).values_list("slug", "pk")
        )
        for row in rows:
            record = row.record
            row.changed = row.created or snapshot(record) != row.before
            if row.model is Photograph and row.images:
                name, data = row.images[0]
                if not record.image or stored_checksum(record.image) != checksum(data):
                    record.image.save(name, ContentFile(data), save=False)
                    row.changed = True
        for model in KINDS.values():
            mine = [row for row in rows if row.model is model]
            if not mine:
                continue
            links = Links(model, [row.record.pk for row in mine if not row.created])
            bulk_save(model, mine, now)
            write_people(model, mine, links, person_pks)
            write_citations(model, mine, links, self.source_pks)
            write_history(model, mine, self.user, now)
        for row in rows:
            if row.model is Artifact and row.images is not None:
                row.linked |= self.sync_artifact_images(row.record, row)
        placements = [(row.record, row.sections) for row in rows if row.sections]
        if placements and self.sections is not None:
            self.sections.place_all(placements, self.section_positions)
        for row in rows:
            changed = row.changed or row.linked
            outcome = "updated" if changed else "unchanged"
            outcome = "created" if row.created else outcome
            self.written.counts[(row.kind, outcome)] += 1
            if changed:
                self.written.records.setdefault(row.model, []).append(row.record.pk)

    def sync_artifact_images(self, artifact, row):
        """Make the artifact's images the row's, in its order; whether any changed."""
        existing = {}
        for image in artifact.images.all():
            existing.setdefault(stored_checksum(image.image), []).append(image)
        changed = False
        keep = []
        for position, (name, data) in enumerate(row.images):
            text = {
                column.removeprefix("image_"): (
                    values[position] if position < len(values) else ""
                )
                for column, values in row.image_text.items()
            }
            matches = existing.get(checksum(data)) or []
            image = matches.pop(0) if matches else None
            if image is None:
                image = ArtifactImage(artifact=artifact)
                image.image.save(name, ContentFile(data), save=False)
            before = snapshot(image) if image.pk else None
            image.position = position
            for column, value in text.items():
                if not (value == "" and getattr(image, column) is None):
                    setattr(image, column, value)
            if image.pk is None or snapshot(image) != before:
                save(image, self.user)
                changed = True
            keep.append(image.pk)
        for leftover in artifact.images.exclude(pk__in=keep):
            leftover._history_user = self.user
            leftover.delete()
            changed = True
        return changed


def write_extras(extras, images, users, nationalities, user):
    """Sources, roles and biographies from ``collection.json``, before the rows."""
    for entry in extras.get("sources", []):
        source = Source.objects.filter(key=entry["key"]).first() or Source()
        assign(source, entry)
        source.save()
    for entry in extras.get("roles", []):
        role = Role.objects.filter(slug=entry["slug"]).first() or Role()
        assign(role, entry)
        role.save()
    people = []
    for entry in extras.get("people", []):
        person = Person.objects.filter(slug=entry["slug"]).first() or Person()
        assign(person, entry, users=users)
        portrait = entry.get("portrait")
        if portrait:
            where = images.find(portrait)
            if where is not None:
                data = images.read(where)
                if not person.portrait or stored_checksum(person.portrait) != checksum(
                    data
                ):
                    person.portrait.save(portrait, ContentFile(data), save=False)
        save(person, user)
        people.append((person, entry))
    for person, entry in people:
        if "nationalities" in entry or "nationality" in entry:
            codes = entry.get("nationalities", [entry.get("nationality")])
            codes = [code for code in codes if code != "XX"]
            person.nationalities.set(nationalities.find(code) for code in codes if code)
        person.roles.set(Role.objects.filter(slug__in=entry.get("roles", [])))
        person.groups.set(Person.objects.filter(slug__in=entry.get("groups", [])))
        set_citations(person, entry.get("citations", []))
