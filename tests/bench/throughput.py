"""Serving speed: gunicorn driven by wrk (or a bounded Python client), beside one
static file through the same stack, and what machine the figures come from."""

import os
import platform
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

from tests.bench.workspace import Gunicorn, production_env


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
        server_env = production_env(
            env, "bench", PAGE_CACHE_SECONDS=cache_seconds, LOG_LEVEL="WARNING"
        )
        with Gunicorn(server_env) as server:
            base = server.base
            css = _static_css_url(base)
            targets = {
                "static CSS file": css,
                **{n: base + p for n, p in paths.items()},
            }
            for name, url in targets.items():
                for _ in range(3):  # warm both workers
                    urllib.request.urlopen(url, timeout=30).read()
                results.setdefault(mode, {})[name] = load(url, seconds)
            # On a shared machine the load drifts during a run: the reference is
            # the mean of the static file's rate before and after the pages.
            before, after = results[mode]["static CSS file"], load(css, seconds)
            before["rps_before"], before["rps_after"] = before["rps"], after["rps"]
            before["rps"] = round((before["rps"] + after["rps"]) / 2, 2)
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
