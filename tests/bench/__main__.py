"""The bench's command line, run from the project's folder (``make bench``, ``make
loadtest``): ``python -m tests.bench <mode>``.

- ``run``: scale at each ``--sizes``, throughput, the import (``benchmark.py``);
- ``scale``, ``import-setup``, ``import-once``: one step inside a process whose
  database is a throwaway one (``run`` starts them, see ``workspace.step``);
- ``import``: only the import measurement (``importing.py``);
- ``workday``: at each ``--sizes``, the cold pages after a publish (``cold.py``)
  and a working day's serving, quiet and while a curator edits (``workday.py``);
- ``build``, ``cold``, ``curate``: steps of ``workday`` in a process of their own;
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
        choices=[
            "run",
            "scale",
            "load",
            "import",
            "import-setup",
            "import-once",
            "workday",
            "build",
            "cold",
            "curate",
        ],
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
    parser.add_argument(
        "--workday-seconds",
        type=int,
        default=60,
        help="length of the working day's quiet and busy runs (0 skips them)",
    )
    parser.add_argument(
        "--cold-rounds",
        type=int,
        default=5,
        help="first requests after a publish per page type (0 skips them)",
    )
    parser.add_argument(
        "--databases",
        help="workday mode, SQLite: a folder keeping each size's built database, "
        "reused by later runs (of this or another version of the code)",
    )
    parser.add_argument("--draft", type=int, help="curate mode: the draft's pk")
    parser.add_argument("--published", type=int, help="curate mode: a public pk")
    return parser.parse_args(argv)


def main(argv=None):
    options = parse(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from tests.bench import benchmark, cold, importing, loadtest, workday

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
    elif options.mode == "workday":
        workday.run(
            options.sizes,
            options.workday_seconds,
            options.cold_rounds,
            options.databases,
        )
    elif options.mode == "build":
        benchmark.build_command(options.size)
    elif options.mode == "cold":
        cold.command(options.out, options.cold_rounds)
    elif options.mode == "curate":
        workday.curate(options.seconds, options.out, options.draft, options.published)
    else:
        benchmark.run(
            options.sizes,
            options.seconds,
            options.repeats,
            options.import_rows,
            options.workday_seconds,
            options.cold_rounds,
        )


if __name__ == "__main__":
    main()
