"""What one kiosk shows: its published records, their people, images and version.

Everything is read through ``published()`` in a fixed number of queries, and the
kiosk's pages, its precache list and its content version are all built from one
``KioskContent``, so they cannot disagree about what the kiosk may show.
"""

import hashlib
import json
from functools import cache, cached_property
from pathlib import Path

from django.db.models import Prefetch, prefetch_related_objects
from django.templatetags.static import static
from django.urls import reverse

from catalog.models import Artifact, ArtifactImage, Person, Photograph
from exhibition.kiosk.entries import (
    CARD_WIDTH,
    Entry,
    Group,
    PersonEntry,
    image_state,
    kiosk_image,
)
from exhibition.kiosk.media import KioskMedia
from exhibition.models import (
    FeaturedPerson,
    KioskItem,
    Section,
    SectionItem,
)

STATIC_ASSETS = ("kiosk/kiosk.css", "kiosk/kiosk.js", "kiosk/icon.svg")
SERVICE_WORKER = Path(__file__).resolve().parents[1] / "static" / "kiosk" / "sw.js"


@cache
def service_worker_source():
    return SERVICE_WORKER.read_text(encoding="utf-8")


@cache
def service_worker_digest():
    return hashlib.sha256(service_worker_source().encode()).hexdigest()


class KioskContent(KioskMedia):
    def __init__(self, kiosk):
        self.kiosk = kiosk
        self.full_width = kiosk.screen[0]
        self.exhibition = kiosk.exhibition if kiosk.exhibition.is_published else None
        people = Prefetch("people", queryset=Person.objects.published())
        artifacts = Artifact.objects.published().select_related("object_type")
        artifacts = artifacts.prefetch_related(
            Prefetch(
                "images", queryset=ArtifactImage.objects.order_by("position", "pk")
            ),
            people,
        )
        photographs = Photograph.objects.published().prefetch_related(people)
        records = [
            Prefetch("artifact", queryset=artifacts),
            Prefetch("photograph", queryset=photographs),
        ]
        # A playlist, when the kiosk has one, replaces its sections.
        items = list(
            KioskItem.objects.filter(kiosk=kiosk)
            .order_by("position", "pk")
            .prefetch_related(*records)
        )
        self.playlist = bool(items)
        if self.playlist:
            self.sections = []
        else:
            self.sections = list(
                Section.objects.published()
                .filter(kiosks=kiosk, exhibition=kiosk.exhibition_id)
                .order_by("position", "pk")
            )
            order = {section.pk: n for n, section in enumerate(self.sections)}
            items = sorted(
                SectionItem.objects.filter(section__in=self.sections)
                .order_by("position", "pk")
                .prefetch_related(*records),
                key=lambda item: order[item.section_id],
            )
        by_section = {section.pk: section for section in self.sections}
        self.entries = []
        seen = set()
        for item in items:
            record = item.artifact or item.photograph
            kind = "artifact" if item.artifact else "photograph"
            if record is None or (kind, record.pk) in seen:
                continue
            seen.add((kind, record.pk))
            self.entries.append(
                Entry(
                    kind=kind,
                    record=record,
                    section=by_section.get(getattr(item, "section_id", None)),
                    position=item.position,
                    images=self.images_of(kind, record),
                    index=len(self.entries),
                )
            )
        self.people = []
        people_by_pk = {}
        for entry in self.entries:
            for person in entry.record.people.all():
                if person.pk not in people_by_pk:
                    people_by_pk[person.pk] = PersonEntry(
                        person=person,
                        portrait=kiosk_image(
                            person.portrait,
                            person.portrait_width,
                            person.portrait_height,
                            person,
                            "portrait_alt",
                            CARD_WIDTH,
                        ),
                    )
                    self.people.append(people_by_pk[person.pk])
                people_by_pk[person.pk].entries.append(entry)
                entry.people.append(people_by_pk[person.pk])
        # The exhibition's featured subjects first, in its order, then the others
        # in order of appearance.
        featured = {
            person: n
            for n, person in enumerate(
                FeaturedPerson.objects.filter(
                    exhibition=kiosk.exhibition_id
                ).values_list("person", flat=True)
            )
        }
        self.people.sort(key=lambda p: featured.get(p.person.pk, len(featured)))
        # Once for all the kiosk's people, not once per kind of record.
        prefetch_related_objects([p.person for p in self.people], "nationalities")
        self.by_key = {(e.kind, e.record.slug): e for e in self.entries}
        self.people_by_slug = {p.person.slug: p for p in self.people}

    def images_of(self, kind, record):
        if kind == "photograph":
            found = [
                kiosk_image(
                    record.image,
                    record.width,
                    record.height,
                    record,
                    "alt_text",
                    self.full_width,
                )
            ]
        else:
            found = [
                kiosk_image(
                    image.image,
                    image.width,
                    image.height,
                    image,
                    "alt_text",
                    self.full_width,
                )
                for image in record.images.all()
            ]
        return [image for image in found if image]

    # -- looking things up --------------------------------------------------------

    def entry(self, kind, slug):
        return self.by_key.get((kind, slug))

    def person(self, slug):
        return self.people_by_slug.get(slug)

    def neighbours(self, entry):
        """The entries before and after ``entry``, wrapping round."""
        count = len(self.entries)
        if count < 2:
            return None, None
        return (
            self.entries[(entry.index - 1) % count],
            self.entries[(entry.index + 1) % count],
        )

    @property
    def groups(self):
        if self.playlist:
            return [Group(None, self.entries)] if self.entries else []
        groups = [
            Group(section, [e for e in self.entries if e.section == section])
            for section in self.sections
        ]
        return [group for group in groups if group.entries]

    def attract(self):
        """Up to ``attract_count`` pictured entries, spread evenly over the kiosk."""
        pictured = [entry for entry in self.entries if entry.images]
        wanted = min(self.kiosk.attract_count, len(pictured))
        if not wanted:
            return []
        step = len(pictured) / wanted
        return [pictured[int(n * step)] for n in range(wanted)]

    # -- addresses ----------------------------------------------------------------

    def home_url(self, language=None):
        if language is None:
            return reverse("kiosk:home", args=[self.kiosk.slug])
        return reverse("kiosk:home-in", args=[self.kiosk.slug, language])

    def entry_url(self, entry, language):
        return reverse(
            f"kiosk:{entry.kind}", args=[self.kiosk.slug, language, entry.record.slug]
        )

    def person_url(self, person_entry, language):
        return reverse(
            "kiosk:person", args=[self.kiosk.slug, language, person_entry.person.slug]
        )

    def set_language(self, language):
        """Point every entry's and person's ``url`` at its page in ``language``."""
        for entry in self.entries:
            entry.url = self.entry_url(entry, language)
        for person_entry in self.people:
            person_entry.url = self.person_url(person_entry, language)

    def pages(self):
        pages = [self.home_url()]
        for language in self.kiosk.languages:
            pages.append(self.home_url(language))
            pages += [self.entry_url(entry, language) for entry in self.entries]
            pages += [self.person_url(p, language) for p in self.people]
        return pages

    def images(self):
        urls = []
        for entry in self.entries:
            for image in entry.images:
                urls += [image.full, image.card]
        urls += [p.portrait.card for p in self.people if p.portrait]
        return list(dict.fromkeys(urls))

    @staticmethod
    def assets():
        return [static(name) for name in STATIC_ASSETS]

    def precache(self):
        """Everything the kiosk needs to keep running without the server."""
        return {
            "version": self.version,
            "pages": self.pages(),
            "assets": self.assets(),
            "images": self.images(),
            "media": self.media(),
        }

    # -- version ------------------------------------------------------------------

    @cached_property
    def version(self):
        """A hash of everything the kiosk shows; it changes when any of it does."""
        kiosk = self.kiosk
        stamp = lambda obj: [obj.pk, obj.updated_at.isoformat()]  # noqa: E731
        state = {
            "kiosk": [*stamp(kiosk), kiosk.slug, kiosk.languages],
            "exhibition": stamp(self.exhibition) if self.exhibition else None,
            "sections": [stamp(section) for section in self.sections],
            "entries": [
                [
                    entry.kind,
                    *stamp(entry.record),
                    entry.section.pk if entry.section else None,
                    entry.position,
                    [image_state(image) for image in entry.images],
                ]
                for entry in self.entries
            ],
            "people": [stamp(p.person) for p in self.people],
            "media": [self.kiosk.media_budget_mb, self.media_state()],
            "assets": [*self.assets(), service_worker_digest()],
        }
        encoded = json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode()).hexdigest()[:20]
