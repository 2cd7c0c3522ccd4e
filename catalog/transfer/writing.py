"""Writing checked rows: records, their images and the collection.json extras."""

from django.core.files.base import ContentFile

from catalog.models import (
    Artifact,
    ArtifactImage,
    Person,
    Photograph,
    Role,
    Source,
)
from catalog.transfer.columns import checksum
from catalog.transfer.values import assign, set_citations, snapshot, stored_checksum


class Writing:
    """How ``CollectionImport`` writes what it checked (a mixin)."""

    def save(self, obj):
        obj._history_user = self.user
        obj._change_reason = "imported"
        obj.save()

    def write_row(self, row):
        record = row.record
        before = (
            None if row.created else snapshot(type(record).objects.get(pk=record.pk))
        )
        changed = row.created or snapshot(record) != before
        if row.model is Photograph and row.images:
            name, data = row.images[0]
            if not record.image or stored_checksum(record.image) != checksum(data):
                record.image.save(name, ContentFile(data), save=False)
                changed = True
        if changed:
            self.save(record)
        if row.people is not None:
            wanted = set(Person.objects.filter(slug__in=row.people))
            if wanted != set(record.people.all()):
                record.people.set(wanted)
                changed = True
        if row.citations is not None:
            changed |= set_citations(record, row.citations)
        if row.model is Artifact and row.images is not None:
            changed |= self.sync_artifact_images(record, row)
        if row.sections and self.sections is not None:
            self.sections.place(record, row.sections)
        outcome = "created" if row.created else "updated" if changed else "unchanged"
        self.report.counts[(row.kind, outcome)] += 1

    def sync_artifact_images(self, artifact, row):
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
                self.save(image)
                changed = True
            keep.append(image.pk)
        for leftover in artifact.images.exclude(pk__in=keep):
            leftover._history_user = self.user
            leftover.delete()
            changed = True
        return changed

    def write_extras(self):
        """Sources, roles and biographies from ``collection.json``, before the rows."""
        for entry in self.extras.get("sources", []):
            source = Source.objects.filter(key=entry["key"]).first() or Source()
            assign(source, entry)
            source.save()
        for entry in self.extras.get("roles", []):
            role = Role.objects.filter(slug=entry["slug"]).first() or Role()
            assign(role, entry)
            role.save()
        people = []
        for entry in self.extras.get("people", []):
            person = Person.objects.filter(slug=entry["slug"]).first() or Person()
            assign(person, entry, users=self.users)
            portrait = entry.get("portrait")
            if portrait:
                where = self.images.find(portrait)
                if where is not None:
                    data = self.images.read(where)
                    if not person.portrait or stored_checksum(
                        person.portrait
                    ) != checksum(data):
                        person.portrait.save(portrait, ContentFile(data), save=False)
            self.save(person)
            people.append((person, entry))
        for person, entry in people:
            if "nationalities" in entry or "nationality" in entry:
                codes = entry.get("nationalities", [entry.get("nationality")])
                codes = [code for code in codes if code != "XX"]
                person.nationalities.set(
                    self.nationalities.find(code) for code in codes if code
                )
            person.roles.set(Role.objects.filter(slug__in=entry.get("roles", [])))
            person.groups.set(Person.objects.filter(slug__in=entry.get("groups", [])))
            set_citations(person, entry.get("citations", []))
