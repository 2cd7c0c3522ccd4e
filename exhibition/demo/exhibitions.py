"""Loading the exhibition's part of the demo: exhibitions, sections, kiosks."""

from django.core.files.base import ContentFile

from catalog.models import (
    Artifact,
    Photograph,
    Status,
)
from exhibition.demo.placeholders import placeholder_image
from exhibition.demo.sync import set_text, text
from exhibition.models import (
    Exhibition,
    Kiosk,
    KioskItem,
    Section,
)


class ExhibitionLoading:
    """Exhibitions, their sections and placements, kiosks (a mixin of ``Loader``)."""

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
