"""A working day: visitors read a mix of public pages while curators work.

gunicorn (2 workers, production settings, DEBUG off, the page cache on, Redis as
the cache when ``REDIS_URL`` or a server on 127.0.0.1:6379 is there) serves a
bench database; wrk (or a bounded Python client) cycles through one address per
public page type, first with nobody editing (quiet), then while a second process
(``curate``) saves a draft every 2 s, which must leave visitors' cached pages in
place, and edits a published record every 30 s, which must replace them. After
the pages, in each run, one static file through the same stack: how much of its
rate the working day leaves.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from tests.bench import PROJECT
from tests.bench.throughput import _static_css_url, python_load
from tests.bench.workspace import Gunicorn, production_env

DRAFT_EVERY, PUBLISH_EVERY, FIRST_PUBLISH = 2.0, 30.0, 10.0

# wrk's Lua: cycle through the addresses, count page-cache hits and misses, and
# report the percentiles wrk's own --latency leaves out (p95).
WRK_SCRIPT = """
paths = {%(paths)s}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = 0; hits = 0; misses = 0; other = 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  local cache = headers["X-Page-Cache"]
  if cache == "hit" then hits = hits + 1
  elseif cache == "miss" then misses = misses + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits"); m = m + t:get("misses"); o = o + t:get("other")
  end
  io.write(string.format("BENCH requests %%d\\n", summary.requests))
  io.write(string.format("BENCH errors %%d\\n",
    summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("BENCH p%%d %%d\\n", p, latency:percentile(p)))
  end
  io.write(string.format("BENCH hits %%d\\nBENCH misses %%d\\nBENCH other %%d\\n",
    h, m, o))
end
"""


def wrk_mix(base, paths, seconds, connections=16):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"paths": ", ".join(json.dumps(p) for p in paths)})
    try:
        output = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                # wrk's default of 2 s drops slower answers from the percentiles:
                # the renders after a change are what the p95 is for.
                "--timeout",
                "60s",
                "-s",
                script.name,
                base + "/",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    values = {
        parts[1]: int(parts[2])
        for parts in (line.split() for line in output.splitlines())
        if parts[:1] == ["BENCH"]
    }
    return {
        "tool": "wrk",
        "requests": values["requests"],
        "rps": round(values["requests"] / seconds, 1),
        "p50_ms": round(values["p50"] / 1000, 2),
        "p95_ms": round(values["p95"] / 1000, 2),
        "p99_ms": round(values["p99"] / 1000, 2),
        "errors": values["errors"],
        "page_cache": {k: values[k] for k in ("hits", "misses", "other")},
    }


def python_mix(base, paths, seconds, connections=16):
    """The mix without wrk: each connection cycles through the addresses."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    latencies, counts, stop = [], {"errors": 0}, time.monotonic() + seconds
    lock = threading.Lock()

    def worker(offset):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine, n = [], offset
        while time.monotonic() < stop:
            path, n = paths[n % len(paths)], n + 1
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                cache = response.getheader("X-Page-Cache") or "other"
            except OSError:
                cache = "errors"
                conn = http.client.HTTPConnection(
                    parts.hostname, parts.port, timeout=30
                )
            else:
                mine.append((time.perf_counter() - start) * 1000)
                if response.status >= 400:
                    cache = "errors"
            with lock:
                counts[cache] = counts.get(cache, 0) + 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()

    def at(share):
        return round(latencies[max(0, int(len(latencies) * share) - 1)], 2)

    return {
        "tool": "python",
        "requests": len(latencies),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": at(0.5),
        "p95_ms": at(0.95),
        "p99_ms": at(0.99),
        "errors": counts["errors"],
        "page_cache": {k: counts.get(k, 0) for k in ("hit", "miss", "other")},
    }


def static_load(url, seconds):
    if shutil.which("wrk"):
        from tests.bench.throughput import wrk_load

        return wrk_load(url, seconds)
    return python_load(url, seconds)


def redis_url():
    """The cache the production site would use: ``REDIS_URL``, else a Redis server
    on this machine, else none (each worker then has a cache of its own)."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, socket_timeout=1).ping()
        return "redis://127.0.0.1:6379/0"
    except Exception:
        return ""


def day_env(env):
    """Production settings with the page cache on; a key prefix of this run's own
    so that no other run's pages are read."""
    server_env = production_env(
        env,
        "bench",
        PAGE_CACHE_SECONDS="600",
        LOG_LEVEL="WARNING",
        CACHE_KEY_PREFIX=f"bench-{os.getpid()}-{time.time_ns()}",
    )
    url = redis_url()
    if url:
        server_env["REDIS_URL"] = url
    else:
        server_env.pop("REDIS_URL", None)
    return server_env


def curate(seconds, out, draft_pk, published_pk):
    """The second process: a draft saved every 2 s, a published record edited every
    30 s (the first after 10 s); each save's effect on the content version."""
    from catalog.models import Artifact
    from exhibition.page_cache import database_version

    saves = {"draft": [], "publish": []}
    print("ready", flush=True)  # Django is set up: the visitors' clock may run
    start = time.monotonic()
    next_draft, next_publish = start + DRAFT_EVERY, start + FIRST_PUBLISH
    n = 0
    while time.monotonic() < start + seconds:
        now = time.monotonic()
        kind = "publish" if next_publish <= next_draft else "draft"
        due = min(next_draft, next_publish)
        if due > now:
            time.sleep(min(due - now, start + seconds - now))
            continue
        n += 1
        pk = published_pk if kind == "publish" else draft_pk
        before = database_version()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        record = Artifact.objects.get(pk=pk)
        record.title_en = f"{record.title_en.split(' · ')[0]} · edit {n}"
        record.save()
        saves[kind].append(
            {
                "at_s": round(now - start, 1),
                "moved_version": database_version() != before,
                "cpu_ms": round((time.process_time() - cpu0) * 1000, 1),
                "wall_ms": round((time.perf_counter() - wall0) * 1000, 1),
            }
        )
        if kind == "publish":
            next_publish += PUBLISH_EVERY
        else:
            next_draft += DRAFT_EVERY
    Path(out).write_text(json.dumps(saves))


def summary_of(saves):
    return {
        kind: {
            "saves": len(rows),
            "moved_version": sum(row["moved_version"] for row in rows),
            "median_cpu_ms": sorted(r["cpu_ms"] for r in rows)[len(rows) // 2]
            if rows
            else None,
        }
        for kind, rows in saves.items()
    }


def run_day(env, paths, records, seconds, workdir):
    """Quiet, then the working day, on a gunicorn serving ``env``'s database."""
    mix = wrk_mix if shutil.which("wrk") else python_mix
    static_seconds = max(5, seconds // 2)  # spans a publish at the default 60 s
    server_env = day_env(env)
    result = {
        "seconds": seconds,
        "static_seconds": static_seconds,
        "cache": "redis" if server_env.get("REDIS_URL") else "local memory",
    }
    server = Gunicorn(server_env)
    base = server.base
    try:
        css = _static_css_url(base)
        targets = list(paths.values())
        for phase in ("quiet", "working day"):
            for path in targets * 3:  # both workers, the pages in the cache
                urllib.request.urlopen(base + path, timeout=60).read()
            curator = None
            if phase == "working day":
                saves_file = Path(workdir) / "saves.json"
                curator = subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "tests.bench",
                        "curate",
                        "--seconds",
                        str(seconds + static_seconds + 1),
                        "--out",
                        str(saves_file),
                        "--draft",
                        str(records["draft"]),
                        "--published",
                        str(records["published"]),
                    ],
                    cwd=PROJECT,
                    env=server_env,
                    stdout=subprocess.PIPE,
                    text=True,
                )
                curator.stdout.readline()  # "ready": set up before the clock runs
            pages = mix(base, targets, seconds)
            static = static_load(css, static_seconds)
            result[phase] = {"pages": pages, "static": static}
            if curator is not None:
                curator.wait(timeout=seconds + 120)
                result["saves"] = summary_of(json.loads(saves_file.read_text()))
    finally:
        server.close()
    quiet, busy = result["quiet"], result["working day"]
    result["throughput_share"] = round(busy["pages"]["rps"] / quiet["pages"]["rps"], 3)
    result["static_share"] = round(busy["static"]["rps"] / quiet["static"]["rps"], 3)
    for phase in ("quiet", "working day"):
        row = result[phase]
        row["cached_share_of_static"] = round(
            row["pages"]["rps"] / row["static"]["rps"], 3
        )
    return result


def markdown(days):
    """The working day of each size."""
    lines = [
        "| records | run | pages req/s | p95 ms | page cache hit / miss | static "
        "req/s | pages ÷ static |",
        "|---|---|---|---|---|---|---|",
    ]
    for size, day in days.items():
        for phase in ("quiet", "working day"):
            row = day[phase]
            cache = row["pages"]["page_cache"]
            hits = cache.get("hits", cache.get("hit", 0))
            misses = cache.get("misses", cache.get("miss", 0))
            share = 100 * row["cached_share_of_static"]
            lines.append(
                f"| {size} | {phase} | {row['pages']['rps']} | "
                f"{row['pages']['p95_ms']} | {hits} / {misses} | "
                f"{row['static']['rps']} | {share:.1f} % |"
            )
    lines.append("")
    for size, day in days.items():
        saves = day.get("saves", {})
        draft, publish = saves.get("draft", {}), saves.get("publish", {})
        lines.append(
            f"- {size} records: the working day keeps "
            f"{100 * day['throughput_share']:.1f} % of the quiet pages' rate (goal ≥ "
            f"70 %) and {100 * day['static_share']:.1f} % of the static file's "
            f"(goal ≥ 80 %); {draft.get('saves')} draft saves moved the content "
            f"version {draft.get('moved_version')} times, "
            f"{publish.get('saves')} publishes {publish.get('moved_version')} times."
        )
    return lines


def measure(env, size, seconds, rounds, workdir):
    """Cold pages, then the working day, on ``env``'s built database."""
    from tests.bench.workspace import manage, step

    manage(env, "collectstatic", "--noinput", "-v0")
    out = Path(workdir) / f"cold-{size}.json"
    step(day_env(env), "cold", "--out", out, "--cold-rounds", rounds)
    data = json.loads(out.read_text())
    result = {
        "paths": data["paths"],
        "cold": data.get("cold"),
        "profile": data.get("profile"),
    }
    if seconds:
        print(f"working day on {size} records, {seconds} s per run…", flush=True)
        result["day"] = run_day(env, data["paths"], data["records"], seconds, workdir)
    return result


def built(env, size, databases):
    """Build ``size`` records into ``env``'s database; with ``databases`` (a folder,
    SQLite only) copy the one built there before instead, or keep a copy of this
    one there: the same records can then be measured with another version of the
    code (built once, as 100,000 records take minutes)."""
    from tests.bench.workspace import step

    if not databases or "SQLITE_PATH" not in env:
        step(env, "build", "--size", size)
        return
    kept = Path(databases) / f"bench-{size}.sqlite3"
    media = Path(databases) / f"media-{size}"
    if kept.exists():
        print(f"copying the {size} records built in {kept}…", flush=True)
        shutil.copyfile(kept, env["SQLITE_PATH"])
        shutil.copytree(media, env["MEDIA_ROOT"], dirs_exist_ok=True)
        return
    step(env, "build", "--size", size)
    Path(databases).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(env["SQLITE_PATH"], kept)
    shutil.copytree(env["MEDIA_ROOT"], media, dirs_exist_ok=True)


def run(sizes, seconds, rounds, databases=None):
    """``python -m tests.bench workday``: a database built for each size, then
    its cold pages and its working day."""
    from tests.bench import OUT_DIR, cold
    from tests.bench.throughput import machine_info
    from tests.bench.workspace import database_env, drop_database

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": machine_info(),
        "sizes": {},
        "command": " ".join(["python -m tests.bench", *sys.argv[1:]]),
    }
    workdir = Path(tempfile.mkdtemp(prefix="exhibition-workday-"))
    try:
        for size in sizes:
            env = database_env(size, workdir)
            print(f"building {size} records…", flush=True)
            built(env, size, databases)
            report["sizes"][str(size)] = measure(env, size, seconds, rounds, workdir)
            drop_database(env)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    (OUT_DIR / "workday.json").write_text(json.dumps(report, indent=2))
    lines = ["## Working day", ""]
    days = {s: r["day"] for s, r in report["sizes"].items() if r.get("day")}
    if days:
        lines += markdown(days) + [""]
    colds = {s: r["cold"] for s, r in report["sizes"].items() if r.get("cold")}
    if colds:
        lines += ["## Cold pages", ""] + cold.markdown(colds) + [""]
    lines += [f"Machine: {report['machine']}", "", "Command: " + report["command"]]
    text = "\n".join(lines)
    (OUT_DIR / "WORKDAY.md").write_text(text + "\n")
    print(text)
    return report
