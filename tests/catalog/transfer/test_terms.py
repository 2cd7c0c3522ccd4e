"""The import's vocabulary: codes or labels in either language, and new terms."""

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Artifact, Nationality, ObjectType, Person
from catalog.transfer.importer import CsvImport
from tests.catalog.transfer.test_importer import ARTIFACT, BIOGRAPHY, collection_json
from tests.catalog.transfer.test_importer import csv_bytes as rows_csv
from tests.factories import make_source, term

pytestmark = pytest.mark.django_db

NEW_TYPE = {
    **ARTIFACT,
    "accession_number": "NEW-1",
    "object_type": "on paper, print",
    "people": "",
    "sections": "",
    "citations": "",
    "images": "",
    "alt_text_en": "",
    "alt_text_zh_hans": "",
}


@pytest.fixture
def terms():
    # Only the terms below: the seeded lists depend on which tests ran before.
    ObjectType.objects.all().delete()
    Nationality.objects.all().delete()
    make_source(key="nmc")
    term(ObjectType, "publication")
    term(Nationality, "CA")
    painting = ObjectType.objects.create(
        code="painting", label_en="Painting", label_zh_hans="绘画"
    )
    return painting


def run(rows, **options):
    return CsvImport(rows_csv(rows), None, **options).run()


def test_an_unknown_object_type_is_refused_naming_row_column_and_value(terms):
    report = run(
        [{**NEW_TYPE, "accession_number": "OK-1", "object_type": "painting"}, NEW_TYPE]
    )
    assert [str(p) for p in report.problems] == [
        "Row 3, column object_type: “on paper, print” is not a known object type. "
        "Known: painting, publication."
    ]
    assert not Artifact.objects.exists()


def test_the_create_terms_option_makes_the_missing_type_and_links_the_record(terms):
    report = run(
        [NEW_TYPE, {**NEW_TYPE, "accession_number": "NEW-2"}], create_terms=True
    )
    assert report.ok, [str(p) for p in report.problems]
    made = ObjectType.objects.get(code="on-paper-print")
    assert made.label_en == "on paper, print" and not made.label_zh_hans
    assert set(Artifact.objects.values_list("object_type__code", flat=True)) == {
        "on-paper-print"
    }
    assert ObjectType.objects.without_chinese_label().filter(pk=made.pk).exists()


@pytest.mark.parametrize("value", ["PAINTING", "painting", "Painting", "绘画"])
def test_an_object_type_is_found_by_code_or_label_in_either_language(terms, value):
    report = run([{**NEW_TYPE, "object_type": value}])
    assert report.ok, [str(p) for p in report.problems]
    assert Artifact.objects.get().object_type == terms


def test_nationalities_by_label_and_new_ones_with_the_option(terms):
    biography = {
        **BIOGRAPHY,
        "roles": [],
        "citations": [],
        "nationalities": ["canada", "Maya"],
    }
    extras = collection_json(biography, roles=())
    refused = CsvImport(
        rows_csv([NEW_TYPE]), None, extras=extras, create_terms=True
    ).run()
    assert refused.ok, [str(p) for p in refused.problems]
    person = Person.objects.get(slug="bethune")
    assert sorted(n.code for n in person.nationalities.all()) == ["CA", "maya"]


def test_the_command_documents_and_takes_create_terms(terms, tmp_path):
    path = tmp_path / "new.csv"
    path.write_bytes(rows_csv([NEW_TYPE]))
    with pytest.raises(CommandError):
        call_command("import_collection", str(path))
    call_command("import_collection", str(path), "--create-terms")
    assert Artifact.objects.get().object_type.code == "on-paper-print"


def test_long_catalogue_texts_save_import_and_render(terms, client):
    long = {
        **NEW_TYPE,
        "object_type": "painting",
        "status": "published",
        "title_en": "T" * 320,
        "dimensions": "D" * 250,
        "credit_line_en": "C" * 800,
    }
    report = run([long])
    assert report.ok, [str(p) for p in report.problems]
    artifact = Artifact.objects.get()
    assert len(artifact.title_en) == 320 and len(artifact.credit_line_en) == 800
    html = client.get(artifact.get_absolute_url()).content.decode()
    assert "T" * 320 in html and "C" * 800 in html
