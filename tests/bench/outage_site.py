"""The site the PostgreSQL outage drills run against: a migrated database on a
private cluster (``private_postgres``), served by ``workspace.Gunicorn``, and small
HTTP helpers (a form reader, a poll until the site answers again)."""

import html.parser
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.bench import PROJECT


def site_env(database_url, workdir):
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "SQLITE_PATH"}}
    env.update(
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
        # Every page reads the database, so the outage shows on every page.
        PAGE_CACHE_SECONDS="0",
        DJANGO_DEBUG="false",
        LOG_LEVEL="ERROR",
    )
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=kwargs.pop("check", True),
        **kwargs,
    )


def get(url, timeout=30):
    """(status, headers, body) for any answer, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wait_for(url, status, timeout):
    """Seconds until ``url`` answers ``status``, polled every 50 ms; None if never."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if get(url, timeout=5)[0] == status:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.05)
    return None


class FormReader(html.parser.HTMLParser):
    """The fields a browser would submit from the first form with ``form_id`` (or
    the first form): [(name, value)], and the form's action."""

    def __init__(self, form_id=None):
        super().__init__()
        self.form_id, self.inside, self.done = form_id, False, False
        self.fields, self.action = [], None
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and not self.inside:
            if self.form_id is None or attrs.get("id") == self.form_id:
                self.inside, self.action = True, attrs.get("action")
        if not self.inside or "name" not in attrs and tag != "option":
            return
        if tag == "input":
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            checkable = kind in ("checkbox", "radio")
            if checkable and "checked" not in attrs:
                return
            default = "on" if checkable else ""
            self.fields.append((attrs["name"], attrs.get("value") or default))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            name, value = self.textarea
            # Browsers drop the one newline that follows <textarea>.
            self.fields.append((name, value[1:] if value.startswith("\n") else value))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.inside:
            self.inside, self.done = False, True


def read_form(page, form_id=None):
    reader = FormReader(form_id)
    reader.feed(page if isinstance(page, str) else page.decode())
    return reader.fields, reader.action
