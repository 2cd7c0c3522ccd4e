"""``make bench``'s import measurement: a synthetic CSV of many artifact rows (no
images) imported with ``import_collection`` into a throwaway database, then the
same file again; each run in its own process, timed, with its peak memory, in the
default (development, DEBUG on) settings."""

import csv
import io
import json
import os
import random
import resource
import time
from pathlib import Path

from tests.bench.words import text
from tests.bench.workspace import database_env, drop_database, step

COLUMNS = [
    "kind",
    "accession_number",
    "object_type",
    "title_en",
    "title_zh_hans",
    "description_en",
    "description_zh_hans",
    "date_display_en",
    "date_display_zh_hans",
    "year_from",
    "year_to",
    "place_en",
    "place_zh_hans",
    "materials_en",
    "credit_line_en",
    "status",
    "people",
    "sections",
    "citations",
]


def write_csv(path, rows, seed=2):
    """``rows`` artifact rows naming the people, sections, source and object types
    that ``synthetic.build`` makes."""
    from catalog.models import ObjectType, Person
    from exhibition.models import Section

    rng = random.Random(seed)
    people = list(Person.objects.order_by("pk").values_list("slug", flat=True))
    sections = list(Section.objects.order_by("pk").values_list("slug", flat=True))
    types = list(ObjectType.objects.order_by("code").values_list("code", flat=True))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for n in range(rows):
            year = rng.randint(1800, 1899)
            subject, subject_zh, place, place_zh, body, body_zh = text(rng, year)
            writer.writerow(
                [
                    "artifact",
                    f"IMP-{n:06d}",
                    rng.choice(types),
                    f"{subject.capitalize()} {n}",
                    f"{subject_zh}{n}",
                    body,
                    body_zh,
                    str(year),
                    f"{year}年",
                    year,
                    year + rng.randint(0, 3),
                    place,
                    place_zh,
                    "Paper and ink",
                    "Synthetic",
                    "draft",
                    "|".join(rng.sample(people, 2)),
                    rng.choice(sections),
                    f"synthetic: p. {rng.randint(1, 400)}",
                ]
            )
    return Path(path).stat().st_size


def setup_command(rows, csv_path):
    """Runs inside a process whose database is the throwaway one: the catalogue the
    rows refer to, and the CSV."""
    from django.core.management import call_command

    from tests.bench import synthetic

    call_command("migrate", verbosity=0, interactive=False)
    synthetic.build(1000)
    write_csv(csv_path, rows)


def database_cpu():
    """CPU seconds this connection's PostgreSQL backend has used, when the server
    runs on this machine (its process is readable); None otherwise. Beside the
    import's own CPU time it tells the work from the waiting on a busy machine."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # from the third field, state
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def once_command(csv_path, out):
    """Runs in a process of its own: one ``import_collection``, its time, queries
    and peak memory (the process's maximum resident set)."""
    from django.core.management import call_command
    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    stdout = io.StringIO()
    started = time.perf_counter()
    cpu_started = time.process_time()
    server_started = database_cpu()
    with connection.execute_wrapper(count):
        call_command("import_collection", csv_path, stdout=stdout, stderr=io.StringIO())
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started  # less swayed by a busy machine
    server = database_cpu()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    data = {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "database_cpu_seconds": (
            round(server - server_started, 1) if server is not None else None
        ),
        "peak_mb": round(peak / 1024),
        "queries": queries,
        "outcome": stdout.getvalue().strip().splitlines(),
    }
    Path(out).write_text(json.dumps(data, indent=2))


def measure(rows, env, workdir):
    """First import and re-import of a ``rows``-row CSV in the database of ``env``."""
    csv_path = workdir / f"import-{rows}.csv"
    print(f"importing {rows} rows…", flush=True)
    step(env, "import-setup", "--size", rows, "--csv", csv_path)
    result = {"rows": rows, "csv_mb": round(csv_path.stat().st_size / 2**20, 1)}
    for run in ("first import", "re-import"):
        out = workdir / "import-run.json"
        step(env, "import-once", "--csv", csv_path, "--out", out)
        result[run] = json.loads(out.read_text())
    return result


def measure_alone(rows, workdir):
    """``measure`` in a database of its own (named after this process, so that
    runs side by side on one server never share one), dropped afterwards."""
    env = database_env(f"import_{os.getpid()}", workdir)
    try:
        return measure(rows, env, workdir)
    finally:
        drop_database(env)


def run(rows):
    """``python -m tests.bench import``: only the import measurement, and its table."""
    import shutil
    import tempfile

    workdir = Path(tempfile.mkdtemp(prefix="exhibition-bench-import-"))
    try:
        result = measure_alone(rows, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print("\n".join(markdown(result)))
    return result


def markdown(result):
    rows = result["rows"]
    lines = [
        "",
        f"### Import: {rows} artifact rows without images ({result['csv_mb']} MB "
        "CSV), development settings (DEBUG on)",
        "",
        "| run | seconds | rows/s | CPU s (import / database server) | peak memory MB "
        "| queries | outcome |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in ("first import", "re-import"):
        data = result[run]
        rate = rows / data["seconds"] if data["seconds"] else 0
        lines.append(
            f"| {run} | {data['seconds']} | {rate:,.0f} | {data.get('cpu_seconds')} / "
            f"{data.get('database_cpu_seconds') or '—'} | {data['peak_mb']} | "
            f"{data['queries']} | {'; '.join(data['outcome'])} |"
        )
    return lines
