"""Anonymous pages are cached per language; content changes show at once."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Status
from tests.factories import make_artifact

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("version_trusted_from_the_cache"),
]


def test_a_second_visit_is_served_from_the_cache(client, shown):
    first = client.get("/exhibitions/first/rescue/")
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/exhibitions/first/rescue/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert len(queries) == 0  # the version comes from the cache too


def test_a_lost_version_in_the_cache_heals_from_the_database(
    client, shown, monkeypatch
):
    from exhibition import page_cache

    first = client.get("/exhibitions/first/rescue/")
    caches["default"].delete(page_cache.VERSION_KEY)  # e.g. evicted
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/exhibitions/first/rescue/")
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert len(queries) == 1  # the content version, read back into the cache
    assert caches["default"].get(page_cache.VERSION_KEY) is not None


def test_a_change_the_cache_missed_shows_within_the_next_check(
    client, shown, monkeypatch
):
    from exhibition import page_cache
    from exhibition.models import ContentVersion

    client.get("/exhibitions/first/rescue/")
    shown.title_en = "Rib shears, retitled"
    shown.save()
    # As if the publishing worker's write to the cache had been lost.
    ContentVersion.objects.filter(pk=1).update(value=1000)
    caches["default"].set(page_cache.VERSION_KEY, 1)
    monkeypatch.setattr(page_cache, "CHECK_EVERY", 0)  # the second has passed
    response = client.get("/exhibitions/first/rescue/")
    assert "Rib shears, retitled" in response.content.decode()


def test_a_cached_page_is_served_while_the_database_is_away(client, shown, monkeypatch):
    from exhibition import page_cache

    first = client.get("/exhibitions/first/rescue/")

    def away():
        from django.db import OperationalError

        raise OperationalError("connection refused")

    monkeypatch.setattr(page_cache, "database_version", away)
    monkeypatch.setattr(page_cache, "CHECK_EVERY", 0)
    second = client.get("/exhibitions/first/rescue/")
    assert second.status_code == 200 and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "Content-Security-Policy" in second  # kept from when it was stored


def test_editing_a_record_shows_at_once(client, shown):
    client.get("/exhibitions/first/rescue/")
    shown.title_en = "Rib shears designed in Montreal"
    shown.save()
    response = client.get("/exhibitions/first/rescue/")
    assert response["X-Page-Cache"] == "miss"
    assert "Rib shears designed in Montreal" in response.content.decode()


def test_unpublishing_removes_a_record_from_cached_pages_at_once(client, shown):
    assert "Rib shears" in client.get("/exhibitions/first/rescue/").content.decode()
    shown.status = Status.WITHDRAWN
    shown.save()
    assert "Rib shears" not in client.get("/exhibitions/first/rescue/").content.decode()
    assert client.get("/artifacts/rib-shears/").status_code == 404


def test_languages_are_cached_separately(client, shown):
    english = client.get("/exhibitions/first/rescue/")
    chinese = client.get("/zh-hans/exhibitions/first/rescue/")
    assert chinese["X-Page-Cache"] == "miss"
    assert '<html lang="zh-hans">' in chinese.content.decode()
    assert '<html lang="en">' in english.content.decode()


def test_curators_are_never_served_or_stored_in_the_cache(client, shown, curator):
    client.force_login(curator)
    draft = make_artifact(
        slug="draft-thing", title_en="Draft thing", status=Status.DRAFT
    )
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200 and "X-Page-Cache" not in response
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_record_held_in_the_worker_is_replaced_when_the_version_moves(
    client, shown, settings
):
    """Detail pages keep their record unpickled in the worker; a retitle (a new
    version) is shown at once, on the detail page itself and with the page cache off."""
    settings.PAGE_CACHE_SECONDS = 0
    assert "Rib shears" in client.get("/artifacts/rib-shears/").content.decode()
    shown.title_en = "Rib shears, held no longer"
    shown.save()
    assert "held no longer" in client.get("/artifacts/rib-shears/").content.decode()
    shown.status = Status.WITHDRAWN
    shown.save()
    assert client.get("/artifacts/rib-shears/").status_code == 404


def test_a_drafts_not_found_page_is_not_kept_by_browsers(client, shown):
    draft = make_artifact(
        slug="coming-soon", title_en="Coming soon", status=Status.DRAFT
    )
    answer = client.get(draft.get_absolute_url())
    assert answer.status_code == 404
    assert "max-age" not in answer["Cache-Control"]
    assert "no-cache" in answer["Cache-Control"]
    draft.status = Status.PUBLISHED
    draft.save()
    assert client.get(draft.get_absolute_url()).status_code == 200
