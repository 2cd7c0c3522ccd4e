"""``make soak``: a long mixed load on gunicorn with PostgreSQL and Redis, bounded and
self-stopping (``SOAK_SECONDS``, 30 minutes by default), on loopback only.

Its own PostgreSQL database (``exhibition_soak_<pid>``, dropped after) and its own
Redis key prefix; gunicorn in production settings. Visitors on every page type,
curators saving and publishing every few seconds, an import running. Fails (exit
status 1) on any 5xx answer, any draft in an anonymous answer, any change seen
later than a second after it was saved, any worker restart, or a worker's memory
growing 10 % or more from a sixth of the run (minute 5 of 30) to the end.

    python -m tests.bench.soak [--seconds N] [--visitors N]
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import OUT_DIR
from tests.bench.throughput import machine_info
from tests.bench.workspace import Gunicorn, production_env

MEMORY_GROWTH_LIMIT = 10.0  # percent


def prepare(workdir):
    """Its own database and key prefix, then Django set up on them in this process
    (the curators and the import use the ORM)."""
    import psycopg

    server = os.environ.get("SOAK_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    name = f"exhibition_soak_{os.getpid()}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {k: v for k, v in os.environ.items() if k != "SQLITE_PATH"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_DEBUG="false",
        DATABASE_URL=f"{server}/{name}",
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"),
        CACHE_KEY_PREFIX=f"soak-{os.getpid()}",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        PAGE_CACHE_SECONDS="600",
    )
    os.environ.update(env)
    import django
    from django.core.management import call_command

    django.setup()
    for args in (["migrate"], ["load_exhibition"], ["collectstatic", "--noinput"]):
        call_command(*args, verbosity=0, stdout=open(os.devnull, "w"))
    return env, (server, name)


def serve(env, workdir, workers):
    server_env = production_env(env, "soak", LOG_LEVEL="ERROR")
    server = Gunicorn(server_env, workdir, workers, 4)
    return server.process, server.port


def warm(port, paths):
    """Every page once before the clock starts: renditions, templates, caches."""
    import urllib.error
    import urllib.request

    for path in paths:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=300).read()
        except urllib.error.HTTPError as error:
            if error.code >= 500:
                raise RuntimeError(f"{path}: {error.code} before the soak") from error


def clean_up(database, env):
    import psycopg
    import redis
    from django.db import connections

    connections.close_all()
    server, name = database
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    client = redis.Redis.from_url(env["REDIS_URL"])
    keys = list(client.scan_iter(f"{env['CACHE_KEY_PREFIX']}:*", count=1000))
    for start in range(0, len(keys), 500):
        client.delete(*keys[start : start + 500])


def checks(seconds, visitors, curators, importer, memory):
    """(check, measured, limit, passed) rows for the report."""
    window = seconds / 6
    growth = memory.growth(window)
    lags = [lag for _what, _path, lag in curators.lags if lag is not None]
    late, restarted = curators.late(), memory.restarted()
    errors, leaks, lost = visitors.server_errors, visitors.leaks, visitors.socket_errors
    imports = f"{len(importer.seconds)} / {len(importer.errors)}"
    rows = [
        ("requests answered", visitors.requests, "> 0", visitors.requests > 0),
        ("responses with 5xx", len(errors), "0", not errors),
        ("lost requests (socket errors)", lost, "0", not lost),
        ("drafts served to anonymous visitors", len(leaks), "0", not leaks),
        (
            "curator saves / publications",
            f"{curators.saves} / {curators.publications}",
            "> 0",
            curators.publications > 0,
        ),
        ("curator errors", len(curators.errors), "0", not curators.errors),
        (
            "changes checked; max lag to a fresh answer (requested / received, s)",
            f"{len(lags)}; {max(lags, default=0):.3f} / "
            f"{max(curators.seen, default=0):.3f}",
            "<= 1.0",
            bool(lags) and not late,
        ),
        (
            "imports run / failed",
            imports,
            "> 0 / 0",
            bool(importer.seconds) and not importer.errors,
        ),
        ("worker restarts", len(restarted), "0", not restarted),
    ]
    for pid, (start, end, percent) in growth.items():
        measured = f"{start} → {end} kB ({percent:+.1f} %)" if start else "no sample"
        rows.append(
            (
                f"worker {pid} RSS from {window:.0f} s to end",
                measured,
                f"< {MEMORY_GROWTH_LIMIT:.0f} %",
                percent is not None and percent < MEMORY_GROWTH_LIMIT,
            )
        )
    return rows


def print_report(rows, visitors, curators, seconds):
    print(f"\nSoak: {seconds} s, statuses {dict(sorted(visitors.statuses.items()))}")
    print("| check | measured | limit | |\n|---|---|---|---|")
    for name, measured, limit, passed in rows:
        print(f"| {name} | {measured} | {limit} | {'ok' if passed else 'FAIL'} |")
    for path, status, body in visitors.server_errors[:5]:
        print(f"5xx: {status} {path} {body[:200]!r}")
    for kind, count in visitors.error_kinds.most_common(5):
        print(f"lost request: {kind} ×{count}")
    print(
        f"keep-alive connections closed by the server, resent: {visitors.stale_retries}"
    )
    for path, words in visitors.leaks[:5]:
        print(f"draft served: {path} {words}")
    for what, path, lag in curators.late()[:5]:
        print(f"late {what}: {path} {lag}")
    for error in curators.errors[:5]:
        print(f"curator error: {error}")


def run(seconds, visitor_count=6, workers=2):
    from tests.bench.soak_curators import Curators, Importer, start
    from tests.bench.soak_traffic import Markers, MemoryWatch, Visitors

    workdir = Path(tempfile.mkdtemp(prefix="exhibition-soak-"))
    database = process = None
    try:
        print(f"soak: preparing database, cache prefix, gunicorn ({seconds} s)…")
        env, database = prepare(workdir)
        from tests.bench.soak_traffic import page_paths

        paths = page_paths()
        process, port = serve(env, workdir, workers)
        warm(port, paths)
        markers, drafts = Markers(), []
        visitors = Visitors(port, paths, markers, drafts, count=visitor_count)
        curators = Curators(port, markers, drafts)
        curators.setup()
        importer = Importer(workdir, markers)
        memory = MemoryWatch(process.pid)
        stop_at = time.monotonic() + seconds
        visitors.start(seconds)
        threads = [start(job.run, stop_at) for job in (curators, importer, memory)]
        visitors.join()
        for thread in threads:
            thread.join(timeout=120)
        rows = checks(seconds, visitors, curators, importer, memory)
        print_report(rows, visitors, curators, seconds)
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        report = {"machine": machine_info(), "seconds": seconds, "paths": len(paths)}
        report["checks"] = [list(map(str, row)) for row in rows]
        report["memory"] = memory.samples
        (OUT_DIR / "soak.json").write_text(json.dumps(report, indent=2))
        return all(row[3] for row in rows)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=60)
        if database is not None:
            clean_up(database, env)
        # The server's log (its tracebacks) outlives the run: a 500 can be explained.
        if (workdir / "gunicorn.log").exists():
            OUT_DIR.mkdir(parents=True, exist_ok=True)
            shutil.copy(workdir / "gunicorn.log", OUT_DIR / "soak-gunicorn.log")
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv=None):
    import signal

    # A stopped run (Ctrl-C, SIGTERM) still drops its database and keys.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", "1800"))
    )
    parser.add_argument("--visitors", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    passed = run(args.seconds, args.visitors, args.workers)
    print("soak: passed" if passed else "soak: FAILED")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
