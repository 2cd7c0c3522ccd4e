"""The search backend for the database in use: one interface (``base``), one module
per engine (PostgreSQL's ``tsvector``, SQLite's FTS5)."""

from django.db import connections

from catalog.search.backends.base import SearchBackend
from catalog.search.backends.postgres import PostgresBackend
from catalog.search.backends.sqlite import SQLiteBackend

BACKENDS = {"postgresql": PostgresBackend, "sqlite": SQLiteBackend}

__all__ = ["BACKENDS", "SearchBackend", "backend"]


def backend(using="default"):
    """The backend for the ``using`` database's vendor."""
    return BACKENDS[connections[using].vendor](using)
