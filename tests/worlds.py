"""Test worlds built once per module instead of once per test, for data that takes
seconds to make (hundreds of records with images): built and read inside one block
that is rolled back, so no test after it sees the world."""

import contextlib

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


@contextlib.contextmanager
def built_once(django_db_blocker):
    """Database access in its own transaction, rolled back at the end, with the
    caches as ``fresh_cache`` (tests/conftest.py) gives each test: a module-scoped
    fixture runs before any test's own fixtures, so it sets them itself."""
    from exhibition import page_cache

    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(PAGE_CACHE_SECONDS=0, USE_COUNT_FLUSH_SECONDS=0),
        pytest.MonkeyPatch.context() as patch,
    ):
        patch.setattr(page_cache, "CHECK_EVERY", 3600)
        patch.setattr(page_cache, "_last_check", [float("-inf")])
        cache.clear()
        try:
            yield
        finally:
            cache.clear()
            transaction.set_rollback(True)


def steady_queries(client, paths):
    """The SQL of each page's second view: the first makes its renditions and fills
    the computed parts, so what is counted is what every later visitor costs."""
    found = {}
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        found[path] = [query["sql"] for query in captured.captured_queries]
    return found
