"""What visitors see follows what is published at once: a publish, a withdrawal or a
retitle shows on the next view, a draft never shows, and each page type reads a
fixed number of queries."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalog.models import Status
from tests.factories import (
    cite,
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)

# Saves bump the content version when their transaction commits.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gallery():
    exhibition = make_exhibition(slug="voyages", title_en="Voyages")
    section = make_section(exhibition, slug="harbours", title_en="Harbours")
    person = make_person(slug="navigator", name_en="A Navigator")
    feature(exhibition, person)
    artifact = make_artifact(
        slug="sextant", title_en="Brass sextant", title_zh_hans="黄铜六分仪"
    )
    artifact.people.add(person)
    photograph = make_photograph(slug="quay", title_en="The quay at dawn")
    photograph.people.add(person)
    hang(section, artifact, 0)
    hang(section, photograph, 1)
    cite(artifact)
    return {
        "exhibition": exhibition,
        "section": section,
        "person": person,
        "artifact": artifact,
        "photograph": photograph,
    }


PAGES = {
    "home": "/",
    "exhibition": "/exhibitions/voyages/",
    "section": "/exhibitions/voyages/harbours/",
    "collection": "/collection/",
    "collection, photographs": "/collection/?kind=photographs",
    "artifact": "/artifacts/sextant/",
    "photograph": "/photographs/quay/",
    "person": "/people/navigator/",
}
# Queries of the first view after a change (everything read and rendered afresh).
# The collection's facets read the few terms they count after counting them; a
# person's page counts each kind of their records beside the page it shows.
FIRST_VIEW_BUDGET = {
    "home": 6,
    "exhibition": 8,
    "section": 10,
    "collection": 15,
    "collection, photographs": 13,
    "artifact": 12,
    "photograph": 12,
    "person": 13,
}


@pytest.mark.parametrize("name", PAGES)
def test_each_page_type_keeps_to_its_query_budget(client, gallery, name):
    path = PAGES[name]
    client.get(path)  # renditions are made on the first view ever
    gallery["artifact"].save()  # a new content version: nothing stored applies
    with CaptureQueriesContext(connection) as first:
        assert client.get(path).status_code == 200
    assert len(first) <= FIRST_VIEW_BUDGET[name], [
        q["sql"][:100] for q in first.captured_queries
    ]


@pytest.mark.parametrize(
    "path",
    [
        "/exhibitions/voyages/harbours/",
        "/collection/",
        "/artifacts/sextant/",
        "/people/navigator/",
        "/zh-hans/exhibitions/voyages/harbours/",
    ],
)
def test_a_retitled_record_shows_its_new_title_at_once(client, gallery, path):
    chinese = path.startswith("/zh-hans/")
    assert ("黄铜六分仪" if chinese else "Brass sextant") in client.get(
        path
    ).content.decode()
    artifact = gallery["artifact"]
    artifact.title_en = "Brass octant"
    artifact.title_zh_hans = "黄铜八分仪"
    artifact.save()
    html = client.get(path).content.decode()
    assert "Brass sextant" not in html and "黄铜六分仪" not in html
    assert ("黄铜八分仪" if chinese else "Brass octant") in html


def test_a_published_record_appears_and_a_withdrawn_one_goes(client, gallery):
    section_path = "/exhibitions/voyages/harbours/"
    draft = make_artifact(slug="log-book", title_en="Log book", status=Status.DRAFT)
    hang(gallery["section"], draft, 2)
    for path in (section_path, "/collection/", "/people/navigator/"):
        assert "Log book" not in client.get(path).content.decode()
    draft.people.add(gallery["person"])
    draft.status = Status.PUBLISHED
    draft.save()
    for path in (section_path, "/collection/", "/people/navigator/"):
        assert "Log book" in client.get(path).content.decode(), path
    draft.status = Status.WITHDRAWN
    draft.save()
    for path in (section_path, "/collection/", "/people/navigator/"):
        assert "Log book" not in client.get(path).content.decode(), path
    assert client.get("/artifacts/log-book/").status_code == 404


def test_a_curators_preview_of_a_draft_is_never_served_to_visitors(
    curator_client, gallery, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    make_artifact(slug="chart", title_en="Secret chart", status=Status.DRAFT)
    preview = curator_client.get("/artifacts/chart/")
    assert "Secret chart" in preview.content.decode()
    assert Client().get("/artifacts/chart/").status_code == 404


def test_a_withdrawn_section_stops_showing_its_stored_page(client, gallery):
    path = "/exhibitions/voyages/harbours/"
    assert client.get(path).status_code == 200
    section = gallery["section"]
    section.status = Status.WITHDRAWN
    section.save()
    assert client.get(path).status_code == 404


def test_the_collection_pages_through_cards_read_by_their_ids(client, gallery):
    for n in range(30):
        make_artifact(slug=f"spare-{n}", title_en=f"Spare part {n:02d}", year_from=n)
    first = client.get("/collection/").content.decode()
    second = client.get("/collection/?page=2").content.decode()
    assert first.count('class="card"') == 24
    assert second.count('class="card"') == 31 - 24
    assert "Page 2 of 2" in second
    titles = [f"Spare part {n:02d}" for n in range(30)] + ["Brass sextant"]
    assert all((t in first) != (t in second) for t in titles)
