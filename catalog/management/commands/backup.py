from django.core.management.base import BaseCommand

from catalog.storage import storage_command
from catalog.transfer.backup import backup


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot: database (Django JSON) + media, with checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the .tar.gz snapshot.")

    def handle(self, *args, **options):
        with storage_command("The backup"):
            manifest = backup(options["path"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up the database and {len(manifest['media'])} media files "
                f"to {options['path']}."
            )
        )
