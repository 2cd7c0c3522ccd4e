from pathlib import Path

from django.core.management.base import BaseCommand

from catalog.storage import storage_command
from catalog.transfer.exporter import export_collection
from catalog.transfer.sections import registered_sections


class Command(BaseCommand):
    help = (
        "Write the whole collection to OUT_DIR (collection.csv, collection.json and "
        "images/) in the format import_collection reads."
    )

    def add_arguments(self, parser):
        parser.add_argument("out_dir", type=Path)

    def handle(self, *args, out_dir, **options):
        with storage_command("The export"):
            summary = export_collection(out_dir, sections=registered_sections())
        self.stdout.write(
            f"{summary.artifacts} artifacts, {summary.photographs} photographs, "
            f"{summary.people} biographies and {summary.images} images "
            f"written to {out_dir}"
        )
