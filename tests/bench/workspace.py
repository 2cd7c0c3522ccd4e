"""Where a measurement runs: a throwaway database (and media and static folders) per
run, and the processes started in it: a Django command, one of the bench's own
steps (``python -m tests.bench <mode>``), or gunicorn serving the site."""

import os
import subprocess
import sys
from pathlib import Path

from tests.bench import PROJECT
from tests.services import answering, free_port


def database_env(size, workdir):
    """The environment of a process whose database is a new, empty one for
    ``size``: on the PostgreSQL server of ``DATABASE_URL`` if one is set, otherwise
    an SQLite file in ``workdir``."""
    env = dict(os.environ)
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base = url.rpartition("/")[0]
        # Another run on the same server may use the default names: a prefix of
        # one's own keeps them apart.
        prefix = os.environ.get("BENCH_DATABASE_PREFIX", "exhibition_bench")
        name = f"{prefix}_{size}"
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


def drop_database(env):
    """Drop the PostgreSQL database ``database_env`` made (SQLite's goes with the
    work directory)."""
    url = env.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        base, _slash, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def manage(env, *args, **kwargs):
    """A Django management command in the environment ``env``."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True, **kwargs
    )


def step(env, *args, **kwargs):
    """One of the bench's own steps (``tests/bench/__main__.py``) in ``env``: it
    measures inside a process that has only that database."""
    return subprocess.run(
        [sys.executable, "-m", "tests.bench", *map(str, args)],
        cwd=PROJECT,
        env=env,
        check=True,
        **kwargs,
    )


def production_env(env, name, **overrides):
    """Production settings with DEBUG off, for a server on the loopback address;
    ``name`` marks the secret key as this driver's."""
    return dict(
        env,
        DJANGO_ENV="production",
        SECRET_KEY=f"{name}-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        **overrides,
    )


class Gunicorn:
    """gunicorn serving ``env`` on a free loopback port, started when made (it
    waits until /healthz answers) and stopped by ``close()`` or a ``with`` block.
    ``workers()`` names its worker processes (the same ones before and after an
    outage: nothing restarts them). The log goes to ``workdir``, or nowhere."""

    def __init__(self, env, workdir=None, workers=2, threads=1, *options):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(workdir) / "gunicorn.log" if workdir else None
        log = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi"]
            + ["--workers", str(workers), "--threads", str(threads)]
            + ["--bind", f"127.0.0.1:{self.port}", "--log-level", "error", *options],
            cwd=PROJECT,
            env=dict(env, ALLOWED_HOSTS="127.0.0.1"),
            stdout=log,
            stderr=log,
        )
        self.wait_until_up(timeout=60)

    def wait_until_up(self, timeout):
        if not answering(self.base + "/healthz", self.process, timeout):
            self.close()
            raise RuntimeError(f"gunicorn did not start: {self.log()}")

    def workers(self):
        master = self.process.pid
        return sorted(
            Path(f"/proc/{master}/task/{master}/children").read_text().split()
        )

    def log(self):
        if self.log_path is None:
            return "(no log kept)"
        return self.log_path.read_text(errors="replace")

    def close(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
