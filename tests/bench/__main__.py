"""The bench's command line, run from the project's folder (``make bench``, ``make
loadtest``): ``python -m tests.bench <mode>``.

- ``run``: scale at each ``--sizes``, throughput, the import (``benchmark.py``);
- ``scale``, ``import-setup``, ``import-once``: one step inside a process whose
  database is a throwaway one (``run`` starts them, see ``workspace.step``);
- ``import``: only the import measurement (``importing.py``);
- ``load``: many connections, then the outage drills (``loadtest.py``).

``make soak`` runs ``python -m tests.bench.soak``, which sets Django up on a
database of its own.
"""

import argparse
import os


def parse(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="Measure page cost at several collection sizes and serving "
        "throughput.",
    )
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
    return parser.parse_args(argv)


def main(argv=None):
    options = parse(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from tests.bench import benchmark, importing, loadtest

    if options.mode == "load":
        loadtest.run(seconds=options.seconds)
    elif options.mode == "import":
        importing.run(options.import_rows)
    elif options.mode == "import-setup":
        importing.setup_command(options.size, options.csv)
    elif options.mode == "import-once":
        importing.once_command(options.csv, options.out)
    elif options.mode == "scale":
        benchmark.scale_command(options.size, options.out, options.repeats)
    else:
        benchmark.run(
            options.sizes, options.seconds, options.repeats, options.import_rows
        )


if __name__ == "__main__":
    main()
