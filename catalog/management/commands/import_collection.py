"""``import_collection``: the CSV import from the command line, with a progress bar
that shows rows per second and the time left."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.formats import number_format
from django.utils.translation import ngettext

from catalog.transfer.importer import (
    CsvImport,
    ImageFolder,
    read_extras,
    registered_sections,
)

BAR_WIDTH = 30


def duration(seconds):
    """``1 h 02 min``, ``3 min 05 s``, ``12 s``."""
    seconds = round(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


def progress_bar(step):
    filled = BAR_WIDTH * step.done // max(step.total, 1)
    bar = "#" * filled + "-" * (BAR_WIDTH - filled)
    return (
        f"\r{step.phase:>9} [{bar}] {step.done}/{step.total} "
        f"{step.rate:,.0f} rows/s, {duration(step.left)} left "
    )


class Command(BaseCommand):
    help = (
        "Import artifacts and photographs from a CSV file and a folder or ZIP of "
        "images. Every row is checked first; nothing is written unless all are good."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv", type=Path, help="the CSV file (UTF-8)")
        parser.add_argument(
            "--images", type=Path, help="folder or ZIP file holding the images"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check only; write nothing"
        )
        parser.add_argument(
            "--create-terms",
            action="store_true",
            help=(
                "create the object types and nationalities the files name that the "
                "catalogue lacks (code from the value, value as English label; add "
                "the Chinese label in the admin later)"
            ),
        )

    def handle(self, *args, csv, images, dry_run, create_terms, **options):
        if not csv.is_file():
            raise CommandError(f"No such file: {csv}")
        if images is not None and not images.exists():
            raise CommandError(f"No such folder or ZIP file: {images}")
        folder = ImageFolder(images)
        job = CsvImport(
            csv,
            folder,
            extras=read_extras(csv),
            sections=registered_sections(),
            create_terms=create_terms,
        )
        shown = None
        try:
            for step in job.steps(dry_run=dry_run):
                if shown and step.phase != shown:
                    self.stderr.write("")
                shown = step.phase
                self.stderr.write(progress_bar(step), ending="")
                self.stderr.flush()
        except DatabaseError as error:
            # The write is one transaction: a lost database leaves nothing behind.
            raise CommandError(
                f"The database could not be reached ({' '.join(str(error).split())}); "
                "nothing was imported. Run the import again when it is back."
            ) from error
        finally:
            folder.close()
        if shown:
            self.stderr.write("")
        report = job.report
        if not report.ok:
            # Each distinct problem once, with its rows: a first try may have tens of
            # thousands of rows that say the same few things.
            summary = report.summary()
            for group in summary.groups:
                self.stderr.write(str(group))
            if summary.unlisted:
                self.stderr.write(summary.unlisted_text)
            count = len(report.problems)
            raise CommandError(
                ngettext(
                    "%(count)s problem found; nothing was imported.",
                    "%(count)s problems found; nothing was imported.",
                    count,
                )
                % {"count": number_format(count, force_grouping=True)}
            )
        for line in report.lines():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
