"""Short addresses: stable names for records, whatever their accession numbers hold."""

import pytest

from catalog.models import Status
from exhibition.labels.addresses import find, short_path
from tests.factories import make_artifact, make_person, make_photograph

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "number, path",
    [
        ("IF-A-001", "/o/IF-A-001"),
        ("1999.2/3", "/o/1999.2/3"),
        ("2024 17 a", "/o/2024%2017%20a"),
        ("L#5?b", "/o/L%235%3Fb"),
    ],
)
def test_an_artifact_s_address_carries_its_accession_number(number, path, client):
    artifact = make_artifact(accession_number=number)
    assert short_path(artifact) == path
    assert find("artifact", number) == artifact


def test_photographs_and_people_are_named_by_id_so_retitling_keeps_the_address():
    photograph = make_photograph(slug="old-title")
    person = make_person()
    before = short_path(photograph)
    photograph.slug = "new-title"
    photograph.save()
    assert short_path(photograph) == before == f"/p/{photograph.pk}"
    assert short_path(person) == f"/b/{person.pk}"


def test_a_typed_number_in_another_case_or_with_a_slash_is_found():
    artifact = make_artifact(accession_number="IF-A-001")
    assert find("artifact", "if-a-001") == artifact
    assert find("artifact", "IF-A-001/") == artifact


def test_drafts_and_unknown_numbers_are_not_found():
    make_artifact(accession_number="D-1", status=Status.DRAFT)
    assert find("artifact", "D-1") is None
    assert find("artifact", "nothing") is None
    assert find("photograph", make_photograph(status=Status.REVIEW).pk) is None
