"""Counting on the request path: every channel counts in the cache, a cached page
too, and nothing is written to the database; crawlers and curators never count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Status
from exhibition.models import Channel, UseCount
from exhibition.stats import counter
from exhibition.stats.flush import flush
from tests.exhibition.stats.conftest import BROWSER
from tests.factories import make_artifact, make_clip, make_person, make_photograph

pytestmark = pytest.mark.django_db
WRITES = ("INSERT", "UPDATE", "DELETE")


def written(queries):
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]


def uses(record, channel):
    flush()
    return UseCount.objects.of(record).filter(channel=channel).total()


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DEBUG = False


@pytest.mark.parametrize(
    "make, address",
    [
        (make_artifact, "/artifacts/{}/"),
        (make_photograph, "/photographs/{}/"),
        (make_person, "/people/{}/"),
    ],
)
def test_a_record_page_view_counts_one_web_use_without_a_database_write(
    visitor, make, address
):
    record = make()
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert visitor.get(address.format(record.slug)).status_code == 200
    assert written(queries.captured_queries) == []
    assert UseCount.objects.count() == 0  # still in the cache
    assert uses(record, Channel.WEB) == 3


def test_a_page_answered_from_the_page_cache_still_counts(visitor, page_cache):
    artifact = make_artifact(slug="kettle")
    assert visitor.get("/artifacts/kettle/")["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        for _ in range(4):
            assert visitor.get("/artifacts/kettle/")["X-Page-Cache"] == "hit"
    assert queries.captured_queries == []  # not even a read
    assert uses(artifact, Channel.WEB) == 5


def test_a_cached_page_of_another_kind_counts_nothing(visitor, page_cache):
    make_artifact(slug="kettle")
    for _ in range(2):
        visitor.get("/collection/")
    flush()
    assert UseCount.objects.count() == 0


def test_a_label_scan_counts_in_the_cache(visitor):
    artifact = make_artifact(accession_number="2001.5")
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get("/o/2001.5").status_code == 302
    assert written(queries.captured_queries) == []
    assert uses(artifact, Channel.SCAN) == 1


def test_an_iiif_manifest_request_counts_also_from_the_page_cache(visitor, page_cache):
    photograph = make_photograph(slug="harbour")
    with CaptureQueriesContext(connection) as queries:
        for _ in range(2):
            response = visitor.get("/iiif/photographs/harbour/manifest")
            assert response.status_code == 200
    assert written(queries.captured_queries) == []
    assert response["X-Page-Cache"] == "hit"
    assert uses(photograph, Channel.IIIF) == 2
    assert uses(photograph, Channel.WEB) == 0


def test_the_players_beacon_counts_a_play_of_a_published_clips_record(visitor):
    person = make_person()
    clip = make_clip(person)
    with CaptureQueriesContext(connection) as queries:
        response = visitor.post(f"/uses/play/{clip.pk}")
    assert response.status_code == 204 and response.content == b""
    assert written(queries.captured_queries) == []
    assert uses(person, Channel.AUDIO) == 1


def test_a_play_of_an_audio_guide_stop_counts_for_its_section(visitor):
    """Audio-guide stops are clips of sections: their plays count too."""
    from tests.factories import make_section

    section = make_section()
    clip = make_clip(section)
    assert visitor.post(f"/uses/play/{clip.pk}").status_code == 204
    assert uses(section, Channel.AUDIO) == 1


def test_a_draft_records_clip_or_an_unknown_clip_counts_no_play(visitor):
    draft = make_artifact(status=Status.DRAFT)
    clip = make_clip(draft)
    assert visitor.post(f"/uses/play/{clip.pk}").status_code == 204
    assert visitor.post("/uses/play/999999").status_code == 204
    assert visitor.get(f"/uses/play/{clip.pk}").status_code == 405
    flush()
    assert UseCount.objects.count() == 0


def test_the_page_a_visitor_gets_carries_the_players_beacon(visitor):
    artifact = make_artifact(slug="drum")
    clip = make_clip(artifact)
    page = visitor.get("/artifacts/drum/").content.decode()
    assert f'data-play-count="/uses/play/{clip.pk}"' in page


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0 Safari/537.36",
        "W3C-checklink/4.81",
    ],
)
def test_crawlers_and_link_checkers_are_not_counted(client, page_cache, agent):
    artifact = make_artifact(slug="lamp", accession_number="L-1")
    clip = make_clip(artifact)
    for _ in range(2):  # a miss, then a hit
        client.get("/artifacts/lamp/", HTTP_USER_AGENT=agent)
    client.get("/o/L-1", HTTP_USER_AGENT=agent)
    client.post(f"/uses/play/{clip.pk}", HTTP_USER_AGENT=agent)
    client.get("/iiif/artifacts/lamp/manifest", HTTP_USER_AGENT=agent)
    flush()
    assert UseCount.objects.count() == 0


def test_a_browsers_prefetch_is_not_a_view(visitor):
    artifact = make_artifact(slug="cup")
    visitor.get("/artifacts/cup/", HTTP_SEC_PURPOSE="prefetch")
    assert uses(artifact, Channel.WEB) == 0


def test_a_curator_previewing_a_record_or_its_label_is_not_counted(curator_client):
    curator_client.defaults["HTTP_USER_AGENT"] = BROWSER
    published = make_artifact(slug="bell", accession_number="B-1")
    draft = make_artifact(slug="draft-bell", status=Status.DRAFT)
    assert curator_client.get("/artifacts/bell/").status_code == 200
    assert curator_client.get("/artifacts/draft-bell/").status_code == 200
    assert curator_client.get("/o/B-1").status_code == 302
    flush()
    assert UseCount.objects.of(published).count() == 0
    assert UseCount.objects.of(draft).count() == 0


def test_nothing_about_the_visitor_reaches_the_cache_or_the_database(visitor):
    artifact = make_artifact(slug="fan")
    visitor.get("/artifacts/fan/", REMOTE_ADDR="203.0.113.9")
    assert "sessionid" not in visitor.cookies
    key = counter.use_key(counter.timezone.localdate(), "web", "artifact", artifact.pk)
    assert counter.cache.get(key) == 1
    assert "203.0.113.9" not in key and "Chrome" not in key
    flush()
    row = UseCount.objects.get()
    stored = " ".join(str(getattr(row, f.attname)) for f in UseCount._meta.fields)
    assert "203.0.113.9" not in stored and "Chrome" not in stored


def test_a_cache_outage_loses_the_count_not_the_page(visitor, monkeypatch):
    class Away:
        def incr(self, *args, **kwargs):
            return None  # what ResilientRedisCache answers when Redis is down

    make_artifact(slug="vase")
    monkeypatch.setattr(counter, "cache", Away())
    assert visitor.get("/artifacts/vase/").status_code == 200
