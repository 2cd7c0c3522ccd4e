"""print_labels: a PDF of object labels and section panels, from the command line."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from exhibition.labels import content, sizes
from exhibition.labels.fonts import FontMissing
from exhibition.labels.printing import SelectionError, print_labels


class Command(BaseCommand):
    help = (
        "Print bilingual labels (with QR codes to the records' short addresses) and "
        "section panels as one PDF. Only published records and sections are printed."
    )

    def add_arguments(self, parser):
        what = parser.add_argument_group("what to print (any combination)")
        what.add_argument("--artifact", nargs="+", default=[], metavar="ACCESSION")
        what.add_argument("--photograph", nargs="+", default=[], metavar="ID_OR_SLUG")
        what.add_argument(
            "--section", nargs="+", default=[], metavar="EXHIBITION/SECTION"
        )
        what.add_argument("--exhibition", nargs="+", default=[], metavar="SLUG")
        parser.add_argument(
            "--panels-only",
            action="store_true",
            help="Sections and exhibitions: their panels without the object labels.",
        )
        parser.add_argument(
            "--label-template",
            default=sizes.default(sizes.OBJECT).name,
            choices=[t.name for t in sizes.of_kind(sizes.OBJECT)],
        )
        parser.add_argument(
            "--panel-template",
            default=sizes.default(sizes.PANEL).name,
            choices=[t.name for t in sizes.of_kind(sizes.PANEL)],
        )
        parser.add_argument(
            "--base-url",
            default="",
            help="The public site, e.g. https://museum.example (default: "
            "PUBLIC_BASE_URL).",
        )
        parser.add_argument("-o", "--output", default="labels.pdf")

    def handle(self, *args, **options):
        base = (options["base_url"] or settings.PUBLIC_BASE_URL).rstrip("/")
        if not base:
            raise CommandError("Give --base-url or set PUBLIC_BASE_URL.")
        try:
            printed = print_labels(
                artifacts=options["artifact"],
                photographs=options["photograph"],
                sections=options["section"],
                exhibitions=options["exhibition"],
                object_template=sizes.get(options["label_template"], sizes.OBJECT),
                panel_template=sizes.get(options["panel_template"], sizes.PANEL),
                base_url=base,
                with_labels=not options["panels_only"],
            )
        except (SelectionError, content.NotPrintable, FontMissing) as problem:
            raise CommandError(str(problem)) from None
        Path(options["output"]).write_bytes(printed.pdf)
        for title in printed.clipped:
            self.stderr.write(f"Too long, cut at the edge: {title}")
        self.stdout.write(f"{printed.pages} pages written to {options['output']}")
