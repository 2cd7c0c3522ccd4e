"""``make bench``: how public pages scale with the collection, and how fast they serve.

1. Scale: for each size, a throwaway database gets a synthetic collection; every
   public page type is requested in-process and measured (SQL queries, median and
   p95 server time, bytes).
2. Throughput: gunicorn (2 workers, production settings, DEBUG off) serves the
   smallest database; wrk (or a bounded Python client) drives each page type for a
   fixed time, and one static CSS file through the same stack, uncached and cached.
3. Import: a CSV of many rows imported, then imported again (``importing.py``).
4. At each size, the cold pages after a publish (``cold.py``) and a working day's
   serving, quiet and while a curator edits (``workday.py``).
"""

import json
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.bench import OUT_DIR, cold, importing, workday
from tests.bench.throughput import machine_info, throughput
from tests.bench.workspace import database_env, manage, step


def page_paths():
    """One URL per public page type, chosen from what the database holds."""
    from catalog.models import Artifact, Person
    from exhibition.models import Section

    section = Section.objects.published().order_by("position").first()
    artifact = Artifact.objects.published().order_by("pk")[
        Artifact.objects.count() // 2
    ]
    person = Person.objects.published().order_by("pk")[Person.objects.count() // 2]
    paths = {
        "home": "/",
        "section": section.get_absolute_url(),
        "collection": "/collection/",
        "collection, 3 filters": (
            # Any year names its period: the middle record's, so the page is not empty.
            f"/collection/?section={section.slug}&type=document"
            f"&decade={artifact.year_from or 1900}"
        ),
        "search (en)": "/search/?q=hospital",
        "search (zh)": "/search/?q=%E5%8C%BB%E9%99%A2",
        "artifact": artifact.get_absolute_url(),
        "biography": person.get_absolute_url(),
        # /timeline/ is an old address now (301 to the oldest exhibition's).
        "timeline": f"/exhibitions/{section.exhibition.slug}/timeline/",
        "sitemap": "/sitemap.xml",
    }
    try:
        from exhibition.models import Kiosk

        kiosk = Kiosk.objects.first()
        if kiosk is not None:
            paths["kiosk"] = f"/kiosk/{kiosk.slug}/"
    except ImportError:
        pass
    return paths


def measure_in_process(repeats=30):
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, path in page_paths().items():
        response = client.get(path)  # warm: renditions, compiled templates
        if name == "kiosk" and response.status_code != 200:
            continue  # the kiosk profile could not be set up in this version
        assert response.status_code == 200, (path, response.status_code)
        reset_queries()  # a request start clears the log; count from empty
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        timings = []
        for _ in range(repeats):
            reset_queries()
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        results[name] = {
            "path": path,
            "queries": len(queries),
            "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(timings[int(len(timings) * 0.95) - 1], 2),
            "bytes": len(response.content),
        }
    return results


def after_publish(repeats=5, path="/collection/"):
    """The first collection view after a publish: every stored part is stale, the
    facet counts of the previous version serve while a thread recounts."""
    from django.test import Client

    from catalog.models import Artifact

    client = Client(HTTP_HOST="127.0.0.1")
    artifact = Artifact.objects.published().order_by("pk").first()
    timings = []
    for _ in range(repeats):
        client.get(path)
        # The last round's recount finished, as between two curators' edits.
        for thread in threading.enumerate():
            if thread.name == "facet-recount":
                thread.join(timeout=60)
        artifact.save()  # a new content version (autocommit: bumped at once)
        start = time.perf_counter()
        assert client.get(path).status_code == 200
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "path": path,
        "median_ms": round(statistics.median(timings), 2),
        "max_ms": round(timings[-1], 2),
    }


def build_command(size):
    """Runs inside a process whose database is the throwaway one for ``size``."""
    from django.core.management import call_command

    from tests.bench import synthetic

    call_command("migrate", verbosity=0, interactive=False)
    synthetic.build(size)


def scale_command(size, out, repeats=30):
    """Runs inside a process whose database is the throwaway one for ``size``."""
    from django.core.management import call_command

    from tests.bench import synthetic

    call_command("migrate", verbosity=0, interactive=False)
    started = time.perf_counter()
    counts = synthetic.build(size)
    build_seconds = time.perf_counter() - started
    try:
        from exhibition.models import Kiosk, Section

        kiosk = Kiosk.objects.create(slug="bench", name_en="Bench kiosk")
        kiosk.sections.set(Section.objects.all())
    except Exception:  # the kiosk model may not exist in this version
        pass
    data = {
        "size": size,
        "counts": counts,
        "build_seconds": round(build_seconds, 1),
        "pages": measure_in_process(repeats),
        "after_publish": after_publish(),
    }
    Path(out).write_text(json.dumps(data, indent=2))


def markdown(report):
    lines = ["## Benchmark", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in report["machine"].items()]
    sizes = [str(s) for s in report["sizes"]]
    small, large = report["scale"][sizes[0]], report["scale"][sizes[-1]]
    lines += [
        "",
        f"### Scale: {sizes[0]} vs {sizes[-1]} records (in-process)",
        "",
        f"| page | queries {sizes[0]} | queries {sizes[-1]} | median ms "
        f"{sizes[0]} | median ms {sizes[-1]} | p95 ms {sizes[-1]} | ratio | "
        f"KB {sizes[-1]} |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, a in small["pages"].items():
        b = large["pages"][name]
        ratio = b["median_ms"] / a["median_ms"] if a["median_ms"] else 0
        lines.append(
            f"| {name} | {a['queries']} | {b['queries']} | {a['median_ms']} | "
            f"{b['median_ms']} | {b['p95_ms']} | {ratio:.2f}× | "
            f"{b['bytes'] / 1024:.1f} |"
        )
    lines += ["", "| first collection view after a publish | median ms | max ms |"]
    lines += ["|---|---|---|"]
    for size in sizes:
        row = report["scale"][size].get("after_publish")
        if row:
            lines.append(f"| {size} records | {row['median_ms']} | {row['max_ms']} |")
    if report.get("throughput"):
        lines += [
            "",
            f"### Throughput: gunicorn, 2 workers, {sizes[0]} records, "
            f"{report['seconds']} s per page",
            "",
        ]
        for mode, pages in report["throughput"].items():
            static = pages["static CSS file"]["rps"]
            lines += [
                f"**{mode}**",
                "",
                "| page | req/s | p50 ms | p99 ms | errors | % of static |",
                "|---|---|---|---|---|---|",
            ]
            for name, row in pages.items():
                share = 100 * row["rps"] / static if static else 0
                lines.append(
                    f"| {name} | {row['rps']} | {row.get('p50_ms')} | "
                    f"{row.get('p99_ms')} | {row['errors']} | {share:.1f}% |"
                )
            lines.append("")
    days = {s: r["day"] for s, r in report.get("workday", {}).items() if r.get("day")}
    if days:
        lines += ["", "### Working day", ""] + workday.markdown(days)
    colds = {
        s: r["cold"] for s, r in report.get("workday", {}).items() if r.get("cold")
    }
    if colds:
        lines += ["", "### Cold pages: CPU of the first request after a publish", ""]
        lines += cold.markdown(colds)
    if report.get("import"):
        lines += importing.markdown(report["import"])
    lines += ["", "Commands: " + report["command"]]
    return "\n".join(lines)


def run(sizes, seconds, repeats=30, import_rows=0, workday_seconds=0, cold_rounds=0):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": machine_info(),
        "sizes": sizes,
        "seconds": seconds,
        "scale": {},
        "command": " ".join(["python -m tests.bench", *sys.argv[1:]]),
    }
    workdir = Path(tempfile.mkdtemp(prefix="exhibition-bench-"))
    try:
        envs = {}
        for size in sizes:
            env = database_env(size, workdir)
            envs[size] = env
            out = workdir / f"scale-{size}.json"
            print(f"building and measuring {size} records…", flush=True)
            step(
                env,
                "scale",
                "--size",
                str(size),
                "--out",
                str(out),
                "--repeats",
                str(repeats),
            )
            report["scale"][str(size)] = json.loads(out.read_text())
        if seconds:
            env = envs[sizes[0]]
            manage(env, "collectstatic", "--noinput", "-v0")
            paths = report["scale"][str(sizes[0])]["pages"]
            report["throughput"] = throughput(
                env, seconds, {name: row["path"] for name, row in paths.items()}
            )
        if workday_seconds or cold_rounds:
            report["workday"] = {
                str(size): workday.measure(
                    env, size, workday_seconds, cold_rounds, workdir
                )
                for size, env in envs.items()
            }
        if import_rows:
            report["import"] = importing.measure_alone(import_rows, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    (OUT_DIR / "results.json").write_text(json.dumps(report, indent=2))
    text = markdown(report)
    (OUT_DIR / "BENCHMARKS.md").write_text(text + "\n")
    print(text)
    return report
