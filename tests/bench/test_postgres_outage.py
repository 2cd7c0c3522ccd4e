"""Outage drills on a real PostgreSQL server: a private cluster that the drills stop
(``pg_ctl stop -m immediate`` or ``fast``) and start again under a live gunicorn.

Figures (seconds from restart to the first 200, answers during the outage) are
printed with ``-s`` and written to ``var/bench/outage-drills.json``. Under CI's
``REQUIRE_SERVICES`` a missing ``initdb`` fails these tests instead of skipping.
"""

import json
import os
import re
import subprocess
import sys
import threading
from types import SimpleNamespace

import pytest

from tests.bench import OUT_DIR, PROJECT
from tests.bench.outage_site import get, manage, read_form, site_env, wait_for
from tests.bench.private_postgres import PostgresUnavailable, PrivatePostgres
from tests.bench.workspace import Gunicorn

pytestmark = pytest.mark.drill

SEED = """
from django.contrib.auth.models import Group, User
from catalog.models import Artifact, ObjectType, Status
user = User.objects.create_user("drill", password="drill-password-42", is_staff=True)
user.groups.add(Group.objects.get(name="Curator"))
kind = ObjectType.objects.order_by("code").first()
Artifact.objects.create(slug="drill-letter", accession_number="DRILL-1",
    object_type=kind, title_en="A letter", title_zh_hans="信", status=Status.PUBLISHED)
draft = Artifact.objects.create(slug="drill-draft", accession_number="DRILL-2",
    object_type=kind, title_en="A draft", title_zh_hans="草稿", status=Status.DRAFT)
print(draft.pk, kind.code)
"""
PAGES = ["/", "/collection/", "/artifacts/drill-letter/", "/zh-hans/collection/"]
# Enough rows that the (now fast) import is still writing when the server stops.
IMPORT_ROWS = 30000


def query(pg, database, sql):
    import psycopg

    url = pg.url(database).replace("postgres://", "postgresql://")
    with psycopg.connect(url, autocommit=True) as c:
        cursor = c.execute(sql)
        return cursor.fetchall() if cursor.description else []


@pytest.fixture(scope="module")
def cluster():
    try:
        pg = PrivatePostgres()
        pg.start()
    except PostgresUnavailable as error:
        if os.environ.get("REQUIRE_SERVICES"):
            pytest.fail(f"a private PostgreSQL is required here: {error}")
        pytest.skip(str(error))
    yield pg
    pg.close()


@pytest.fixture(scope="module")
def site(cluster, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("drill-site")
    env = site_env(cluster.create_database("site"), workdir)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")  # pages name hashed files
    seeded = manage(env, "shell", "-c", SEED).stdout.splitlines()[-1]
    draft_pk, object_type = seeded.split()
    # Copies for the import drill, made while nothing is connected to "site".
    for name in ("import_run", "import_reference"):
        query(cluster, "postgres", f'CREATE DATABASE "{name}" TEMPLATE "site"')
    server = Gunicorn(env, workdir, workers=1, threads=4)
    yield SimpleNamespace(
        pg=cluster, env=env, server=server, base=server.base,
        draft_pk=draft_pk, object_type=object_type,
    )  # fmt: skip
    server.close()


@pytest.fixture(scope="module")
def figures():
    found = {}
    yield found
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "outage-drills.json").write_text(json.dumps(found, indent=2))
    print("\noutage drills:", json.dumps(found, indent=2))


class Visitors:
    """Three clients on the pages through the whole drill, counting every answer."""

    def __init__(self, base):
        self.base, self.statuses, self.errors = base, {}, 0
        self.stopped = threading.Event()
        self.threads = [threading.Thread(target=self.visit) for _ in range(3)]
        for thread in self.threads:
            thread.start()

    def visit(self):
        n = 0
        # 20 ms between requests, and none once stopped.
        while not self.stopped.wait(0.02):
            try:
                status = get(self.base + PAGES[n % len(PAGES)], timeout=30)[0]
                self.statuses[status] = self.statuses.get(status, 0) + 1
            except OSError:
                self.errors += 1
            n += 1

    def stop(self):
        self.stopped.set()
        for thread in self.threads:
            thread.join()


@pytest.mark.parametrize("mode", ["immediate", "fast"])
def test_visitors_get_the_outage_page_while_postgres_is_down_and_pages_soon_after(
    site, figures, mode
):
    for page in PAGES:
        assert get(site.base + page)[0] == 200, page
    workers = site.server.workers()
    visitors = Visitors(site.base)
    site.pg.stop(mode)
    # Pages whose parts are stored still answer whole (no query needed); a page
    # that needs the database gets the outage page, never a 500.
    fresh = [f"/search/?q=drill{mode}", f"/zh-hans/search/?q=drill{mode}"]
    for page in PAGES + fresh:
        status, headers, body = get(site.base + page)
        assert status in (200, 503), page
        if status == 200:
            assert b"</html>" in body, page
            continue
        assert b"The site will be back in a moment" in body
        assert "网站稍后即可恢复" in body.decode()
        assert headers["Retry-After"] == "30"
    assert all(get(site.base + page)[0] == 503 for page in fresh)
    site.pg.start()
    recovered = wait_for(site.base + "/collection/", 200, timeout=60)
    visitors.stop()

    assert recovered is not None, "no 200 within a minute of the restart"
    assert [get(site.base + page)[0] for page in PAGES] == [200] * len(PAGES)
    assert set(visitors.statuses) <= {200, 503}, visitors.statuses
    assert visitors.errors == 0
    assert site.server.workers() == workers  # no worker was restarted
    assert "Traceback" not in site.server.log()
    figures[f"visitors, stop -m {mode}"] = {
        "seconds from restart to first 200": round(recovered, 2),
        "answers during the drill": visitors.statuses,
        "lost requests": visitors.errors,
        "worker restarts": 0,
    }


def write_import(path, object_type, rows=IMPORT_ROWS):
    lines = ["kind,accession_number,object_type,title_en,title_zh_hans,status"]
    lines += [
        f"artifact,DRILL-IMP-{n:05d},{object_type},Letter {n},信 {n},draft"
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def imported(pg, database):
    return query(
        pg,
        database,
        "SELECT accession_number, slug, title_en, title_zh_hans, status, "
        "object_type_id FROM catalog_artifact "
        "WHERE accession_number LIKE 'DRILL-IMP-%' ORDER BY accession_number",
    )


def test_an_import_cut_by_a_postgres_outage_leaves_nothing_and_runs_again(
    site, figures, tmp_path
):
    csv = tmp_path / "collection.csv"
    write_import(csv, site.object_type)
    run_env = dict(site.env, DATABASE_URL=site.pg.url("import_run"))
    job = subprocess.Popen(
        [sys.executable, "manage.py", "import_collection", str(csv)],
        cwd=PROJECT,
        env=run_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    progress, cut_at = b"", None
    while job.poll() is None and cut_at is None:
        progress += job.stderr.read1(4096)
        done = re.findall(rb"importing \[[#-]+\] (\d+)/", progress)
        if done and 0 < int(done[-1]) < IMPORT_ROWS:
            site.pg.stop("immediate")
            cut_at = int(done[-1])
    output = progress + job.stderr.read()
    job.wait(timeout=120)
    site.pg.start()

    assert cut_at is not None, "the import ended before the outage; add rows"
    assert job.returncode == 1
    assert b"could not be reached" in output and b"nothing was imported" in output
    assert b"Traceback" not in output
    assert imported(site.pg, "import_run") == []  # nothing half-written

    again = manage(run_env, "import_collection", str(csv), check=False)
    assert again.returncode == 0, again.stderr[-2000:]
    reference_env = dict(site.env, DATABASE_URL=site.pg.url("import_reference"))
    manage(reference_env, "import_collection", str(csv))
    result = imported(site.pg, "import_run")
    assert len(result) == IMPORT_ROWS
    assert result == imported(site.pg, "import_reference")
    figures["import, stop -m immediate"] = {
        "rows in the file": IMPORT_ROWS,
        "rows written when the server stopped": cut_at,
        "rows left in the database after the outage": 0,
        "rows after running it again (same as an uninterrupted run)": len(result),
    }


def log_in(base):
    import requests

    browser = requests.Session()
    fields, _ = read_form(browser.get(f"{base}/admin/login/").text)
    fields = dict(fields, username="drill", password="drill-password-42")
    answer = browser.post(f"{base}/admin/login/?next=/admin/", data=fields)
    assert answer.status_code == 200 and "/admin/login/" not in answer.url
    return browser


def test_a_curator_saving_during_the_outage_gets_back_what_they_typed(site, figures):
    browser = log_in(site.base)
    address = f"{site.base}/admin/catalog/artifact/{site.draft_pk}/change/"
    fields, _ = read_form(browser.get(address).text, "artifact_form")
    typed = {"title_en": "Typed in the outage", "title_zh_hans": "停电时输入的标题"}
    submitted = [(n, typed.get(n, v)) for n, v in fields] + [("_save", "Save")]

    site.pg.stop("fast")
    answer = browser.post(address, data=submitted, allow_redirects=False)
    site.pg.start()

    assert answer.status_code == 503
    assert "nothing was saved" in answer.text
    assert "Traceback" not in answer.text
    given_back, action = read_form(answer.text)
    secret = ("csrfmiddlewaretoken",)
    assert [f for f in given_back if f[0] not in secret] == [
        f for f in submitted if f[0] not in secret
    ]
    assert wait_for(site.base + "/collection/", 200, timeout=60) is not None
    saved = browser.post(site.base + action, data=given_back, allow_redirects=False)
    assert saved.status_code == 302, saved.text[-3000:]
    titles = query(
        site.pg, "site", "SELECT title_en, title_zh_hans FROM catalog_artifact "
        f"WHERE id = {int(site.draft_pk)}",
    )  # fmt: skip
    assert titles == [(typed["title_en"], typed["title_zh_hans"])]
    figures["curator save, stop -m fast"] = {
        "fields given back": len(given_back) - 1,
        "fields lost": 0,
        "saved by pressing Save again": True,
    }
