"""Browser tests: Playwright driving Debian's Chromium against a served demo site.

Locally they skip when Chromium is missing; with REQUIRE_BROWSER set (CI) a missing
browser is a failure instead, so a green CI always means the browser tests ran.
"""

import os
import secrets
import shutil
from pathlib import Path

import pytest

from tests.services import answering, free_port, redis_available, redis_location

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls made by
# fixtures in the same test are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--disable-gpu", "--disable-quic", "--no-sandbox"],
    }


@pytest.fixture
def screenshot():
    """Save a full-page screenshot under var/screenshots/ for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def copy_database(source, target):
    """Copy a SQLite database whole (its write-ahead log included)."""
    import sqlite3

    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    reading.close()
    writing.close()


class DemoSite:
    """The demo exhibition served by a real server process, as a visitor meets it.

    ``built_from``: another DemoSite whose database and media, as they were built
    before its server started, this one copies instead of building the demo again
    (migrations, the demo's load and its pictures: about a minute of CPU)."""

    def __init__(self, root, built_from=None):
        import subprocess
        import sys

        self.root = root
        self.python = sys.executable
        self.project = Path(__file__).resolve().parents[2]
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL"}
        }
        self.env.update(
            SQLITE_PATH=str(root / "site.sqlite3"),
            MEDIA_ROOT=str(root / "media"),
            STATIC_ROOT=str(root / "static"),
            DJANGO_DEBUG="false",
            # Every heartbeat is taken: a test need not wait out the real seconds.
            KIOSK_HEARTBEAT_MIN_SECONDS="0",
            DJANGO_SETTINGS_MODULE="config.settings",
        )
        self.use_redis()
        if built_from is None:
            self.build()
        else:
            self.copy_built(built_from)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                self.python,
                "manage.py",
                "runserver",
                "--noreload",
                f"127.0.0.1:{self.port}",
            ],
            cwd=self.project,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Up to a minute: on a busy machine Django takes over ten seconds to start.
        if not answering(self.url + "/robots.txt", self.process, timeout=60):
            stopped = self.process.poll() is not None
            raise RuntimeError(f"the demo site did not start (stopped: {stopped})")

    def use_redis(self):
        """Redis behind the pages, as in production: a change saved by another
        process (a test's shell) reaches the server's cache at once, not after the
        up-to-a-second check of the version each process makes on a local cache."""
        if not redis_available():
            if os.environ.get("REQUIRE_SERVICES"):
                raise RuntimeError("Redis is required (REQUIRE_SERVICES) but away")
            return
        self.env.update(
            REDIS_URL=redis_location(7),
            CACHE_KEY_PREFIX=f"site-{secrets.token_hex(6)}",  # no earlier run's pages
        )

    def build(self):
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_exhibition")
        # Renditions up front: a cold first view would make dozens while a test waits.
        self.manage("make_renditions")
        # As built, before any test changes it, for another site to start from.
        copy_database(self.env["SQLITE_PATH"], self.root / "built.sqlite3")
        shutil.copytree(self.env["MEDIA_ROOT"], self.root / "built-media")

    def copy_built(self, other):
        self.env["STATIC_ROOT"] = other.env["STATIC_ROOT"]  # the same files
        copy_database(other.root / "built.sqlite3", self.env["SQLITE_PATH"])
        shutil.copytree(other.root / "built-media", self.env["MEDIA_ROOT"])

    def manage(self, *args):
        import subprocess

        return subprocess.run(
            [self.python, "manage.py", *args],
            cwd=self.project,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def shell(self, code):
        return self.manage("shell", "-c", code)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def site(tmp_path_factory, browser_type_launch_args):
    demo_site = DemoSite(tmp_path_factory.mktemp("site"))
    yield demo_site
    demo_site.stop()
