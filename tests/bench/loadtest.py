"""``make loadtest``: a bounded load test and two fault drills against gunicorn.

- Load: 200 concurrent connections for 60 s over a mix of public pages; reports
  requests, status codes and socket errors (lost requests).
- Database outage: mid-load the connection to PostgreSQL is cut (through a local
  proxy) and restored; answers in the outage must be the 503 page, and the site
  must recover by itself.
- Cache outage: Redis pointed at a dead port; pages must still be served.
All traffic stays on 127.0.0.1, every loop is bounded in time.
"""

import collections
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from tests.bench import OUT_DIR, PROJECT
from tests.bench.proxy import CuttableProxy
from tests.bench.throughput import machine_info
from tests.bench.workspace import Gunicorn, production_env

# Page types, not one exhibition's pages: addresses of the loaded demo are found by
# ``demo_paths`` at run time, so the list names no exhibition or section.
BASE_PATHS = [
    "/",
    "/exhibitions/",
    "/collection/",
    "/people/",
    "/zh-hans/",
    "/zh-hans/search/?q=%E5%B1%95",
    "/search/?q=hospital",
]
PATHS = list(BASE_PATHS)


def demo_paths(base):
    """An exhibition, its timeline and a section, a filtered collection and a
    person, as the loaded site's own sitemaps list them."""
    found = []
    for name, take in (("exhibitions", 3), ("people", 1)):
        xml = urllib.request.urlopen(f"{base}/sitemap-{name}.xml", timeout=60).read()
        locations = re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", xml.decode())
        found += [path for path in locations if not path.startswith("/zh-hans/")][:take]
    exhibition = next((p for p in found if p.startswith("/exhibitions/")), None)
    if exhibition:
        found.append("/collection/?exhibition=" + exhibition.strip("/").split("/")[1])
    return found


def prepare(workdir):
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        SQLITE_PATH=str(workdir / "site.sqlite3"),
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
    )
    for args in (
        ["migrate", "-v0"],
        ["load_exhibition"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
        )
    return env


def serve(env, **extra):
    server_env = production_env(env, "load", LOG_LEVEL="CRITICAL", **extra)
    server = Gunicorn(server_env, None, 2, 4, "--backlog", "2048")
    base, port = server.base, server.port
    PATHS[:] = BASE_PATHS + demo_paths(base)
    for path in PATHS:  # warm renditions and caches before measuring
        urllib.request.urlopen(base + path, timeout=60).read()
    return server.process, port


def drive(port, seconds, connections, on_tick=None):
    """Keep ``connections`` clients busy for ``seconds``; count every outcome."""
    stop = time.monotonic() + seconds
    statuses, errors, latencies = collections.Counter(), [0], []
    timeline = collections.defaultdict(collections.Counter)
    lock = threading.Lock()
    started = time.monotonic()

    def client(n):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, mine_status, mine_timeline = [], collections.Counter(), []
        i = n
        while time.monotonic() < stop:
            path = PATHS[i % len(PATHS)]
            i += 1
            begin = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                mine_status[response.status] += 1
                mine_timeline.append((int(time.monotonic() - started), response.status))
            except (OSError, http.client.HTTPException):
                with lock:
                    errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            mine.append((time.perf_counter() - begin) * 1000)
        with lock:
            latencies.extend(mine)
            statuses.update(mine_status)
            for second, status in mine_timeline:
                timeline[second][status] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    if on_tick:
        on_tick()
    for thread in threads:
        thread.join()
    latencies.sort()
    total = sum(statuses.values())
    return {
        "seconds": seconds,
        "connections": connections,
        "requests": total,
        "rps": round(total / seconds, 1),
        "statuses": dict(sorted(statuses.items())),
        "socket_errors": errors[0],
        "p50_ms": round(latencies[len(latencies) // 2], 1) if latencies else None,
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1)
        if latencies
        else None,
        "timeline": {s: dict(c) for s, c in sorted(timeline.items())},
    }


def prepare_postgres(env, name="exhibition_loadtest"):
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    pg_env = dict(env, DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{name}")
    pg_env.pop("SQLITE_PATH", None)
    for args in (["migrate", "-v0"], ["load_exhibition"]):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=pg_env,
            check=True,
            capture_output=True,
        )
    return name


def run(seconds=60, connections=200, drill_seconds=30):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="exhibition-load-"))
    report = {"machine": machine_info()}
    try:
        env = prepare(workdir)
        for mode, cache_seconds in (("uncached", "0"), ("cached", "600")):
            process, port = serve(env, PAGE_CACHE_SECONDS=cache_seconds)
            try:
                print(
                    f"load ({mode}): {connections} connections for {seconds} s…",
                    flush=True,
                )
                report[f"load_{mode}"] = drive(port, seconds, connections)
            finally:
                process.terminate()
                process.wait(timeout=30)

        # Database outage: PostgreSQL behind a proxy that is cut for a third of the
        # drill (connections dropped, new ones refused), then restored.
        name = prepare_postgres(env)
        proxy = CuttableProxy()
        process, port = serve(
            env,
            PAGE_CACHE_SECONDS="0",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{proxy.port}/{name}",
        )

        def outage():
            time.sleep(drill_seconds / 3)
            proxy.cut()
            time.sleep(drill_seconds / 3)
            proxy.restore()

        try:
            print("database outage drill (PostgreSQL cut mid-load)…", flush=True)
            report["database_outage"] = drive(port, drill_seconds, 50, on_tick=outage)
        finally:
            process.terminate()
            process.wait(timeout=30)
            proxy.close()

        # Cache outage: Redis at a port where nothing listens.
        process, port = serve(
            env, PAGE_CACHE_SECONDS="600", REDIS_URL="redis://127.0.0.1:1/0"
        )
        try:
            print("cache outage drill…", flush=True)
            report["cache_outage"] = drive(port, drill_seconds // 2, 50)
        finally:
            process.terminate()
            process.wait(timeout=30)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    (OUT_DIR / "loadtest.json").write_text(json.dumps(report, indent=2))
    summary = {
        k: {kk: vv for kk, vv in v.items() if kk != "timeline"}
        for k, v in report.items()
        if k != "machine"
    }
    print(json.dumps({"machine": report["machine"], **summary}, indent=2))
    return report
