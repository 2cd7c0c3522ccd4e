"""The services some tests need beside the database (Redis on 127.0.0.1:6379), and
for a server a test starts: a free loopback port, and a wait until it answers."""

import os
import socket
import subprocess
import time
import urllib.request

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answering(url, process, timeout):
    """Whether ``url`` answers within ``timeout`` seconds while ``process`` (its
    server) runs. Between tries the wait is on the process, so a server that died
    (a refused start) is known at once."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            urllib.request.urlopen(url, timeout=1)
            return True
        except OSError:
            try:
                process.wait(timeout=0.1)
                return False
            except subprocess.TimeoutExpired:
                continue
    return False


def redis_available():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


def redis_location(database):
    """A Redis database of this pytest-xdist worker's own (up to four workers): a
    cache's clear() empties the whole database, and the workers share the server.
    In use: 15-12 the page cache's tests, 11-8 the figures', 7-4 the browser site."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    return f"redis://127.0.0.1:6379/{database - worker}"


def redis_or_skip():
    if redis_available():
        return
    if os.environ.get("REQUIRE_SERVICES"):
        pytest.fail("Redis is required here (REQUIRE_SERVICES) but not reachable")
    pytest.skip("no Redis on 127.0.0.1:6379")
