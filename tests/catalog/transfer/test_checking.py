"""The import's steps apart: reading and checking a file write nothing and hand
over a plan (what would be created, updated or left, and every problem); writing a
plan applies it within the caller's transaction."""

import pytest
from django.db import transaction

from catalog.models import Artifact
from catalog.transfer.checking import check
from catalog.transfer.reading import read_files
from catalog.transfer.sections import registered_sections
from catalog.transfer.writing import write
from tests.catalog.transfer.test_bulk import rows, run
from tests.catalog.transfer.test_importer import csv_bytes

pytestmark = pytest.mark.django_db


def finish(steps):
    """Every ``Progress`` a step yields, and what it returns."""
    progress = []
    while True:
        try:
            progress.append(next(steps))
        except StopIteration as done:
            return progress, done.value


def checked(data):
    files = read_files(data)
    progress, plan = finish(check(files, chunk_rows=10, sections=registered_sections()))
    return files, plan, progress


def test_checking_plans_what_each_row_would_do_and_writes_nothing(world):
    run(csv_bytes(rows(2)))
    data = rows(3)
    data[0] = {**data[0], "title_en": "Renamed"}
    _files, plan, progress = checked(csv_bytes(data))
    assert plan.ok and plan.problems == []
    assert dict(plan.counts) == {
        ("artifact", "to update"): 2,
        ("artifact", "to create"): 1,
    }
    assert dict(plan.unchanged) == {"artifact": 1}
    assert plan.rows.rows == 2  # the renamed row and the new one
    assert [(step.phase, step.done, step.total) for step in progress] == [
        ("checking", 3, 3)
    ]
    assert Artifact.objects.get(accession_number="B-0000").title_en == "Record 0"
    assert not Artifact.objects.filter(accession_number="B-0002").exists()
    plan.rows.close()


def test_a_plan_lists_each_problem_by_row_and_column_and_keeps_no_rows(world):
    data = rows(3)
    data[1] = {**data[1], "people": "Nobody", "year_from": "soon"}
    _files, plan, _progress = checked(csv_bytes(data))
    assert not plan.ok
    assert [(p.row, p.column, p.message) for p in plan.problems] == [
        (3, "year_from", "“soon” is not a year."),
        (3, "people", "Unknown person “Nobody”."),
    ]
    assert plan.rows.rows == 0


def test_an_unreadable_file_gives_a_plan_of_its_one_problem(world):
    _files, plan, progress = checked(b"")
    assert [(p.row, p.message) for p in plan.problems] == [(1, "The file is empty.")]
    assert progress == [] and dict(plan.counts) == {}


def test_writing_a_plan_applies_it_in_the_callers_transaction(world, curator):
    files, plan, _progress = checked(csv_bytes(rows(12)))
    with transaction.atomic():
        progress, written = finish(
            write(plan, files, sections=registered_sections(), user=curator)
        )
    assert written.problems == []
    assert dict(written.counts) == {("artifact", "created"): 12}
    made = Artifact.objects.order_by("pk")
    assert written.records == {Artifact: list(made.values_list("pk", flat=True))}
    assert [(step.phase, step.done) for step in progress] == [
        ("importing", 10),
        ("importing", 12),
    ]
    assert made.first().history.get().history_user == curator
