"""Load the shipped exhibition from the TOML files in ``exhibition/demo/content/``.

Idempotent: each record's data is fingerprinted, and a record is written only when
it is new, or when its data changed and no curator has edited it since the last
load. A curator's edit always wins; the report says which records were kept.
"""

import hashlib
import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    Nationality,
    Person,
    Photograph,
    Role,
    Source,
    Status,
)
from exhibition.demo.placeholders import placeholder_image
from exhibition.models import (
    Exhibition,
    Kiosk,
    KioskItem,
    LoadedRecord,
    Section,
    SectionItem,
)

CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGUAGE_KEYS = {"en": "en", "zh_hans": "zh_hans"}
# A section's own items hang first; items it borrows from others come after.
BORROWED_OFFSET = 100_000


class ContentError(Exception):
    """The data files are inconsistent; the message lists every problem."""


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)
    kept: list = field(default_factory=list)

    def note(self, model, outcome):
        self.counts[(model, outcome)] += 1

    def lines(self):
        models = sorted({model for model, _ in self.counts})
        for model in models:
            parts = [
                f"{self.counts[(model, outcome)]} {outcome}"
                for outcome in ("created", "updated", "unchanged", "kept")
                if self.counts[(model, outcome)]
            ]
            yield f"{model}: {', '.join(parts)}"
        for label in self.kept:
            yield f"kept curator's edit: {label}"


def read_content(directory=CONTENT_DIR):
    """Parse every data file and check cross-references before anything is written."""
    directory = Path(directory)
    names = ["sources", "roles", "people", "artifacts", "photographs", "exhibition"]
    data = {}
    for name in names:
        path = directory / f"{name}.toml"
        try:
            with path.open("rb") as handle:
                data[name] = tomllib.load(handle)
        except FileNotFoundError:
            data[name] = {}
        except tomllib.TOMLDecodeError as error:
            raise ContentError(f"{path.name}: {error}") from None
    content = {
        "sources": data["sources"].get("source", []),
        "roles": data["roles"].get("role", []),
        "people": data["people"].get("person", []),
        "artifacts": data["artifacts"].get("artifact", []),
        "photographs": data["photographs"].get("photograph", []),
        "exhibition": data["exhibition"].get("exhibition"),
        "sections": data["exhibition"].get("section", []),
        "kiosks": data["exhibition"].get("kiosk", []),
    }
    check_references(content)
    return content


def check_references(content):
    problems = []
    sources = {entry["key"] for entry in content["sources"]}
    roles = {entry["slug"] for entry in content["roles"]}
    people = {entry["slug"] for entry in content["people"]}
    groups = {e["slug"] for e in content["people"] if e.get("kind") == "group"}
    sections = {entry["slug"] for entry in content["sections"]}
    nationalities = set(Nationality.values)

    def check_unique(kind, key):
        seen = Counter(entry.get(key) for entry in content[kind])
        problems.extend(
            f"{kind}: {key} {value!r} used {count} times"
            for value, count in seen.items()
            if count > 1
        )

    for kind, key in [
        ("sources", "key"),
        ("people", "slug"),
        ("artifacts", "slug"),
        ("artifacts", "accession_number"),
        ("photographs", "slug"),
        ("sections", "slug"),
    ]:
        check_unique(kind, key)

    def check_record(kind, entry, label):
        for citation in entry.get("citations", []):
            if citation.get("source") not in sources:
                problems.append(f"{label}: unknown source {citation.get('source')!r}")
        if kind != "sections" and kind != "exhibition" and not entry.get("citations"):
            problems.append(f"{label}: no citations")
        for slug in entry.get("people", []):
            if slug not in people:
                problems.append(f"{label}: unknown person {slug!r}")
        if kind in ("artifacts", "photographs"):
            for slug in [entry.get("section"), *entry.get("also_in", [])]:
                if slug not in sections:
                    problems.append(f"{label}: unknown section {slug!r}")
        if entry.get("disputed") and not entry.get("disputed_note"):
            problems.append(f"{label}: disputed but no disputed_note")

    for kind in ("people", "artifacts", "photographs", "sections"):
        for entry in content[kind]:
            label = f"{kind} {entry.get('slug')!r}"
            check_record(kind, entry, label)
    for entry in content["people"]:
        label = f"people {entry['slug']!r}"
        for role in entry.get("roles", []):
            if role not in roles:
                problems.append(f"{label}: unknown role {role!r}")
        for group in entry.get("member_of", []):
            if group not in groups:
                problems.append(f"{label}: unknown group {group!r}")
        if entry.get("nationality") not in nationalities:
            problems.append(
                f"{label}: unknown nationality {entry.get('nationality')!r}"
            )
    if content["exhibition"]:
        check_record("exhibition", content["exhibition"], "exhibition")
    problems.extend(kiosk_problems(content, sections))
    if problems:
        raise ContentError("\n".join(problems))


def kiosk_problems(content, sections):
    problems = []
    artifacts = {entry.get("accession_number") for entry in content["artifacts"]}
    photographs = {entry.get("slug") for entry in content["photographs"]}
    seen = Counter(entry.get("slug") for entry in content["kiosks"])
    problems.extend(
        f"kiosks: slug {slug!r} used {count} times"
        for slug, count in seen.items()
        if count > 1
    )
    for entry in content["kiosks"]:
        label = f"kiosks {entry.get('slug')!r}"
        for slug in entry.get("sections", []):
            if slug not in sections:
                problems.append(f"{label}: unknown section {slug!r}")
        for item in entry.get("playlist", []):
            if item.get("artifact") not in artifacts | {None}:
                problems.append(f"{label}: unknown artifact {item['artifact']!r}")
            if item.get("photograph") not in photographs | {None}:
                problems.append(f"{label}: unknown photograph {item['photograph']!r}")
            if len(item) != 1 or set(item) - {"artifact", "photograph"}:
                problems.append(f"{label}: a playlist item names one record")
        if entry.get("orientation", "portrait") not in Kiosk.Orientation.values:
            problems.append(f"{label}: unknown orientation {entry['orientation']!r}")
        if entry.get("default_language", "en") not in Kiosk.Language.values:
            problems.append(f"{label}: unknown language {entry['default_language']!r}")
        if not entry.get("slug") or not entry.get("name"):
            problems.append(f"{label}: a kiosk needs a slug and a name")
        for name in ("idle_timeout", "attract_count", "attract_interval"):
            value = entry.get(name, Kiosk._meta.get_field(name).default)
            try:
                if type(value) is not int:
                    raise ValidationError("not a whole number")
                Kiosk._meta.get_field(name).run_validators(value)
            except ValidationError:
                problems.append(f"{label}: {name} {value!r} is out of range")
    return problems


def digest(entry):
    return hashlib.sha256(
        json.dumps(entry, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()


def set_text(obj, name, value):
    """Set a translated field from ``{"en": …, "zh_hans": …}`` or a plain string."""
    if isinstance(value, dict):
        for key, suffix in LANGUAGE_KEYS.items():
            setattr(obj, f"{name}_{suffix}", value.get(key, "") or "")
    else:
        setattr(obj, f"{name}_en", value or "")


def text(value, language="en"):
    if isinstance(value, dict):
        return value.get(language) or next(iter(value.values()), "")
    return value or ""


class Loader:
    def __init__(self, content, report):
        self.content = content
        self.report = report
        self.now = timezone.now()
        self.sources = {}
        self.roles = {}
        self.people = {}
        self.sections = {}

    def sync(self, model, key, lookup, entry, apply):
        """Create or update one record unless a curator has edited it; return it."""
        label = model._meta.label
        state = LoadedRecord.objects.filter(model=label, key=key).first()
        obj = model.objects.filter(**lookup).first()
        fingerprint = digest(entry)
        if obj is None:
            outcome = "created"
            obj = model(**lookup)
        elif state and state.digest == fingerprint:
            self.report.note(label, "unchanged")
            return obj, "unchanged"
        elif state is None or self.edited_since(obj, state):
            self.report.note(label, "kept")
            self.report.kept.append(f"{label} {key}")
            return obj, "kept"
        else:
            outcome = "updated"
        apply(obj, outcome == "created")
        LoadedRecord.objects.update_or_create(
            model=label,
            key=key,
            defaults={"digest": fingerprint, "loaded_at": timezone.now()},
        )
        self.report.note(label, outcome)
        return obj, outcome

    @staticmethod
    def edited_since(obj, state):
        changed = getattr(obj, "updated_at", None)
        return changed is not None and changed > state.loaded_at

    def set_citations(self, obj, entry):
        content_type = ContentType.objects.get_for_model(obj)
        Citation.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        Citation.objects.bulk_create(
            Citation(
                content_type=content_type,
                object_id=obj.pk,
                source=self.sources[citation["source"]],
                locator=citation.get("locator", ""),
                position=position,
            )
            for position, citation in enumerate(entry.get("citations", []))
        )

    def set_record_fields(self, obj, entry):
        obj.status = entry.get("status", Status.PUBLISHED)
        obj.disputed = bool(entry.get("disputed"))
        set_text(obj, "disputed_note", entry.get("disputed_note", ""))

    # -- sources and roles -------------------------------------------------------

    def load_sources(self):
        for entry in self.content["sources"]:

            def apply(source, created, entry=entry):
                set_text(source, "title", entry["title"])
                set_text(source, "note", entry.get("note", ""))
                source.kind = entry.get("kind", Source.Kind.OTHER)
                for name in ("author", "publisher", "published", "url", "document"):
                    setattr(source, name, entry.get(name, ""))
                source.save()

            source, _ = self.sync(
                Source, entry["key"], {"key": entry["key"]}, entry, apply
            )
            self.sources[entry["key"]] = source

    def load_roles(self):
        for entry in self.content["roles"]:

            def apply(role, created, entry=entry):
                set_text(role, "name", entry["name"])
                role.save()

            role, _ = self.sync(
                Role, entry["slug"], {"slug": entry["slug"]}, entry, apply
            )
            self.roles[entry["slug"]] = role

    # -- people --------------------------------------------------------------

    def load_people(self):
        written = []
        for entry in self.content["people"]:

            def apply(person, created, entry=entry):
                self.set_record_fields(person, entry)
                person.kind = entry.get("kind", Person.Kind.PERSON)
                person.featured = bool(entry.get("featured"))
                person.nationality = entry["nationality"]
                for name in ("birth_year", "death_year", "china_from", "china_to"):
                    setattr(person, name, entry.get(name))
                for name in (
                    "name",
                    "other_names",
                    "affiliation",
                    "birth_display",
                    "death_display",
                    "china_years",
                    "china_places",
                    "summary",
                    "body",
                ):
                    set_text(person, name, entry.get(name, ""))
                if not person.portrait:
                    self.add_portrait(person, entry)
                person.save()
                person.roles.set([self.roles[slug] for slug in entry.get("roles", [])])
                self.set_citations(person, entry)

            person, outcome = self.sync(
                Person, entry["slug"], {"slug": entry["slug"]}, entry, apply
            )
            self.people[entry["slug"]] = person
            if outcome in ("created", "updated"):
                written.append((person, entry))
        for person, entry in written:
            person.groups.set(
                [self.people[slug] for slug in entry.get("member_of", [])]
            )

    def add_portrait(self, person, entry):
        name = text(entry["name"])
        years = " – ".join(
            str(year)
            for year in (entry.get("birth_year"), entry.get("death_year"))
            if year
        )
        motif = entry.get("motif") or (
            "group" if entry.get("kind") == "group" else "portrait"
        )
        picture = placeholder_image(
            f"person:{entry['slug']}", name, motif, years, portrait=True
        )
        person.portrait.save(f"{entry['slug']}.jpg", ContentFile(picture), save=False)
        zh_name = text(entry["name"], "zh_hans")
        drawing_en = "a group" if motif == "group" else "a head and shoulders"
        drawing_zh = "群像" if motif == "group" else "人物"
        person.portrait_alt_en = (
            f"Generated placeholder portrait card for {name}: "
            f"a line drawing of {drawing_en} on aged paper."
        )
        person.portrait_alt_zh_hans = (
            f"{zh_name}的演示占位肖像卡：旧纸上的{drawing_zh}线描。"
        )

    # -- artifacts and photographs ---------------------------------------------

    def load_artifacts(self):
        for entry in self.content["artifacts"]:

            def apply(artifact, created, entry=entry):
                self.set_record_fields(artifact, entry)
                artifact.accession_number = entry["accession_number"]
                artifact.slug = entry["slug"]
                artifact.object_type = entry.get("object_type", "other")
                for name in ("year_from", "year_to"):
                    setattr(artifact, name, entry.get(name))
                for name in ("dimensions", "gallery_room", "case"):
                    setattr(artifact, name, entry.get(name, ""))
                for name in (
                    "title",
                    "description",
                    "date_display",
                    "place",
                    "materials",
                    "credit_line",
                    "provenance",
                    "rights",
                ):
                    set_text(artifact, name, entry.get(name, ""))
                artifact.save()
                artifact.people.set([self.people[s] for s in entry.get("people", [])])
                self.set_citations(artifact, entry)
                self.set_artifact_images(artifact, entry)
                self.place(artifact, entry)

            self.sync(
                Artifact,
                entry["accession_number"],
                {"accession_number": entry["accession_number"]},
                entry,
                apply,
            )

    def set_artifact_images(self, artifact, entry):
        existing = list(artifact.images.order_by("position", "pk"))
        views = entry.get("image", []) or [{}]
        for position, view in enumerate(views):
            image = existing[position] if position < len(existing) else None
            if image is None:
                image = ArtifactImage(artifact=artifact, position=position)
                subtitle = " · ".join(
                    part
                    for part in (
                        text(entry.get("date_display", "")),
                        entry["accession_number"],
                    )
                    if part
                )
                picture = placeholder_image(
                    f"artifact:{entry['accession_number']}:{position}",
                    text(view.get("caption")) or text(entry["title"]),
                    view.get("motif") or entry.get("motif", "document"),
                    subtitle,
                )
                image.image.save(
                    f"{entry['slug']}-{position + 1}.jpg",
                    ContentFile(picture),
                    save=False,
                )
            set_text(image, "alt_text", view.get("alt", ""))
            set_text(image, "caption", view.get("caption", ""))
            image.position = position
            image.save()

    def load_photographs(self):
        for entry in self.content["photographs"]:

            def apply(photograph, created, entry=entry):
                self.set_record_fields(photograph, entry)
                for name in ("year_from", "year_to"):
                    setattr(photograph, name, entry.get(name))
                photograph.archive_reference = entry.get("archive_reference", "")
                for name in (
                    "title",
                    "caption",
                    "photographer",
                    "date_display",
                    "place",
                    "archive",
                    "credit_line",
                    "rights",
                ):
                    set_text(photograph, name, entry.get(name, ""))
                set_text(photograph, "alt_text", entry.get("alt", ""))
                if not photograph.image:
                    picture = placeholder_image(
                        f"photograph:{entry['slug']}",
                        text(entry["title"]),
                        entry.get("motif", "camera"),
                        " · ".join(
                            part
                            for part in (
                                text(entry.get("date_display", "")),
                                text(entry.get("place", "")),
                            )
                            if part
                        ),
                    )
                    photograph.image.save(
                        f"{entry['slug']}.jpg", ContentFile(picture), save=False
                    )
                photograph.save()
                photograph.people.set([self.people[s] for s in entry.get("people", [])])
                self.set_citations(photograph, entry)
                self.place(photograph, entry)

            self.sync(Photograph, entry["slug"], {"slug": entry["slug"]}, entry, apply)

    def place(self, record, entry):
        """Hang a record in its sections, adding missing placements only."""
        kind = "artifact" if isinstance(record, Artifact) else "photograph"
        order = entry.get("order", 0)
        placements = [(entry["section"], order)] + [
            (slug, BORROWED_OFFSET + order) for slug in entry.get("also_in", [])
        ]
        for slug, position in placements:
            SectionItem.objects.get_or_create(
                section=self.sections[slug],
                **{kind: record},
                defaults={"position": position},
            )

    # -- exhibition and sections ----------------------------------------------

    def load_exhibition(self):
        entry = self.content["exhibition"]
        if not entry:
            return None

        def apply(exhibition, created):
            exhibition.status = entry.get("status", Status.PUBLISHED)
            exhibition.galleries = entry.get("galleries", "")
            exhibition.opening_date = entry.get("opening_date")
            exhibition.closing_date = entry.get("closing_date")
            for name in (
                "title",
                "subtitle",
                "venue",
                "organisers",
                "supporters",
                "introduction",
                "notice",
            ):
                set_text(exhibition, name, entry.get(name, ""))
            exhibition.save()
            self.set_citations(exhibition, entry)

        exhibition, _ = self.sync(
            Exhibition, entry["slug"], {"slug": entry["slug"]}, entry, apply
        )
        for position, section_entry in enumerate(self.content["sections"]):

            def apply_section(section, created, entry=section_entry, position=position):
                section.exhibition = exhibition
                section.status = entry.get("status", Status.PUBLISHED)
                section.gallery_room = entry.get("gallery_room", "")
                if created:
                    section.position = position
                set_text(section, "title", entry["title"])
                set_text(section, "introduction", entry.get("introduction", ""))
                if not section.hero_image:
                    picture = placeholder_image(
                        f"section:{entry['slug']}",
                        text(entry["title"]),
                        entry.get("motif", "document"),
                        entry.get("gallery_room", ""),
                    )
                    section.hero_image.save(
                        f"{entry['slug']}.jpg", ContentFile(picture), save=False
                    )
                    section.hero_alt_en = (
                        f"Generated placeholder card for the section "
                        f"“{text(entry['title'])}”."
                    )
                    section.hero_alt_zh_hans = (
                        f"“{text(entry['title'], 'zh_hans')}”单元的演示占位图。"
                    )
                section.save()
                self.set_citations(section, entry)

            section, _ = self.sync(
                Section,
                section_entry["slug"],
                {"slug": section_entry["slug"]},
                section_entry,
                apply_section,
            )
            self.sections[section_entry["slug"]] = section
        return exhibition

    # -- kiosks ----------------------------------------------------------------

    def load_kiosks(self):
        for entry in self.content["kiosks"]:

            def apply(kiosk, created, entry=entry):
                set_text(kiosk, "name", entry["name"])
                kiosk.active = entry.get("active", True)
                kiosk.location = entry.get("location", "")
                kiosk.orientation = entry.get("orientation", Kiosk.Orientation.PORTRAIT)
                kiosk.default_language = entry.get("default_language", "en")
                kiosk.language_switch = entry.get("language_switch", True)
                for name in ("idle_timeout", "attract_count", "attract_interval"):
                    if name in entry:
                        setattr(kiosk, name, entry[name])
                kiosk.save()
                kiosk.sections.set(
                    [self.sections[slug] for slug in entry.get("sections", [])]
                )
                kiosk.playlist.all().delete()
                KioskItem.objects.bulk_create(
                    KioskItem(
                        kiosk=kiosk,
                        artifact=Artifact.objects.filter(
                            accession_number=item.get("artifact")
                        ).first(),
                        photograph=Photograph.objects.filter(
                            slug=item.get("photograph")
                        ).first(),
                        position=position,
                    )
                    for position, item in enumerate(entry.get("playlist", []))
                )

            self.sync(Kiosk, entry["slug"], {"slug": entry["slug"]}, entry, apply)


def load_exhibition(directory=CONTENT_DIR):
    """Load the exhibition in ``directory``; return a LoadReport."""
    content = read_content(directory)
    report = LoadReport()
    loader = Loader(content, report)
    with transaction.atomic():
        loader.load_sources()
        loader.load_roles()
        loader.load_people()
        loader.load_exhibition()
        loader.load_artifacts()
        loader.load_photographs()
        loader.load_kiosks()
    return report
