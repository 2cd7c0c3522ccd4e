"""Scanning a label: one counted scan, then the record's page in the visitor's
language; drafts and unknown addresses get the friendly 404."""

import pytest
from django.conf import settings

from catalog.models import Status
from exhibition.models import UseCount
from exhibition.stats.flush import flush
from tests.factories import make_artifact, make_person, make_photograph

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def artifact():
    return make_artifact(slug="brass-compass", accession_number="1999.2/3 b")


def scans(record):
    flush()  # scans wait in the cache until a flush writes them
    return UseCount.objects.of(record).filter(channel="scan").total()


@pytest.mark.parametrize(
    "headers, page",
    [
        ({}, "/artifacts/brass-compass/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.8"}, "/artifacts/brass-compass/"),
        (
            {"HTTP_ACCEPT_LANGUAGE": "zh-CN,zh;q=0.9"},
            "/zh-hans/artifacts/brass-compass/",
        ),
    ],
)
def test_a_scan_redirects_to_the_page_in_the_visitor_s_language_and_counts_once(
    client, artifact, production_like, headers, page
):
    response = client.get("/o/1999.2/3%20b", **headers)
    assert response.status_code == 302
    assert response["Location"] == page
    assert scans(artifact) == 1
    assert client.get(page).status_code == 200


def test_the_language_cookie_wins_over_the_browser_s_language(
    client, artifact, production_like
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    response = client.get("/o/1999.2/3 b", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/zh-hans/artifacts/brass-compass/"


def test_every_scan_counts_even_with_the_page_cache_on(
    client, artifact, production_like
):
    for _ in range(3):
        response = client.get("/o/1999.2/3 b")
        assert response.status_code == 302
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response
    assert scans(artifact) == 3


def test_a_scan_sets_no_cookie(client, artifact, production_like):
    response = client.get("/o/1999.2/3 b")
    assert not response.cookies
    assert "Accept-Language" in response["Vary"]


def test_a_head_request_redirects_without_counting(client, artifact):
    assert client.head("/o/1999.2/3 b").status_code == 302
    assert scans(artifact) == 0


def test_photographs_and_people_have_short_addresses_too(client, production_like):
    photograph = make_photograph(slug="harbour")
    person = make_person(slug="a-doctor")
    response = client.get(f"/p/{photograph.pk}", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response["Location"] == "/zh-hans/photographs/harbour/"
    assert client.get(f"/b/{person.pk}/")["Location"] == "/people/a-doctor/"
    assert scans(photograph) == 1 and scans(person) == 1


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_an_unpublished_record_s_address_is_the_friendly_404_and_counts_nothing(
    client, production_like, status, curator
):
    draft = make_artifact(accession_number="D-7", status=status)
    for visitor in ("anonymous", "curator"):
        if visitor == "curator":
            client.force_login(curator)
        response = client.get("/o/D-7")
        assert response.status_code == 404
        assert "We could not find that page" in response.content.decode()
    flush()
    assert UseCount.objects.of(draft).count() == 0


def test_an_unknown_address_is_the_404_in_the_visitor_s_language(
    client, production_like
):
    response = client.get("/o/NO-SUCH", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 404
    assert 'lang="zh-hans"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    flush()
    assert UseCount.objects.count() == 0
