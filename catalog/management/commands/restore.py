from django.core.management.base import BaseCommand, CommandError

from catalog.storage import storage_command
from catalog.transfer.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a snapshot made by 'backup' into an empty (migrated) database."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even if the database already holds records.",
        )

    def handle(self, *args, **options):
        try:
            with storage_command("The restore"):
                manifest = restore(options["path"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the database and {len(manifest['media'])} media files "
                f"from a snapshot made {manifest['created']}."
            )
        )
