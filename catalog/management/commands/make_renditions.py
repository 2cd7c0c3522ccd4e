from django.apps import apps
from django.core.management.base import BaseCommand

from catalog.images import CheckedImageField
from catalog.images.renditions import Picture
from catalog.images.tiles import ensure_tiles
from catalog.storage import storage_command

# The images the IIIF Image API serves (portraits and section heroes are not).
TILED = {"catalog.ArtifactImage", "catalog.Photograph"}


class Command(BaseCommand):
    help = (
        "Make every image's renditions and IIIF tiles now, rather than on its "
        "first view (after a large import, or before opening a kiosk)."
    )

    def handle(self, *args, **options):
        with storage_command("Making renditions and tiles"):
            made = self.make_all()
        self.stdout.write(f"Renditions and tiles ready for {made} images.")

    def make_all(self):
        made = 0
        for model in apps.get_models():
            fields = [
                f for f in model._meta.get_fields() if isinstance(f, CheckedImageField)
            ]
            for field in fields:
                for record in model._default_manager.exclude(**{field.name: ""}):
                    image = getattr(record, field.name)
                    width = getattr(record, field.width_field, None) or image.width
                    height = getattr(record, field.height_field, None) or image.height
                    Picture(image, width, height).ensure()
                    if model._meta.label in TILED:
                        ensure_tiles(image)
                    made += 1
        return made
