"""Where a measurement runs: a throwaway database (and media and static folders) per
run, and the processes started in it, a Django command or one of the bench's own
steps (``python -m tests.bench <mode>``)."""

import os
import subprocess
import sys

from tests.bench import PROJECT


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
