"""A person's page when the person holds much of the catalogue."""

import pytest

from catalog.models import Status
from tests.factories import make_artifact, make_person, make_photograph

pytestmark = pytest.mark.django_db


def test_a_person_with_many_records_shows_a_page_of_each_and_links_the_rest(
    client, monkeypatch
):
    monkeypatch.setattr("exhibition.gallery.views.records.PERSON_RECORDS", 2)
    person = make_person(slug="prolific")
    for n in range(3):
        make_artifact(with_image=False, title_en=f"Work {n}").people.add(person)
    make_artifact(with_image=False, status=Status.DRAFT).people.add(person)
    make_photograph(title_en="Only photograph").people.add(person)
    html = client.get("/people/prolific/").content.decode()
    shown = [n for n in range(3) if f"Work {n}<" in html]
    assert len(shown) == 2
    assert 'href="/collection/?person=prolific">All 3 artifacts in the collection' in (
        html
    )
    # One photograph fits the page: no link to the rest.
    assert "Only photograph" in html and "?kind=photographs&amp;person=" not in html
