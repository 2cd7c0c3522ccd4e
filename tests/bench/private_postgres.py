"""A private PostgreSQL server for outage drills: its own cluster in a temporary
folder, on a free loopback port, that a drill may stop and start at will (the
shared server on 5432 is never touched)."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.services import free_port

SEARCH_PATH = [
    "/usr/local/bin",
    "/usr/lib/postgresql/17/bin",
    "/usr/lib/postgresql/16/bin",
]


class PostgresUnavailable(RuntimeError):
    """initdb, pg_ctl or the postgres OS user is missing."""


def binary(name):
    found = shutil.which(name) or next(
        (f"{d}/{name}" for d in SEARCH_PATH if Path(f"{d}/{name}").is_file()), None
    )
    if found is None:
        raise PostgresUnavailable(f"{name} is not installed")
    return found


class PrivatePostgres:
    """``start()``, ``stop(mode)``, ``url(name)``, ``create_database(name)``,
    ``close()``. PostgreSQL refuses to run as root, so as root its programs run as
    the ``postgres`` OS user, which owns the cluster's folder."""

    def __init__(self):
        self.initdb, self.pg_ctl = binary("initdb"), binary("pg_ctl")
        self.as_user = []
        if os.geteuid() == 0:
            if shutil.which("runuser") is None:
                raise PostgresUnavailable("runuser is needed to run PostgreSQL as root")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.folder = Path(tempfile.mkdtemp(prefix="exhibition-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        if self.as_user:
            shutil.chown(self.folder, "postgres", "postgres")
        self.port = free_port()
        self.running = False
        self.command(
            [self.initdb, "-D", str(self.data), "-U", "postgres", "-A", "trust"]
            + ["--no-sync", "--encoding", "UTF8", "--locale", "C.UTF-8"]
        )

    def command(self, args, check=True):
        result = subprocess.run(
            self.as_user + args, capture_output=True, text=True, timeout=120
        )
        if check and result.returncode:
            raise PostgresUnavailable(
                f"{Path(args[0]).name} failed: {result.stderr.strip()[-500:]}"
            )
        return result

    def start(self):
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.command(
            [self.pg_ctl, "-D", str(self.data), "-l", str(self.log)]
            + ["-o", options, "-w", "-t", "60", "start"]
        )
        self.running = True

    def stop(self, mode="immediate"):
        """``immediate``: as a crash, every connection cut at once; ``fast``: as an
        operator's shutdown, open transactions rolled back."""
        self.command([self.pg_ctl, "-D", str(self.data), "-m", mode, "-w", "stop"])
        self.running = False

    def url(self, name="postgres"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def create_database(self, name):
        import psycopg

        with psycopg.connect(self.url().replace("postgres://", "postgresql://"),
                             autocommit=True) as conn:  # fmt: skip
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def close(self):
        if self.running:
            self.command([self.pg_ctl, "-D", str(self.data), "-m", "immediate",
                          "-w", "stop"], check=False)  # fmt: skip
            self.running = False
        shutil.rmtree(self.folder, ignore_errors=True)
