from django.core.management.base import BaseCommand

from exhibition.bench import benchmark, importing


class Command(BaseCommand):
    help = "Measure page cost at several collection sizes and serving throughput."

    def add_arguments(self, parser):
        parser.add_argument(
            "mode",
            choices=["run", "scale", "load", "import", "import-setup", "import-once"],
        )
        parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 100000])
        parser.add_argument("--size", type=int, help="scale mode: records to build")
        parser.add_argument("--out", help="scale mode: where to write the JSON")
        parser.add_argument(
            "--seconds",
            type=int,
            default=5,
            help="load time per page type (0 skips throughput)",
        )
        parser.add_argument("--repeats", type=int, default=30)
        parser.add_argument(
            "--import-rows",
            type=int,
            default=100000,
            help="rows of the CSV import measurement (0 skips it)",
        )
        parser.add_argument("--csv", help="import modes: the CSV file")

    def handle(self, *args, **options):
        if options["mode"] == "load":
            from exhibition.bench import loadtest

            loadtest.run(seconds=options["seconds"])
        elif options["mode"] == "import":
            importing.run(options["import_rows"])
        elif options["mode"] == "import-setup":
            importing.setup_command(options["size"], options["csv"])
        elif options["mode"] == "import-once":
            importing.once_command(options["csv"], options["out"])
        elif options["mode"] == "scale":
            benchmark.scale_command(options["size"], options["out"], options["repeats"])
        else:
            benchmark.run(
                options["sizes"],
                options["seconds"],
                options["repeats"],
                options["import_rows"],
            )
