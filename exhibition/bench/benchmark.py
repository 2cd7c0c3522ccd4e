"""``make bench``: how public pages scale with the collection, and how fast they serve.

1. Scale: for each size, a throwaway database gets a synthetic collection; every
   public page type is requested in-process and measured (SQL queries, median and
   p95 server time, bytes).
2. Throughput: gunicorn (2 workers, production settings, DEBUG off) serves the
   smallest database; wrk (or a bounded Python client) drives each page type for a
   fixed time, and one static CSS file through the same stack, uncached and cached.
"""

import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
OUT_DIR = PROJECT / "var" / "bench"


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
            f"/collection/?section={section.slug}&type=document&decade=1930"
        ),
        "search (en)": "/search/?q=hospital",
        "search (zh)": "/search/?q=%E5%8C%BB%E9%99%A2",
        "artifact": artifact.get_absolute_url(),
        "biography": person.get_absolute_url(),
        "timeline": "/timeline/",
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


def scale_command(size, out, repeats=30):
    """Runs inside a process whose database is the throwaway one for ``size``."""
    from django.core.management import call_command

    from exhibition.bench import synthetic

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
    }
    Path(out).write_text(json.dumps(data, indent=2))


def database_env(size, workdir):
    env = dict(os.environ)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base = url.rpartition("/")[0]
        name = f"exhibition_bench_{size}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = f"{base}/{name}"
    else:
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = str(workdir / f"bench-{size}.sqlite3")
    env["MEDIA_ROOT"] = str(workdir / "media")
    env["STATIC_ROOT"] = str(workdir / "static")
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True, **kwargs
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def python_load(url, seconds, connections=16):
    """A bounded keep-alive client, used when wrk is not installed."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    latencies, errors, stop = [], [0], time.monotonic() + seconds
    lock = threading.Lock()

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        mine = []
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if response.status >= 500:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
                conn = http.client.HTTPConnection(
                    parts.hostname, parts.port, timeout=10
                )
                continue
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(latencies[len(latencies) // 2], 2) if latencies else None,
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 2)
        if latencies
        else None,
        "errors": errors[0],
        "tool": "python",
    }


def wrk_load(url, seconds, connections=16):
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    result = {"tool": "wrk", "errors": 0}
    for line in output.splitlines():
        parts = line.split()
        if line.startswith("Requests/sec:"):
            result["rps"] = float(parts[1])
        elif parts[:1] in (["50%"], ["99%"]):
            value = parts[1]
            factor = 1000 if value.endswith("s") and not value.endswith("ms") else 1
            if value.endswith("us"):
                number = float(value[:-2]) / 1000
            elif value.endswith("ms"):
                number = float(value[:-2])
            else:
                number = float(value[:-1]) * factor
            result["p50_ms" if parts[0] == "50%" else "p99_ms"] = round(number, 2)
        elif "Non-2xx or 3xx responses" in line:
            result["errors"] = int(parts[-1])
    return result


def throughput(env, seconds, paths):
    load = wrk_load if shutil.which("wrk") else python_load
    results = {}
    for mode, cache_seconds in (("uncached", "0"), ("cached", "600")):
        port = free_port()
        server_env = dict(
            env,
            DJANGO_ENV="production",
            SECRET_KEY="bench-" + "x" * 50,
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            PAGE_CACHE_SECONDS=cache_seconds,
            LOG_LEVEL="WARNING",
        )
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=PROJECT,
            env=server_env,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/robots.txt", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            css = _static_css_url(base)
            targets = {
                "static CSS file": css,
                **{n: base + p for n, p in paths.items()},
            }
            for name, url in targets.items():
                for _ in range(3):  # warm both workers
                    urllib.request.urlopen(url, timeout=30).read()
                results.setdefault(mode, {})[name] = load(url, seconds)
        finally:
            server.terminate()
            server.wait(timeout=20)
    return results


def _static_css_url(base):
    html = urllib.request.urlopen(base + "/", timeout=30).read().decode()
    start = html.index('href="/static/exhibition/site.') + len('href="')
    return base + html[start : html.index('"', start)]


def machine_info():
    import django

    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor()
    return {
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
        f"{cpu}",
        "python": platform.python_version(),
        "django": django.get_version(),
        "database": "PostgreSQL"
        if os.environ.get("DATABASE_URL", "").startswith("postgres")
        else "SQLite",
        "load tool": "wrk" if shutil.which("wrk") else "python client",
    }


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
    lines += ["", "Commands: " + report["command"]]
    return "\n".join(lines)


def run(sizes, seconds, repeats=30):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": machine_info(),
        "sizes": sizes,
        "seconds": seconds,
        "scale": {},
        "command": " ".join(sys.argv),
    }
    workdir = Path(tempfile.mkdtemp(prefix="exhibition-bench-"))
    try:
        envs = {}
        for size in sizes:
            env = database_env(size, workdir)
            envs[size] = env
            out = workdir / f"scale-{size}.json"
            print(f"building and measuring {size} records…", flush=True)
            manage(
                env,
                "benchmark",
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
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    (OUT_DIR / "results.json").write_text(json.dumps(report, indent=2))
    text = markdown(report)
    (OUT_DIR / "BENCHMARKS.md").write_text(text + "\n")
    print(text)
    return report
