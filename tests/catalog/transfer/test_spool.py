"""Checked rows kept between the import's passes: each row parsed and checked
once, queries that grow with chunks and not with rows, and records changed
between the passes refused."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import Artifact, ObjectType, Photograph
from catalog.transfer import importer
from catalog.transfer.row_checks import RowCheck
from tests.catalog.transfer.test_bulk import rows as bulk_rows
from tests.catalog.transfer.test_bulk import run
from tests.catalog.transfer.test_importer import csv_bytes

pytestmark = pytest.mark.django_db

CHANGED_MEANWHILE = "Changed in the catalogue while this import ran: import again."


def rows(count, start=0, **changes):
    return bulk_rows(count, start, prefix="S", **changes)


def queries_to_import(data):
    with CaptureQueriesContext(connection) as queries:
        report, _job = run(data)
    assert report.ok, report.problems
    return len(queries)


def test_each_row_is_parsed_and_checked_once(world, monkeypatch):
    checked = []
    check_row = RowCheck.check_row

    def counting(self, number, cells, existing):
        checked.append(number)
        return check_row(self, number, cells, existing)

    monkeypatch.setattr(RowCheck, "check_row", counting)
    monkeypatch.setattr(importer, "CHUNK_ROWS", 10)
    report, _job = run(csv_bytes(rows(25)))
    assert report.counts[("artifact", "created")] == 25
    assert checked == list(range(2, 27))
    assert Artifact.objects.count() == 25


def test_a_thousand_rows_cost_the_queries_of_five_hundred_in_one_chunk(
    world, monkeypatch
):
    """Lookups and writes are per chunk: more rows in a chunk, no more queries."""
    monkeypatch.setattr(importer, "CHUNK_ROWS", 1000)
    run(csv_bytes(rows(1, start=5000)))  # content types cached, as in a running site
    five_hundred = queries_to_import(csv_bytes(rows(500)))
    thousand = queries_to_import(csv_bytes(rows(1000, start=1000)))
    assert thousand == five_hundred
    assert thousand < 60  # a handful per table, not one per row
    assert Artifact.objects.count() == 1501


def test_a_thousand_rows_in_two_chunks_cost_twice_the_chunk_queries(world):
    run(csv_bytes(rows(1, start=5000)))
    five_hundred = queries_to_import(csv_bytes(rows(500)))
    thousand = queries_to_import(csv_bytes(rows(1000, start=1000)))
    per_run = 12  # lookups once per import: people, sources, users, terms, ...
    assert thousand - five_hundred <= five_hundred - per_run
    assert thousand < 2 * five_hundred


def test_reimporting_a_thousand_rows_costs_what_five_hundred_do(world, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 1000)
    small, large = csv_bytes(rows(500)), csv_bytes(rows(1000, start=1000))
    run(small)
    run(large)
    assert queries_to_import(large) == queries_to_import(small)


def test_new_terms_and_their_pks_reach_the_kept_rows(world):
    report, _job = run(
        csv_bytes(rows(3, object_type="Telegram")),
        create_terms=True,
    )
    assert report.ok, report.problems
    telegram = ObjectType.objects.get(code="telegram")
    assert set(Artifact.objects.values_list("object_type", flat=True)) == {telegram.pk}


def between_the_passes(monkeypatch, change):
    """Run ``change`` once every row is checked, before any is written."""
    check = importer.check

    def check_then_change(*args, **kwargs):
        plan = yield from check(*args, **kwargs)
        change()
        return plan

    monkeypatch.setattr(importer, "check", check_then_change)


def test_a_record_changed_between_the_passes_is_not_overwritten(world, monkeypatch):
    run(csv_bytes(rows(4)))
    edited = Artifact.objects.get(accession_number="S-0002")

    def edit():
        Artifact.objects.filter(pk=edited.pk).update(
            title_en="Edited meanwhile", updated_at=timezone.now()
        )

    between_the_passes(monkeypatch, edit)
    report, job = run(csv_bytes(rows(4, title_en="From the file")))
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (4, "version", CHANGED_MEANWHILE)
    ]
    assert dict(report.counts) == {}
    titles = dict(Artifact.objects.values_list("accession_number", "title_en"))
    assert titles["S-0002"] == "Edited meanwhile"
    assert titles["S-0000"] == "Record 0"  # everything or nothing
    assert job.written == {}


def test_a_record_made_elsewhere_between_the_passes_is_reported(world, monkeypatch):
    def make():
        Artifact.objects.create(
            accession_number="S-0001",
            slug="made-meanwhile",
            title_en="Meanwhile",
            object_type=ObjectType.objects.get(code="document"),
        )

    between_the_passes(monkeypatch, make)
    report, _job = run(csv_bytes(rows(3)))
    assert [(p.row, p.message) for p in report.problems] == [
        (1, "The catalogue changed while this import ran: import again.")
    ]
    assert list(Artifact.objects.values_list("accession_number", flat=True)) == [
        "S-0001"
    ]
    assert not Photograph.objects.exists()
