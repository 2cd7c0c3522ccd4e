"""Loading the catalogue's part of the demo: sources, roles, people, records."""

from catalog import seed_terms
from catalog.models import (
    Artifact,
    ArtifactImage,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Role,
    Source,
)
from exhibition.demo.placeholders import as_upload, placeholder_image
from exhibition.demo.reading import BORROWED_OFFSET
from exhibition.demo.sync import set_text, text
from exhibition.models import (
    SectionItem,
)


class CatalogueLoading:
    """Sources, roles, people, artifacts and photographs (a mixin of ``Loader``)."""

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

    def terms(self, model):
        """A vocabulary by code; the seed terms are added first if missing."""
        seed_terms.seed(ObjectType, Nationality)
        return {term.code: term for term in model.objects.all()}

    def load_people(self):
        nationalities = self.terms(Nationality)
        written = []
        for entry in self.content["people"]:

            def apply(person, created, entry=entry):
                self.set_record_fields(person, entry)
                person.kind = entry.get("kind", Person.Kind.PERSON)
                person.featured = bool(entry.get("featured"))
                for name in ("birth_year", "death_year", "active_from", "active_to"):
                    setattr(person, name, entry.get(name))
                for name in (
                    "name",
                    "other_names",
                    "affiliation",
                    "birth_display",
                    "death_display",
                    "active_display",
                    "active_places",
                    "summary",
                    "body",
                ):
                    set_text(person, name, entry.get(name, ""))
                if not person.portrait:
                    self.add_portrait(person, entry)
                person.save()
                person.nationalities.set(
                    [nationalities[code] for code in entry.get("nationalities", [])]
                )
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
        person.portrait.save(f"{entry['slug']}.jpg", as_upload(picture), save=False)
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
        object_types = self.terms(ObjectType)
        for entry in self.content["artifacts"]:

            def apply(artifact, created, entry=entry):
                self.set_record_fields(artifact, entry)
                artifact.accession_number = entry["accession_number"]
                artifact.slug = entry["slug"]
                artifact.object_type = object_types[entry.get("object_type", "other")]
                for name in ("year_from", "year_to"):
                    setattr(artifact, name, entry.get(name))
                for name in ("dimensions", "gallery_room", "case", "rights_uri"):
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
                    as_upload(picture),
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
                photograph.rights_uri = entry.get("rights_uri", "")
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
                        f"{entry['slug']}.jpg", as_upload(picture), save=False
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
