"""A large import in bulk: a fixed number of queries per chunk of rows, one history
row per record, unchanged rows left alone, one notice of everything written."""

import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.models import Artifact, Citation
from catalog.transfer import importer
from catalog.transfer.importer import CsvImport, registered_sections
from tests.catalog.transfer.test_importer import csv_bytes

pytestmark = pytest.mark.django_db


def rows(count, start=0, prefix="B", **changes):
    return [
        {
            "kind": "artifact",
            "accession_number": f"{prefix}-{n:04d}",
            "object_type": "document",
            "title_en": f"Record {n}",
            "title_zh_hans": f"记录{n}",
            "year_from": str(1900 + n % 50),
            "people": f"p{n % 3}|p{(n + 1) % 3}",
            "sections": f"s{n % 2}",
            "citations": f"src: p. {n}",
            **changes,
        }
        for n in range(start, start + count)
    ]


def run(data, **kwargs):
    job = CsvImport(data, None, sections=registered_sections(), **kwargs)
    return job.run(), job


def import_queries(data):
    with CaptureQueriesContext(connection) as queries:
        report, _job = run(data)
    assert report.ok, report.problems
    return [q["sql"] for q in queries]


def queries_to_import(data):
    return len(import_queries(data))


def test_fifty_and_five_hundred_rows_import_in_the_same_number_of_queries(world):
    """One chunk either way; only the inserts may split further, where the database
    limits the parameters of one statement (SQLite: 999)."""
    run(csv_bytes(rows(1, start=900)))  # content types cached, as in a running site
    fifty = import_queries(csv_bytes(rows(50)))
    five_hundred = import_queries(csv_bytes(rows(500, start=50)))

    def others(sqls):
        return [sql for sql in sqls if not sql.startswith("INSERT")]

    assert len(others(five_hundred)) == len(others(fifty))
    inserts = len(five_hundred) - len(others(five_hundred))
    # Each row: the record, its history row, two people and their history rows,
    # a citation, a place in a section.
    assert inserts <= 500 * 8 / 20  # many rows to a statement
    assert Artifact.objects.count() == 551


def test_each_further_chunk_of_rows_costs_the_same_few_queries(world, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 50)
    run(csv_bytes(rows(1, start=900)))
    one_chunk = queries_to_import(csv_bytes(rows(50)))
    two_chunks = queries_to_import(csv_bytes(rows(100, start=100)))
    ten_chunks = queries_to_import(csv_bytes(rows(500, start=300)))
    per_chunk = two_chunks - one_chunk
    assert 0 < per_chunk <= 25
    assert ten_chunks == one_chunk + 9 * per_chunk


def test_every_row_is_written_with_its_links_and_one_history_row(world, curator):
    report, _job = run(csv_bytes(rows(30)), user=curator)
    assert report.counts[("artifact", "created")] == 30
    artifact = Artifact.objects.get(accession_number="B-0004")
    assert artifact.title_zh_hans == "记录4" and artifact.year_from == 1904
    assert {p.slug for p in artifact.people.all()} == {"p1", "p2"}
    assert [c.locator for c in artifact.citations.all()] == ["p. 4"]
    assert [item.section.slug for item in artifact.section_items.all()] == ["s0"]
    assert [i.position for i in world["sections"][0].items.order_by("position")] == [
        *range(1, 16)
    ]
    entry = artifact.history.get()
    assert (entry.history_type, entry.history_change_reason) == ("+", "imported")
    assert entry.history_user == curator
    assert {link.person.slug for link in entry.people.all()} == {"p1", "p2"}


def test_reimporting_an_unchanged_file_writes_nothing(world):
    data = csv_bytes(rows(40))
    run(data)
    stamps = dict(Artifact.objects.values_list("pk", "updated_at"))
    with CaptureQueriesContext(connection) as queries:
        report, job = run(data)
    assert dict(report.counts) == {("artifact", "unchanged"): 40}
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
        and "django_session" not in q["sql"]
    ]
    assert writes == []
    assert dict(Artifact.objects.values_list("pk", "updated_at")) == stamps
    assert Artifact.history.count() == 40
    assert job.written == {}


def test_a_changed_row_among_unchanged_ones_is_the_only_one_written(world):
    run(csv_bytes(rows(20)))
    changed = rows(20)
    changed[7] = {**changed[7], "title_en": "Renamed", "people": "p0"}
    changed[9] = {**changed[9], "citations": "src: p. 99"}
    report, job = run(csv_bytes(changed))
    assert dict(report.counts) == {
        ("artifact", "unchanged"): 18,
        ("artifact", "updated"): 2,
    }
    renamed = Artifact.objects.get(accession_number="B-0007")
    assert renamed.title_en == "Renamed"
    assert [p.slug for p in renamed.people.all()] == ["p0"]
    assert renamed.history.latest().history_type == "~"
    assert [link.person.slug for link in renamed.history.latest().people.all()] == [
        "p0"
    ]
    recited = Artifact.objects.get(accession_number="B-0009")
    assert [c.locator for c in recited.citations.all()] == ["p. 99"]
    assert Citation.objects.count() == 20
    assert sorted(job.written[Artifact]) == sorted([renamed.pk, recited.pk])


def test_a_bad_row_in_a_later_chunk_leaves_the_earlier_chunks_unwritten(
    world, monkeypatch
):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 10)
    data = rows(35)
    data[31] = {**data[31], "people": "Nobody"}
    report, _job = run(csv_bytes(data))
    assert [(p.row, p.column) for p in report.problems] == [(33, "people")]
    assert not Artifact.objects.exists()


def test_what_was_written_is_announced_once_after_the_last_row(world):
    heard = []

    def listener(sender, written, **kwargs):
        heard.append({model: sorted(pks) for model, pks in written.items()})
        assert Artifact.objects.count() == 25  # every row is in by now

    importer.records_imported.connect(listener, dispatch_uid="test-listener")
    try:
        run(csv_bytes(rows(25)))
    finally:
        importer.records_imported.disconnect(dispatch_uid="test-listener")
    assert heard == [{Artifact: sorted(Artifact.objects.values_list("pk", flat=True))}]


def test_a_slug_another_artifact_has_is_refused_as_the_model_would(world):
    run(csv_bytes(rows(1)))
    report, _job = run(csv_bytes(rows(1, start=5, slug="record-0-b-0000")))
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (2, "slug", "Artifact with this Slug already exists.")
    ]


def test_a_row_without_a_title_in_any_language_is_refused(world):
    report, _job = run(csv_bytes(rows(1, title_en="", title_zh_hans="")))
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (2, "title_en", "This field cannot be blank.")
    ]


def test_the_command_shows_rows_per_second_and_time_left(world, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes(rows(3)))
    err = StringIO()
    call_command("import_collection", path, stdout=StringIO(), stderr=err)
    assert re.search(r"checking \[#+\] 3/3 [\d,]+ rows/s, 0 s left", err.getvalue())
    assert re.search(r"importing \[#+\] 3/3 [\d,]+ rows/s", err.getvalue())


def test_the_admin_page_shows_rows_per_second(curator_client, world):
    response = curator_client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {"csv_file": SimpleUploadedFile("rows.csv", csv_bytes(rows(3)))},
    )
    page = b"".join(response.streaming_content).decode()
    assert re.search(r"Importing 3 / 3 · [\d,]+ rows per second</div>", page), page
    assert Artifact.objects.count() == 3
