"""The services some tests need beside the database (Redis on 127.0.0.1:6379), and a
free loopback port for a server a test starts."""

import os
import socket

import pytest


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
