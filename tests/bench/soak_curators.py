"""``make soak``'s staff: curators making drafts, editing and publishing through
the ORM every few seconds (each publication timed until visitors see it), and an
import of a CSV running over and over."""

import csv
import http.client
import io
import itertools
import random
import threading
import time

from django.db import close_old_connections, transaction

LATE_AFTER = 1.0  # seconds: a change visitors see later than this is a failure


def fresh_after(port, path, wanted, published_at, seen, give_up=10.0):
    """Seconds from ``published_at`` to the start of the first request whose answer
    shows the change (``wanted``: a status, or bytes the body must hold); the
    seconds until that answer arrived are added to ``seen``."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        while time.monotonic() - published_at < give_up:
            began = time.monotonic()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            if (
                response.status == wanted
                if isinstance(wanted, int)
                else response.status == 200 and wanted in body
            ):
                seen.append(time.monotonic() - published_at)
                return began - published_at
            time.sleep(0.02)
        return None
    finally:
        conn.close()


class Curators:
    """One loop of staff work every ``every`` seconds: a new draft (hung in a
    section, with its marker word), an edit of a published record, a publication."""

    def __init__(self, port, markers, drafts, every=3.0):
        self.port, self.markers, self.drafts, self.every = port, markers, drafts, every
        self.counter = itertools.count(1)
        self.saves = self.publications = 0
        self.lags = []  # (what, path, seconds or None)
        self.seen = []  # seconds from a save to the answer that showed it
        self.errors = []
        self.published = []  # slugs of artifacts the soak published

    def setup(self):
        from django.contrib.auth import get_user_model

        from catalog.models import ObjectType, Source
        from exhibition.models import Section

        self.user = get_user_model().objects.create_superuser(
            "soak-curator", password=None
        )
        self.source = Source.objects.order_by("pk").first()
        self.object_type = ObjectType.objects.order_by("code").first()
        self.sections = list(Section.objects.published())

    def new_draft(self):
        from django.contrib.contenttypes.models import ContentType

        from catalog.models import Artifact, Citation, Status
        from exhibition.models import SectionItem

        n, word = next(self.counter), self.markers.new()
        # Searched for by visitors; not the marker, which a results page echoes.
        search = f"zqfind{n}y"
        with transaction.atomic():
            artifact = Artifact.objects.create(
                slug=f"soak-{n}",
                accession_number=f"SOAK-{n:05d}",
                object_type=self.object_type,
                title_en=f"Letter {word} {search}",
                title_zh_hans=f"信 {word} {search}",
                description_en=f"A letter kept in draft, {word}.",
                description_zh_hans=f"一封草稿信，{word}。",
                rights_en="CC0",
                rights_zh_hans="CC0 协议",
                status=Status.DRAFT,
            )
            Citation.objects.create(
                content_type=ContentType.objects.get_for_model(artifact),
                object_id=artifact.pk,
                source=self.source,
                locator=f"p. {n}",
            )
            SectionItem.objects.create(
                section=random.choice(self.sections), artifact=artifact, position=n
            )
        self.saves += 1
        self.drafts.append((artifact.slug, word, search))
        return artifact

    def edit_draft(self, artifact):
        artifact.description_en += " Revised."
        artifact.save()
        self.saves += 1

    def publish(self, artifact, word):
        from catalog.workflow import publish

        self.markers.publish_begins(word)
        with transaction.atomic():
            publish(artifact, self.user)
        done = time.monotonic()
        self.publications += 1
        self.published.append(artifact.slug)
        path = f"/artifacts/{artifact.slug}/"
        self.lags.append(
            ("publish", path, fresh_after(self.port, path, 200, done, self.seen))
        )

    def edit_published(self):
        from catalog.models import Artifact

        slug = random.choice(self.published)
        artifact = Artifact.objects.get(slug=slug)
        token = f"rev{next(self.counter)}"
        artifact.title_en = f"Letter {token}"
        with transaction.atomic():
            artifact.save()
        done = time.monotonic()
        self.saves += 1
        path = f"/artifacts/{slug}/"
        lag = fresh_after(self.port, path, token.encode(), done, self.seen)
        self.lags.append(("edit", path, lag))

    def round(self):
        artifact = self.new_draft()
        self.edit_draft(artifact)
        if self.published:
            self.edit_published()
        # Every other draft is published; the others stay drafts to the end.
        if len(self.drafts) % 2 == 0:
            slug, word, _search = self.drafts[-2]
            from catalog.models import Artifact

            self.publish(Artifact.objects.get(slug=slug), word)

    def run(self, stop_at):
        while time.monotonic() < stop_at:
            began = time.monotonic()
            try:
                self.round()
            except Exception as error:  # reported as a failure, the run goes on
                self.errors.append(repr(error))
            finally:
                close_old_connections()
            time.sleep(max(0.0, self.every - (time.monotonic() - began)))

    def late(self):
        return [row for row in self.lags if row[2] is None or row[2] > LATE_AFTER]


IMPORT_COLUMNS = ["kind", "accession_number", "object_type", "title_en"]
IMPORT_COLUMNS += ["title_zh_hans", "description_en", "status"]


class Importer:
    """``import_collection`` of a CSV of draft artifacts (each with a marker word),
    alternating between two versions of the file so that every run writes."""

    def __init__(self, workdir, markers, rows=200):
        self.markers, self.rows = markers, rows
        self.paths = [workdir / "import-a.csv", workdir / "import-b.csv"]
        self.runs, self.errors, self.seconds = 0, [], []

    def write_files(self):
        from catalog.models import ObjectType

        code = ObjectType.objects.order_by("code").values_list("code", flat=True)[0]
        words = [self.markers.new() for _ in range(self.rows)]
        for version, path in enumerate(self.paths):
            with open(path, "w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(IMPORT_COLUMNS)
                for n, word in enumerate(words):
                    writer.writerow(
                        ["artifact", f"SOAKIMP-{n:05d}", code, f"Record {word}"]
                        + [f"记录 {word}", f"Imported, version {version}.", "draft"]
                    )

    def run(self, stop_at, pause=5.0):
        from django.core.management import call_command

        self.write_files()
        while time.monotonic() < stop_at:
            began = time.monotonic()
            try:
                call_command(
                    "import_collection",
                    str(self.paths[self.runs % 2]),
                    stdout=io.StringIO(),
                    stderr=io.StringIO(),
                )
                self.seconds.append(time.monotonic() - began)
            except BaseException as error:  # CommandError is a SystemExit cousin
                self.errors.append(repr(error))
            finally:
                close_old_connections()
            self.runs += 1
            time.sleep(pause)


def start(target, stop_at):
    thread = threading.Thread(target=target, args=(stop_at,), daemon=True)
    thread.start()
    return thread
