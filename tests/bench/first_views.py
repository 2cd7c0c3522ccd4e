"""The first request of each public page with nothing cached, on a collection in a
real catalogue's shape (``synthetic.build``): the cost a visitor pays right after a
publish. Run against the database the environment names (SQLITE_PATH or
DATABASE_URL), built once with ``--build``:

    SQLITE_PATH=/tmp/shape.sqlite3 python -m tests.bench.first_views --build 75000
    SQLITE_PATH=/tmp/shape.sqlite3 python -m tests.bench.first_views

Each page is requested after the cache is cleared, ``--rounds`` times, and the
fastest round is kept (on a shared machine the others measure the neighbours);
``--slowest`` prints each page's slowest SQL statements, for a profile.
"""

import argparse
import json
import os
import time


def huge_person():
    """The published person on most records (the real catalogue's 39,391 works)."""
    from django.db.models import Count

    from catalog.models import Artifact, Photograph

    counts = {}
    for through in (Artifact.people.through, Photograph.people.through):
        for row in through.objects.values("person__slug").annotate(n=Count("pk")):
            slug = row["person__slug"]
            counts[slug] = counts.get(slug, 0) + row["n"]
    return max(counts, key=counts.get)


def page_paths():
    from catalog.models import Artifact, Nationality, Role
    from exhibition.models import Section

    person = huge_person()
    dated = Artifact.objects.published().exclude(year_from=None).order_by("year_from")
    year = dated[dated.count() // 2].year_from
    decade = year - year % 10
    section = Section.objects.published().order_by("position").first()
    role = Role.objects.order_by("slug").first()
    nationality = Nationality.objects.filter(people__isnull=False).first()
    return {
        "collection": "/collection/",
        "collection, a decade": f"/collection/?decade={decade}",
        "collection, the huge person": f"/collection/?person={person}",
        "collection, photographs": "/collection/?kind=photographs",
        "collection, photographs of a decade": (
            f"/collection/?kind=photographs&decade={decade}"
        ),
        "collection, a role": f"/collection/?role={role.slug}",
        "collection, a nationality": f"/collection/?nationality={nationality.code}",
        "collection, 3 filters": (
            f"/collection/?section={section.slug}&person={person}&decade={decade}"
        ),
        "collection, page 100 by title": "/collection/?sort=title&page=100",
        "people": "/people/",
        "people, a role": f"/people/?role={role.slug}",
        "the huge person": f"/people/{person}/",
        "search": "/search/?q=hospital",
        "search, a decade": f"/search/?q=hospital&decade={decade}",
    }


def first_view(client, path):
    """One request with nothing cached: wall, CPU and SQL time, and the queries."""
    from django.core.cache import cache
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu
    assert response.status_code == 200, (path, response.status_code)
    # Wall time counts the other processes of a shared machine too; this
    # process's CPU time (SQLite's work included) and the SQL time do less.
    return {
        "path": path,
        "ms": round(elapsed * 1000),
        "cpu_ms": round(cpu * 1000),
        "sql_ms": round(sum(float(query["time"]) for query in queries) * 1000),
        "queries": len(queries),
    }, queries.captured_queries


def first_views(slowest=0, rounds=1):
    from django.conf import settings
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = 0
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/")  # the templates compiled, the middleware loaded
    results = {}
    for name, path in page_paths().items():
        runs = [first_view(client, path) for _ in range(rounds)]
        row, queries = min(runs, key=lambda run: run[0]["ms"])
        results[name] = row
        print(
            f"{name:36} {row['ms']:7} ms  cpu {row['cpu_ms']:7} ms  "
            f"sql {row['sql_ms']:7} ms  {row['queries']:3} queries  {path}",
            flush=True,
        )
        for query in sorted(queries, key=lambda q: -float(q["time"]))[:slowest]:
            print(f"    {float(query['time']) * 1000:8.0f} ms  {query['sql'][:600]}")
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.bench.first_views")
    parser.add_argument("--build", type=int, help="migrate, then build this many")
    parser.add_argument("--slowest", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--json", help="also write the figures here")
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    if options.build:
        from django.core.management import call_command

        from tests.bench import synthetic

        call_command("migrate", verbosity=0, interactive=False)
        started = time.perf_counter()
        counts = synthetic.build(options.build)
        print(f"built {counts} in {time.perf_counter() - started:.0f} s")
    results = first_views(options.slowest, options.rounds)
    if options.json:
        with open(options.json, "w") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
