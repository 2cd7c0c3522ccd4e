"""The people list a page at a time, with filters kept across pages."""

import pytest

from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_the_people_list_comes_a_page_at_a_time_and_counts_everyone(
    client, monkeypatch
):
    monkeypatch.setattr("exhibition.gallery.views.pages.PEOPLE_PAGE_SIZE", 2)
    for name in ("Ada Quill", "Bo Quill", "Cy Quill"):
        make_person(name_en=name, nationalities="CA")
    make_person(name_en="Di Quill", nationalities="US")
    first = client.get("/people/", {"nationality": "CA"}).content.decode()
    assert "3 biographies" in first
    assert "Ada Quill" in first and "Bo Quill" in first
    assert "Cy Quill" not in first
    assert 'href="?nationality=CA&amp;page=2"' in first
    second = client.get("/people/", {"nationality": "CA", "page": 2}).content.decode()
    assert "Cy Quill" in second
    assert "Ada Quill" not in second and "Di Quill" not in second
