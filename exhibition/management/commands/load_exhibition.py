from django.core.management.base import BaseCommand, CommandError

from exhibition.demo.loader import CONTENT_DIR, ContentError, load_exhibition


class Command(BaseCommand):
    help = (
        "Load the shipped exhibition from its data files. Safe to run again: "
        "it adds what is missing and never overwrites a curator's edit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            default=str(CONTENT_DIR),
            help="Folder holding the exhibition's TOML files.",
        )

    def handle(self, *args, **options):
        try:
            report = load_exhibition(options["path"])
        except ContentError as error:
            raise CommandError(f"The data files have problems:\n{error}") from None
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Exhibition loaded."))
