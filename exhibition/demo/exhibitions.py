"""Loading the exhibition's part of the demo: the museum, exhibitions, their
sections, featured people and (for exhibitions/*.toml) what hangs in them."""

from catalog.models import Artifact, Photograph, Status
from exhibition.demo.placeholders import as_upload, placeholder_image
from exhibition.demo.sync import set_text, text
from exhibition.models import (
    Exhibition,
    FeaturedPerson,
    Museum,
    Section,
    SectionItem,
)

EXHIBITION_TEXT = (
    "title",
    "subtitle",
    "venue",
    "galleries",
    "organisers",
    "supporters",
    "introduction",
    "notice",
    "timeline_title",
)
MUSEUM_TEXT = (
    "name",
    "short_name",
    "description",
    "address",
    "galleries",
    "opening_hours",
    "footer",
    "contact",
)


class ExhibitionLoading:
    """The museum, exhibitions, sections and placements (a mixin of ``Loader``)."""

    def load_museum(self):
        entry = self.content["museum"]
        if not entry:
            return None

        def apply(museum, created):
            for name in MUSEUM_TEXT:
                set_text(museum, name, entry.get(name, ""))
            museum.name = museum.name_en
            museum.save()

        existing = Museum.objects.order_by("pk").first()
        lookup = {"pk": existing.pk} if existing else {}
        museum, _ = self.sync(Museum, "museum", lookup, entry, apply)
        return museum

    def load_exhibition(self):
        """The first exhibition (exhibition.toml), then each of exhibitions/*.toml."""
        first = self.content["exhibition"]
        if first:
            featured = first.get("featured") or self.flagged_people()
            self.load_one(first, self.content["sections"], featured, key_prefix="")
        for extra in self.content["exhibitions"]:
            entry = extra["exhibition"]
            self.load_one(
                entry,
                extra["sections"],
                entry.get("featured", []),
                key_prefix=f"{entry['slug']}/",
            )

    def flagged_people(self):
        """people.toml's ``featured = true``: the older way to name them, by name."""
        flagged = [e for e in self.content["people"] if e.get("featured")]
        return [e["slug"] for e in sorted(flagged, key=lambda e: text(e["name"]))]

    def load_one(self, entry, sections, featured, key_prefix):
        def apply(exhibition, created):
            exhibition.status = entry.get("status", Status.PUBLISHED)
            exhibition.kind = entry.get("kind", Exhibition.Kind.TEMPORARY)
            exhibition.opening_date = entry.get("opening_date")
            exhibition.closing_date = entry.get("closing_date")
            exhibition.timeline_start = entry.get("timeline_start")
            exhibition.timeline_end = entry.get("timeline_end")
            for name in EXHIBITION_TEXT:
                set_text(exhibition, name, entry.get(name, ""))
            exhibition.save()
            self.set_citations(exhibition, entry)
            exhibition.featured.all().delete()
            FeaturedPerson.objects.bulk_create(
                FeaturedPerson(
                    exhibition=exhibition, person=self.people[slug], position=n
                )
                for n, slug in enumerate(featured)
            )

        # The fingerprint covers the featured list, however the files give it.
        fingerprinted = {**entry, "featured": list(featured)}
        exhibition, _ = self.sync(
            Exhibition, entry["slug"], {"slug": entry["slug"]}, fingerprinted, apply
        )
        self.exhibitions[entry["slug"]] = exhibition
        for position, section_entry in enumerate(sections):
            self.load_section(exhibition, section_entry, position, key_prefix)
        return exhibition

    def load_section(self, exhibition, entry, position, key_prefix):
        def apply(section, created):
            section.exhibition = exhibition
            section.status = entry.get("status", Status.PUBLISHED)
            section.gallery_room = entry.get("gallery_room", "")
            if created:
                section.position = position
            set_text(section, "title", entry["title"])
            set_text(section, "introduction", entry.get("introduction", ""))
            if not section.hero_image:
                picture = placeholder_image(
                    f"section:{key_prefix}{entry['slug']}",
                    text(entry["title"]),
                    entry.get("motif", "document"),
                    entry.get("gallery_room", ""),
                )
                section.hero_image.save(
                    f"{entry['slug']}.jpg", as_upload(picture), save=False
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
            if "items" in entry:
                self.pending_items.append((section, entry["items"]))

        section, _ = self.sync(
            Section,
            key_prefix + entry["slug"],
            {"exhibition": exhibition, "slug": entry["slug"]},
            entry,
            apply,
        )
        if not key_prefix:
            self.sections[entry["slug"]] = section
        self.all_sections[(exhibition.slug, entry["slug"])] = section

    def section_of(self, exhibition_slug, slug):
        return self.all_sections[(exhibition_slug, slug)]

    def load_placements(self):
        """Hang the items exhibitions/*.toml lists, adding missing placements only
        (after the records exist; a curator's order is never undone)."""
        for section, items in self.pending_items:
            for position, item in enumerate(items):
                if "artifact" in item:
                    record = Artifact.objects.get(accession_number=item["artifact"])
                    kind = "artifact"
                else:
                    record = Photograph.objects.get(slug=item["photograph"])
                    kind = "photograph"
                SectionItem.objects.get_or_create(
                    section=section, **{kind: record}, defaults={"position": position}
                )
