"""Writing a chunk of imported records in bulk: the records, their people and
citations, and their history rows (as django-simple-history writes them, with the
historical people links its own bulk writer leaves out)."""

from django.contrib.contenttypes.models import ContentType

from catalog.models import Artifact, Citation
from catalog.transfer.inserts import insert_history, insert_records, insert_rows
from catalog.transfer.values import snapshot

BATCH = 500


def bulk_save(model, rows, now):
    """Insert the new records, update the changed ones (only the changed fields)."""
    new = [row.record for row in rows if row.created]
    key = "accession_number" if model is Artifact else "slug"
    insert_records(model, new, now, key)
    changed = [row for row in rows if row.changed and not row.created]
    if not changed:
        return
    fields = {"updated_at"}
    for row in changed:
        after = snapshot(row.record)
        fields |= {
            model._meta.get_field(attname).name
            for attname, value in after.items()
            if row.before.get(attname) != value
        }
        row.record.updated_at = now
    model.objects.bulk_update(
        [row.record for row in changed], sorted(fields), batch_size=BATCH
    )


def write_people(model, rows, links, person_pks):
    """Make each row's people exactly its ``people`` column (when it has one)."""
    through = model.people.through
    column = f"{model._meta.model_name}_id"
    dropped, added, new = [], [], []
    for row in rows:
        current = {} if row.created else links.people.get(row.record.pk, {})
        row.people_rows = list(current.values())
        if row.people is None:
            continue
        wanted = {slug: person_pks[slug] for slug in row.people if slug in person_pks}
        if set(wanted) == set(current):
            continue
        row.linked = row.people_changed = True
        dropped += [pks[0] for slug, pks in current.items() if slug not in wanted]
        kept = [pks for slug, pks in current.items() if slug in wanted]
        mine = [pk for slug, pk in wanted.items() if slug not in current]
        new += [{column: row.record.pk, "person_id": pk} for pk in mine]
        added.append((row, kept, mine))
    if dropped:
        through.objects.filter(pk__in=dropped).delete()
    insert_rows(through, new)
    if not new:
        return
    # The new links' pks, which their history rows repeat: one query.
    made = through.objects.filter(
        **{f"{column}__in": [row.record.pk for row, _kept, mine in added if mine]}
    ).values_list(column, "person_id", "pk")
    link_pks = {(record, person): pk for record, person, pk in made}
    for row, kept, mine in added:
        row.people_rows = kept + [(link_pks[(row.record.pk, pk)], pk) for pk in mine]


def write_citations(model, rows, links, source_pks):
    """Make each row's citations exactly its ``citations`` column, in order."""
    content_type = ContentType.objects.get_for_model(model)
    stale, new = [], []
    for row in rows:
        if row.citations is None:
            continue
        wanted = [(key, locator) for key, locator in row.citations]
        current = [] if row.created else links.citations.get(row.record.pk, [])
        if wanted == current:
            continue
        row.linked = True
        if not row.created:
            stale.append(row.record.pk)
        new += [
            {
                "content_type_id": content_type.pk,
                "object_id": row.record.pk,
                "source_id": source_pks[key],
                "locator": locator,
                "position": position,
            }
            for position, (key, locator) in enumerate(wanted)
        ]
    if stale:
        Citation.objects.filter(content_type=content_type, object_id__in=stale).delete()
    insert_rows(Citation, new)


def write_history(model, rows, user, now):
    """One history row per new or changed record, "imported" by ``user``, with the
    people it links to after the import (as a save and a change of people would)."""
    kept = [row for row in rows if row.changed or row.people_changed]
    by_record = insert_history(
        model, [row.record for row in kept if row.created], "+", user, now
    )
    by_record |= insert_history(
        model, [row.record for row in kept if not row.created], "~", user, now
    )
    name = model._meta.model_name
    people_history = model.history.model._meta.get_field(
        f"historical{name}_people"
    ).related_model
    insert_rows(
        people_history,
        [
            {
                "id": row_pk,
                "history_id": by_record[row.record.pk],
                "person_id": person_pk,
                f"{name}_id": row.record.pk,
            }
            for row in kept
            for row_pk, person_pk in row.people_rows or ()
        ],
    )
