"""The index follows the catalogue: published records in, anything else out, on
save, on people's changes, in bulk after an import, and rebuilt by command."""

from io import StringIO

import pytest
from django.core.management import call_command

from catalog.models import Artifact, SearchEntry, Status
from catalog.search.index import index_needs_building, reindex, reindex_records
from tests.factories import make_artifact, make_person, make_photograph

pytestmark = pytest.mark.django_db


def entry(record, kind="artifact"):
    return SearchEntry.objects.filter(kind=kind, record_id=record.pk).first()


def test_a_published_record_is_indexed_with_its_weighted_texts():
    artifact = make_artifact(
        title_en="Bronze astrolabe", title_zh_hans="铜星盘",
        description_en="Found at sea.", accession_number="NAV-1400-003",
        place_en="Quanzhou", year_from=1400,
    )  # fmt: skip
    found = entry(artifact)
    assert "astrolabe" in found.title and "星盘" in found.title.split()
    assert "accnav1400003" in found.title and found.accession == "nav1400003"
    assert "Quanzhou" in found.names and "Found at sea." in found.body
    assert found.year == 1400


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_records_that_are_not_published_are_not_indexed(status):
    assert entry(make_artifact(status=status)) is None
    assert entry(make_photograph(status=status), "photograph") is None
    assert entry(make_person(status=status), "person") is None


def test_withdrawing_or_deleting_a_record_takes_it_out_of_the_index():
    artifact, photograph = make_artifact(), make_photograph()
    artifact.status = Status.WITHDRAWN
    artifact.save()
    assert entry(artifact) is None
    pk = photograph.pk
    photograph.delete()
    assert not SearchEntry.objects.filter(kind="photograph", record_id=pk).exists()


def test_a_records_people_are_searchable_with_it_and_follow_renames():
    person = make_person(name_en="Zheng He", name_zh_hans="郑和")
    artifact = make_artifact()
    artifact.people.add(person)
    assert "Zheng He" in entry(artifact).names
    person.name_en = "Admiral Zheng He"
    person.save()
    assert "Admiral Zheng He" in entry(artifact).names
    person.artifacts.remove(artifact)
    assert "Zheng" not in entry(artifact).names


def test_an_unpublished_persons_name_stays_out_of_their_records():
    artifact = make_artifact()
    artifact.people.add(make_person(name_en="Secret Name", status=Status.DRAFT))
    assert "Secret" not in entry(artifact).names


def test_bulk_reindex_writes_records_created_without_signals():
    artifact = make_artifact()
    made = Artifact.objects.bulk_create(
        [
            Artifact(
                slug=f"bulk-{n}", accession_number=f"B-{n}", title_en=f"Bulk {n}",
                object_type=artifact.object_type, status=Status.PUBLISHED,
            )
            for n in range(3)
        ]
    )  # fmt: skip
    pks = list(
        Artifact.objects.filter(slug__startswith="bulk-").values_list("pk", flat=True)
    )
    assert not SearchEntry.objects.filter(record_id__in=pks, kind="artifact").exists()
    reindex_records(Artifact.objects.filter(pk__in=pks))
    assert SearchEntry.objects.filter(record_id__in=pks, kind="artifact").count() == 3
    reindex(Artifact, pks)  # again: nothing doubles
    assert SearchEntry.objects.filter(
        record_id__in=pks, kind="artifact"
    ).count() == len(made)


def test_the_command_rebuilds_the_whole_index():
    make_artifact(), make_photograph(), make_person()
    SearchEntry.objects.all().delete()
    assert index_needs_building()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "1 artifact, 1 photograph, 1 person" in out.getvalue()
    assert SearchEntry.objects.count() == 3
    assert not index_needs_building()


@pytest.fixture
def without_save_signals():
    """As a bulk-writing import sees it: no signal per saved record."""
    from django.db.models.signals import post_save

    from catalog.search.signals import RECORDS, connect, saved

    for model in RECORDS:
        post_save.disconnect(
            saved, sender=model, dispatch_uid=f"search-{model._meta.label}-save"
        )
    yield
    connect()


def test_an_import_indexes_what_it_wrote_in_one_bulk_call(
    curator, tmp_path, without_save_signals
):
    from tests.catalog.transfer.test_importer import csv_bytes, run

    # An import never publishes: it changes a published record (a head curator's
    # file) and adds a draft, which the index leaves out.
    make_artifact(
        object_type="publication", accession_number="IMP-9", title_en="Old title"
    )
    row = {"kind": "artifact", "object_type": "publication"}
    rows = [
        {**row, "accession_number": "IMP-9", "title_en": "Imported astrolabe"},
        {**row, "accession_number": "IMP-10", "title_en": "Imported draft"},
    ]  # fmt: skip
    report = run(csv_bytes(rows), tmp_path, user=curator)
    assert not report.problems
    published = Artifact.objects.get(accession_number="IMP-9")
    assert "astrolabe" in entry(published).title
    assert entry(Artifact.objects.get(accession_number="IMP-10")) is None
