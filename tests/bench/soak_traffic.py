"""``make soak``'s visitors and watchers: anonymous traffic on every page type in
both languages, each answer checked against the published set of that moment, and
the gunicorn workers' memory sampled."""

import collections
import http.client
import random
import re
import threading
import time
from pathlib import Path

# Every draft the soak makes carries one of these words; until its publication has
# begun, no anonymous answer may contain it.
MARKER = re.compile(rb"qzsoak\d+x")
STALE_CONNECTION = (
    http.client.RemoteDisconnected,
    ConnectionResetError,
    BrokenPipeError,
)


class Markers:
    """Draft marker words and when each one's publication began (None: never)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.publishing = {}
        self.count = 0

    def new(self):
        with self.lock:
            self.count += 1
            word = f"qzsoak{self.count}x"
            self.publishing[word] = None
            return word

    def publish_begins(self, word):
        with self.lock:
            self.publishing[word] = time.monotonic()

    def leaked(self, body, received_at):
        """Marker words in ``body`` whose record was not yet being published."""
        found = {match.decode() for match in MARKER.findall(body)}
        with self.lock:
            return [
                word
                for word in found
                if (began := self.publishing.get(word, None)) is None
                or began > received_at
            ]

    def some(self, n=3):
        with self.lock:
            words = list(self.publishing)
        return random.sample(words, min(n, len(words)))


def page_paths():
    """One or more addresses of every public page type, from the published set."""
    from catalog.models import Artifact, Person, Photograph
    from exhibition.models import Exhibition, Kiosk, Section

    paths = ["/", "/exhibitions/", "/collection/", "/people/", "/sitemap.xml"]
    paths += ["/search/?q=letter", "/collection/?type=document", "/collection/?page=2"]
    for exhibition in Exhibition.objects.published()[:3]:
        url = exhibition.get_absolute_url()
        paths += [url, f"{url}timeline/", f"/collection/?exhibition={exhibition.slug}"]
    paths += [s.get_absolute_url() for s in Section.objects.published()[:4]]
    for model in (Artifact, Photograph, Person):
        paths += [r.get_absolute_url() for r in model.objects.published()[:4]]
    for kiosk in Kiosk.objects.filter(active=True)[:2]:
        paths += [f"/kiosk/{kiosk.slug}/", f"/kiosk/{kiosk.slug}/zh-hans/"]
        item = kiosk.playlist.filter(artifact__isnull=False).first()
        if item:
            paths.append(f"/kiosk/{kiosk.slug}/en/artifacts/{item.artifact.slug}/")
    # Kiosks and the sitemap index have one address for both languages.
    one_address = ("/k", "/sitemap")
    both = paths + ["/zh-hans" + p for p in paths if not p.startswith(one_address)]
    return both + ["/zh-hans/search/?q=%E4%BF%A1"]


class Visitors:
    """``count`` keep-alive clients over the page list, the latest drafts' own
    addresses and searches for their marker words; every answer is checked."""

    def __init__(self, port, paths, markers, drafts, count=6, pause=0.05):
        self.port, self.paths, self.markers = port, paths, markers
        # (slug, marker word, search word) of each draft, shared with the curators
        self.drafts = drafts
        self.count, self.pause = count, pause
        self.lock = threading.Lock()
        self.statuses = collections.Counter()
        self.server_errors = []  # (path, status, first bytes)
        self.leaks = []  # (path, words)
        self.socket_errors = 0
        self.error_kinds = collections.Counter()  # "<exception> <path>" of each
        self.stale_retries = 0
        self.requests = 0

    def next_path(self, rng):
        roll = rng.random()
        if roll < 0.1 and self.drafts:
            slug, _word, search = rng.choice(self.drafts[-20:])
            return rng.choice(
                [
                    f"/artifacts/{slug}/",
                    f"/search/?q={search}",
                    f"/zh-hans/search/?q={search}",
                ]
            )
        return rng.choice(self.paths)

    def fetch(self, conn, path):
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()

    def client(self, n, stop_at):
        rng = random.Random(n)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        while time.monotonic() < stop_at:
            path = self.next_path(rng)
            reused = conn.sock is not None
            try:
                try:
                    status, body = self.fetch(conn, path)
                except STALE_CONNECTION:
                    if not reused:
                        raise
                    # The server closed an idle keep-alive connection as the
                    # request went out; like a browser, send it again once.
                    conn.close()
                    with self.lock:
                        self.stale_retries += 1
                    status, body = self.fetch(conn, path)
            except (OSError, http.client.HTTPException) as error:
                with self.lock:
                    self.socket_errors += 1
                    self.error_kinds[f"{type(error).__name__} {path}"] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                continue
            self.check(path, status, body, time.monotonic())
            time.sleep(self.pause)
        conn.close()

    def check(self, path, status, body, received_at):
        leaked = self.markers.leaked(body, received_at)
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            if status >= 500:
                self.server_errors.append((path, status, body[:300]))
            if leaked:
                self.leaks.append((path, leaked))

    def start(self, seconds):
        stop_at = time.monotonic() + seconds
        self.threads = [
            threading.Thread(target=self.client, args=(n, stop_at), daemon=True)
            for n in range(self.count)
        ]
        for thread in self.threads:
            thread.start()

    def join(self):
        for thread in self.threads:
            thread.join()


def rss_kb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def worker_pids(master):
    return sorted(
        int(pid)
        for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()
    )


class MemoryWatch:
    """Each gunicorn worker's resident memory, sampled every ``every`` seconds."""

    def __init__(self, master, every=5.0):
        self.master, self.every = master, every
        self.samples = []  # (seconds since start, {pid: rss kB})
        self.started = time.monotonic()
        self.first_workers = worker_pids(master)

    def run(self, stop_at):
        while time.monotonic() < stop_at:
            try:
                sample = {pid: rss_kb(pid) for pid in worker_pids(self.master)}
            except OSError:
                sample = {}
            self.samples.append((time.monotonic() - self.started, sample))
            time.sleep(self.every)

    def growth(self, window_from):
        """Per worker: RSS at ``window_from`` seconds, at the end, growth in %."""
        rows = {}
        for pid in self.first_workers:
            seen = [(t, s[pid]) for t, s in self.samples if s.get(pid)]
            after = [rss for t, rss in seen if t >= window_from]
            if not after:
                rows[pid] = (None, None, None)
                continue
            start, end = after[0], seen[-1][1]
            rows[pid] = (start, end, 100.0 * (end - start) / start)
        return rows

    def restarted(self):
        """Workers that died or were replaced during the run."""
        last = self.samples[-1][1] if self.samples else {}
        return sorted(set(self.first_workers) ^ set(last))
