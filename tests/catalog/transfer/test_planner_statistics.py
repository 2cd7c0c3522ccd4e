"""A large import renews the database's planner statistics once it commits:
SQLite has none until asked, and planned the collection's facets without them
person by person against every record (minutes for a first view)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Artifact
from catalog.transfer import writing

pytestmark = pytest.mark.django_db


def analyzed(django_capture_on_commit_callbacks, written):
    with CaptureQueriesContext(connection) as queries:
        with django_capture_on_commit_callbacks(execute=True):
            writing.after_writing(written, sender=None)
    return [q["sql"] for q in queries.captured_queries if q["sql"] == "ANALYZE"]


def test_a_large_import_analyzes_once_it_commits(django_capture_on_commit_callbacks):
    written = {Artifact: list(range(1, writing.ANALYZE_AFTER + 1))}
    assert analyzed(django_capture_on_commit_callbacks, written) == ["ANALYZE"]


def test_a_small_import_leaves_the_statistics(django_capture_on_commit_callbacks):
    written = {Artifact: [1, 2, 3]}
    assert analyzed(django_capture_on_commit_callbacks, written) == []
