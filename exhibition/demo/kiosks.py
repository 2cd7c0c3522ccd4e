"""Loading the demo's kiosks, each in its exhibition and with its device key (a
mixin of ``Loader``)."""

from catalog.models import Artifact, Photograph
from exhibition.demo.sync import set_text
from exhibition.models import Kiosk, KioskItem


class KioskLoading:
    def load_kiosks(self):
        first = self.content["exhibition"] and self.content["exhibition"]["slug"]
        for entry in self.content["kiosks"]:

            def apply(kiosk, created, entry=entry):
                exhibition_slug = entry.get("exhibition", first)
                kiosk.exhibition = self.exhibitions[exhibition_slug]
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
                    [
                        self.section_of(exhibition_slug, slug)
                        for slug in entry.get("sections", [])
                    ]
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

            kiosk, _outcome = self.sync(
                Kiosk, entry["slug"], {"slug": entry["slug"]}, entry, apply
            )
            if not kiosk.device_key_hash:
                self.give_device_key(kiosk)

    def give_device_key(self, kiosk):
        """A new kiosk (or one from before device keys) gets one; its start
        address is in the report, the only place it is ever shown."""
        key = kiosk.rotate_device_key()
        self.report.notes.append(
            f"kiosk {kiosk.slug}: start address (shown only now; "
            f"rotate_kiosk_key {kiosk.slug} makes a new one): {kiosk.start_url(key)}"
        )
