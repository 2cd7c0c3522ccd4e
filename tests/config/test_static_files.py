"""Production refuses to start without collected static files, instead of a 500 on
every page; collected, it serves."""

import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from config.static_files import uncollected_static_files
from tests.factories import make_exhibition
from tests.services import free_port

ROOT = Path(__file__).resolve().parents[2]
COMMAND = "python manage.py collectstatic"
MANIFEST = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """STATIC_ROOT after collectstatic (hashed names and their manifest; WhiteNoise's
    compression left out, which takes minutes and changes no name)."""
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=storages(MANIFEST)):
        call_command("collectstatic", "--noinput", verbosity=0)
    return root


def storages(backend):
    from django.conf import settings

    return {**settings.STORAGES, "staticfiles": {"BACKEND": backend}}


class ProductionServer:
    """gunicorn serving config.wsgi with production settings on STATIC_ROOT."""

    def __init__(self, static_root, tmp_path):
        self.url = f"http://127.0.0.1:{free_port()}"
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG"}
        }
        env.update(
            DJANGO_ENV="production",
            SECRET_KEY="a-production-secret-" + "k" * 50,
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            STATIC_ROOT=str(static_root),
            SQLITE_PATH=str(tmp_path / "site.sqlite3"),
        )
        # --preload: the app is loaded before the socket listens, so "Listening
        # at" means it started, and a refusal ends the process before it.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--preload"]
            + ["--workers", "1", "--bind", self.url.removeprefix("http://")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.output = ""
        for line in self.process.stderr:
            self.output += line
            if "Listening at" in line:
                self.started = True
                return
        self.process.wait(timeout=60)
        self.started = False

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=60) as response:
            return response.status, response.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=60)


def test_production_refuses_to_start_on_an_empty_static_root_and_names_the_command(
    tmp_path,
):
    server = ProductionServer(tmp_path / "static", tmp_path)
    try:
        assert not server.started, "the server started without static files"
        assert server.process.returncode != 0
        assert COMMAND in server.output
        assert "have not been collected" in server.output
    finally:
        server.stop()


def test_after_collectstatic_production_starts_and_serves(collected, tmp_path):
    server = ProductionServer(collected, tmp_path)
    try:
        assert server.started, server.output
        assert server.get("/healthz")[0] == 200
        hashed = next((collected / "exhibition").glob("icon.*.svg")).name
        status, body = server.get(f"/static/exhibition/{hashed}")
        assert status == 200 and b"<svg" in body
    finally:
        server.stop()


@pytest.mark.django_db
def test_pages_name_the_collected_files_without_debug(client, collected, settings):
    make_exhibition(slug="open")
    settings.DEBUG = False
    settings.STATIC_ROOT = collected
    settings.STORAGES = storages(MANIFEST)
    assert uncollected_static_files() is None
    page = client.get("/")
    assert page.status_code == 200
    assert "/static/exhibition/icon." in page.content.decode()
    assert "/static/exhibition/icon.svg" not in page.content.decode()


def test_a_static_file_added_since_the_last_collectstatic_is_named(
    collected, settings, tmp_path
):
    extra = tmp_path / "extra"
    (extra / "exhibition").mkdir(parents=True)
    (extra / "exhibition" / "new.css").write_text("body {}")
    settings.DEBUG = False
    settings.STATIC_ROOT = collected
    settings.STATICFILES_DIRS = [extra]
    settings.STORAGES = storages(MANIFEST)
    problem = uncollected_static_files()
    assert "exhibition/new.css" in problem and COMMAND in problem


def test_development_needs_no_collectstatic(settings, tmp_path):
    settings.DEBUG = True
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = storages(MANIFEST)
    assert uncollected_static_files() is None
