"""One import's exhibitions from ``collection.json``: checked when read, written
before the CSV's rows (so rows can hang in new sections) and hung in the file's
order after them."""

from django.core.files.base import ContentFile

from catalog.models import Person
from catalog.transfer.columns import checksum
from catalog.transfer.values import set_citations, snapshot, stored_checksum
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem
from exhibition.transfer.checks import RECORDS, ExhibitionChecks


def read_exhibitions(value, context):
    """The ``exhibitions`` of collection.json, checked: an ``ExhibitionsPart`` for
    the import in ``context`` (a ``FileContext``)."""
    checks = ExhibitionChecks(context)
    checks.check(value)
    return ExhibitionsPart(checks, context.images)


class ExhibitionsPart:
    """The catalogue import's ``FilePart`` for exhibitions: what ``checks`` planned
    (exhibitions with their sections), written with ``images`` around the rows."""

    def __init__(self, checks, images):
        self.checks = checks
        self.planned = checks.planned
        self.problems = checks.problems
        self.images = images
        self.outcomes = {}  # Planned → "created" / "updated" / "unchanged"
        self.written = False

    def check_records(self, provided):
        """Problems with the records the sections' items name (see ``checks``)."""
        return self.checks.check_records(provided)

    def sections(self):
        return [section for planned in self.planned for section in planned.sections]

    def resolve(self, value):
        """A section of the file by "<exhibition>/<slug>", slug or title."""
        exhibition, _slash, name = value.rpartition("/")
        for planned in self.planned:
            if exhibition and exhibition != planned.obj.slug:
                continue
            for section in planned.sections:
                obj = section.obj
                if name in (obj.slug, obj.title_zh_hans) or (
                    name.casefold() == (obj.title_en or "").casefold()
                ):
                    return obj
        return None

    def write(self):
        for planned in self.planned:
            self.save(planned)
            if planned.featured is not None:
                self.feature(planned)
            for section in planned.sections:
                section.obj.exhibition = planned.obj
                if section.hero_image:
                    self.set_hero_image(section)
                self.save(section)
        self.written = True

    def save(self, planned):
        changed = planned.created or snapshot(planned.obj) != planned.before
        if changed:
            planned.obj.save()
        if planned.citations is not None:
            changed |= set_citations(planned.obj, planned.citations)
        self.outcomes[id(planned)] = (
            "created" if planned.created else "updated" if changed else "unchanged"
        )

    def set_hero_image(self, section):
        where = self.images.find(section.hero_image)
        data = self.images.read(where)
        field_file = section.obj.hero_image
        if not field_file or stored_checksum(field_file) != checksum(data):
            field_file.save(section.hero_image, ContentFile(data), save=False)

    def feature(self, planned):
        """The exhibition's featured people: exactly the file's, in its order."""
        exhibition = planned.obj
        people = Person.objects.in_bulk(planned.featured, field_name="slug")
        current = {chosen.person_id: chosen for chosen in exhibition.featured.all()}
        keep = []
        for position, slug in enumerate(planned.featured, 1):
            person = people[slug]
            chosen = current.get(person.pk) or FeaturedPerson(
                exhibition=exhibition, person=person
            )
            if chosen.pk is None or chosen.position != position:
                chosen.position = position
                chosen.save()
                self.mark_updated(planned)
            keep.append(chosen.pk)
        if exhibition.featured.exclude(pk__in=keep).delete()[0]:
            self.mark_updated(planned)

    def mark_updated(self, planned):
        if self.outcomes.get(id(planned)) == "unchanged":
            self.outcomes[id(planned)] = "updated"

    def place(self):
        """Each section's items first, in the file's order; anything else hung
        there stays, after them, in its own order."""
        records = {}
        for kind, (model, identifier) in RECORDS.items():
            wanted = {i for s in self.sections() for k, i in s.items or () if k == kind}
            records[kind] = model.objects.in_bulk(wanted, field_name=identifier)
        for section in self.sections():
            if section.items is None:
                continue
            current = {
                (item.artifact_id, item.photograph_id): item
                for item in section.obj.items.all()
            }
            order = []
            for kind, identifier in section.items:
                record = records[kind][identifier]
                key = (record.pk, None) if kind == "artifact" else (None, record.pk)
                order.append(
                    current.pop(key, None)
                    or SectionItem(section=section.obj, **{kind: record})
                )
            order += sorted(current.values(), key=lambda item: (item.position, item.pk))
            for position, item in enumerate(order, 1):
                if item.pk is None or item.position != position:
                    item.position = position
                    item.save()
                    self.mark_updated(section)

    def counts(self):
        counts = {}
        for planned in self.planned:
            for kind, entry in [("exhibition", planned)] + [
                ("section", section) for section in planned.sections
            ]:
                if self.written:
                    outcome = self.outcomes[id(entry)]
                else:
                    outcome = "to create" if entry.created else "to update"
                counts[(kind, outcome)] = counts.get((kind, outcome), 0) + 1
        return counts

    def kind_names(self):
        return {
            "exhibition": Exhibition._meta.verbose_name,
            "section": Section._meta.verbose_name,
        }
