from django.apps import apps
from django.core.management.base import BaseCommand

from catalog.images import CheckedImageField
from catalog.images.renditions import Picture


class Command(BaseCommand):
    help = (
        "Make every image's renditions now, rather than on its first view "
        "(after a large import, or before opening a kiosk)."
    )

    def handle(self, *args, **options):
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
                    made += 1
        self.stdout.write(f"Renditions ready for {made} images.")
