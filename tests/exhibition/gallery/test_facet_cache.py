"""After a change the collection serves the previous counts while they are counted
again in the background: never a draft, and right once the recount is done."""

import re

import pytest

from catalog.models import Status
from exhibition.gallery import facet_cache
from tests.factories import make_artifact, make_person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def recounts(monkeypatch):
    """Background recounts queued here, to be run when the test says."""
    queued = []
    monkeypatch.setattr(facet_cache, "in_background", queued.append)
    return queued


def shown_total(html):
    return int(re.search(r'id="results-heading"[^>]*>(\d+) record', html).group(1))


def type_count(html, code):
    match = re.search(
        rf'name="type" value="{code}"[^>]*> <span>[^<]*</span> '
        r'<span class="count">(\d+)</span>',
        html,
    )
    return int(match.group(1)) if match else 0


@pytest.fixture
def counted(client, recounts):
    for n in range(2):
        make_artifact(title_en=f"Letter {n}", object_type="document")
    html = client.get("/collection/").content.decode()
    assert shown_total(html) == 2 and type_count(html, "document") == 2
    assert recounts == []  # nothing counted before: counted while the page waited
    return client


def test_a_draft_saved_is_never_counted_nor_shown(counted, recounts):
    make_artifact(title_en="Unfinished draft", status=Status.DRAFT)
    html = counted.get("/collection/").content.decode()
    assert "Unfinished draft" not in html
    assert shown_total(html) == 2
    for job in recounts:
        job()
    html = counted.get("/collection/").content.decode()
    assert "Unfinished draft" not in html
    assert shown_total(html) == 2 and type_count(html, "document") == 2


def test_after_a_publish_the_previous_counts_serve_until_the_recount(counted, recounts):
    make_artifact(title_en="New letter", object_type="document")
    html = counted.get("/collection/").content.decode()
    assert "New letter" in html  # the records themselves are read live
    assert shown_total(html) == 2  # the counts of the version before
    assert len(recounts) == 1
    counted.get("/collection/")
    assert len(recounts) == 1  # one recount per filter state, not one per view
    recounts.pop()()
    html = counted.get("/collection/").content.decode()
    assert shown_total(html) == 3 and type_count(html, "document") == 3


def test_a_filter_state_never_counted_is_counted_while_the_page_waits(
    counted, recounts
):
    make_artifact(title_en="A map", object_type="map")
    html = counted.get("/collection/?type=map").content.decode()
    assert shown_total(html) == 1
    assert recounts == []


def test_a_failed_recount_leaves_the_previous_counts(counted, recounts, monkeypatch):
    make_artifact(title_en="New letter", object_type="document")
    counted.get("/collection/")

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(facet_cache, "build_facets", broken)
    recounts.pop()()  # logged, not raised: the visitor was already answered
    assert shown_total(counted.get("/collection/").content.decode()) == 2


def test_a_withdrawn_person_leaves_the_facets_once_recounted_despite_the_page_cache(
    client, recounts, settings
):
    settings.PAGE_CACHE_SECONDS = 600
    person = make_person(slug="ada-withdrawn", name_en="Ada Withdrawn")
    make_artifact(title_en="Her letter").people.add(person)
    assert (
        'name="person" value="ada-withdrawn"'
        in client.get("/collection/").content.decode()
    )
    person.status = Status.WITHDRAWN
    person.save()
    assert client.get("/people/ada-withdrawn/").status_code == 404
    client.get("/collection/")  # the previous counts, while they are counted again
    for job in recounts:
        job()
    # Counts of the old version were never stored as the new version's page.
    html = client.get("/collection/").content.decode()
    assert "ada-withdrawn" not in html and "Ada Withdrawn" not in html


def test_a_recount_starts_once_when_two_requests_finish_at_once():
    import threading

    from exhibition.gallery.facet_cache import StartOnce

    ran, errors = [], []
    start = StartOnce(threading.Thread(target=lambda: ran.append(1)))
    together = threading.Barrier(8)

    def finish():
        together.wait()
        try:
            start()
        except RuntimeError as error:  # "threads can only be started once"
            errors.append(error)

    finishing = [threading.Thread(target=finish) for _ in range(8)]
    for thread in finishing:
        thread.start()
    for thread in finishing:
        thread.join()
    start.thread.join()
    assert errors == [] and ran == [1]
