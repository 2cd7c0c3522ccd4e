"""Cold pages: the CPU the first request for each public page type costs after a
publish, when neither the page cache nor the computed parts hold anything for the
new content version; and a profile of the cold section page, to find out why
before adding any cache.

Runs inside a process whose database is the throwaway one (``workspace.step``),
in the production settings the working day serves with. The CPU is this process's
own: on SQLite it includes the database's work, on PostgreSQL the server's is not
counted.
"""

import cProfile
import io
import json
import pstats
import statistics
import threading
import time
from pathlib import Path

from tests.bench import OUT_DIR

# Gives the draft the working day's curator edits (``workday.curate``).
DRAFT_SLUG_SUFFIX = "-bench-draft"


def visitor_paths():
    """One address per page type a visitor reads on a working day, chosen from
    what the database holds (as ``benchmark.page_paths`` chooses its own)."""
    from catalog.models import Artifact, Person
    from exhibition.models import Section

    section = Section.objects.published().order_by("position").first()
    exhibition = section.exhibition
    artifacts = Artifact.objects.published().order_by("pk")
    artifact = artifacts[artifacts.count() // 2]
    people = Person.objects.published().order_by("pk")
    return {
        "home": "/",
        "exhibitions": "/exhibitions/",
        "exhibition": exhibition.get_absolute_url(),
        "section": section.get_absolute_url(),
        "collection": "/collection/",
        "collection, 3 filters": (
            f"/collection/?section={section.slug}&type=document"
            f"&decade={artifact.year_from or 1900}"
        ),
        "artifact": artifact.get_absolute_url(),
        "person": people[people.count() // 2].get_absolute_url(),
        "search": "/search/?q=hospital",
        "timeline": f"/exhibitions/{exhibition.slug}/timeline/",
    }


def prepare_working_day():
    """A draft for the curator to edit and a published record to change, neither
    of them one of the visitors' pages. Set up with ``update()``: no signal, no new
    content version."""
    from catalog.models import Artifact, Status

    published = Artifact.objects.published().order_by("pk")
    public = published.first()
    draft = published.last()
    Artifact.objects.filter(pk=draft.pk).update(
        status=Status.DRAFT, slug=draft.slug + DRAFT_SLUG_SUFFIX
    )
    return {"draft": draft.pk, "published": public.pk}


def publish(record_pk, n):
    """A curator's edit of a published record's title: a public change."""
    from catalog.models import Artifact

    record = Artifact.objects.get(pk=record_pk)
    record.title_en = f"{record.title_en.split(' · ')[0]} · edit {n}"
    record.save()


def join_background():
    """Wait for work a request left running (the old design recounted facets in a
    thread started at the request's end)."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.name != "MainThread":
            thread.join(timeout=60)


def measure(paths, record_pk, rounds):
    """Per page type: CPU ms of the first request after a publish, ``rounds``
    times (one publish before each request)."""
    from django.test import Client

    from exhibition.page_cache import database_version

    client = Client(HTTP_HOST="127.0.0.1")
    for path in paths.values():  # imports, compiled templates, database pages
        assert client.get(path).status_code == 200, path
    join_background()
    results, n = {}, 0
    for name, path in paths.items():
        thread_ms, process_ms, wall_ms, headers = [], [], [], set()
        for _ in range(rounds):
            n += 1
            before = database_version()
            publish(record_pk, n)
            assert database_version() != before, "a publish must move the version"
            join_background()
            thread0, process0 = time.thread_time(), time.process_time()
            wall0 = time.perf_counter()
            response = client.get(path)
            thread_ms.append((time.thread_time() - thread0) * 1000)
            wall_ms.append((time.perf_counter() - wall0) * 1000)
            join_background()
            process_ms.append((time.process_time() - process0) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            headers.add(response.get("X-Page-Cache", "none"))
        results[name] = {
            "path": path,
            "cpu_ms": round(statistics.median(thread_ms), 1),
            "cpu_max_ms": round(max(thread_ms), 1),
            # With what the request left running: the old facet recount.
            "cpu_with_background_ms": round(statistics.median(process_ms), 1),
            "wall_ms": round(statistics.median(wall_ms), 1),
            "page_cache": "/".join(sorted(headers)),
        }
    return results


def profile_section(path, record_pk, rounds, out):
    """cProfile (CPU time) over ``rounds`` cold section pages, and the SQL of one:
    the top 15 functions by cumulative time, overall and in the project's own
    code, the top 15 by own time, and each query's time, written to ``out``."""
    import re

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.bench import PROJECT

    client = Client(HTTP_HOST="127.0.0.1")
    profiler = cProfile.Profile(time.thread_time)
    for n in range(rounds):
        publish(record_pk, 1000 + n)
        join_background()
        profiler.enable()
        client.get(path)
        profiler.disable()
    publish(record_pk, 1000 + rounds)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    text.write(f"{rounds} cold requests of {path}, CPU time\n\n")
    stats.sort_stats("cumulative").print_stats(15)
    own_code = f"^{re.escape(str(PROJECT))}/(?!\\.venv)"
    stats.sort_stats("cumulative").print_stats(own_code, 15)
    stats.sort_stats("tottime").print_stats(15)
    text.write("SQL of one cold request, slowest first (wall ms):\n\n")
    for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"])):
        text.write(f"{float(query['time']) * 1000:8.1f}  {query['sql'][:300]}\n")
    Path(out).write_text(text.getvalue())
    return out


def command(out, rounds=5, profile_rounds=5):
    """The ``cold`` step: paths, the working day's draft, the cold figures."""
    from django.conf import settings

    paths = visitor_paths()
    data = {"paths": paths, "records": prepare_working_day()}
    if rounds:
        record = data["records"]["published"]
        data["settings"] = {
            "DEBUG": settings.DEBUG,
            "cache": settings.CACHES["default"]["BACKEND"],
            "PAGE_CACHE_SECONDS": settings.PAGE_CACHE_SECONDS,
        }
        data["cold"] = measure(paths, record, rounds)
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        size = Path(out).stem.rsplit("-", 1)[-1]
        data["profile"] = str(
            profile_section(
                paths["section"],
                record,
                profile_rounds,
                OUT_DIR / f"cold-section-profile-{size}.txt",
            )
        )
    Path(out).write_text(json.dumps(data, indent=2))


def markdown(cold_by_size):
    """The cold figures of each size side by side."""
    sizes = list(cold_by_size)
    lines = [
        "| page | " + " | ".join(f"CPU ms, {s} records" for s in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    first = cold_by_size[sizes[0]]
    for name in first:
        cells = []
        for size in sizes:
            row = cold_by_size[size][name]
            extra = row["cpu_with_background_ms"]
            cell = f"{row['cpu_ms']}"
            if extra - row["cpu_ms"] > 1:
                cell += f" (+{extra - row['cpu_ms']:.1f} in the background)"
            cells.append(cell)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines
