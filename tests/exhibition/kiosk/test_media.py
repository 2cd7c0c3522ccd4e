"""exhibition/kiosk/media.py: the kiosk plays its records', people's and sections'
clips, and its offline copy keeps them within the kiosk's budget."""

import pytest
from django.urls import reverse

from catalog.models import Status
from tests.factories import (
    hang,
    make_artifact,
    make_clip,
    make_exhibition,
    make_kiosk,
    make_person,
    make_section,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    exhibition = make_exhibition()
    section = make_section(exhibition, slug="boats")
    boat = make_artifact(slug="boat", title_en="A model boat")
    pilot = make_person(slug="pilot", name_en="A pilot")
    boat.people.add(pilot)
    hang(section, boat)
    hidden = make_artifact(slug="hidden", status=Status.DRAFT)
    hang(section, hidden)
    kiosk = make_kiosk(exhibition, slug="hall", media_budget_mb=1)
    kiosk.sections.add(section)
    clips = {
        "section": make_clip(section, title_en="Welcome"),
        "boat": make_clip(boat, name="clip.webm", title_en="Sailing"),
        "pilot": make_clip(pilot, name="tone.mp3", title_en="The pilot"),
        "hidden": make_clip(hidden, title_en="Secret clip"),
    }
    return {"kiosk": kiosk, "clips": clips}


def test_kiosk_pages_play_clips_with_captions_and_transcripts(client, hall):
    clips = hall["clips"]
    pages = {
        "/kiosk/hall/en/": clips["section"],
        "/kiosk/hall/en/artifacts/boat/": clips["boat"],
        "/kiosk/hall/en/people/pilot/": clips["pilot"],
    }
    for url, item in pages.items():
        html = client.get(url).content.decode()
        tag = item.kind
        assert f'<{tag} class="clip__{tag}" controls' in html, url
        assert f'<source src="{item.file_en.url}"' in html, url
        assert 'kind="captions"' in html and "default>" in html, url
        assert item.transcript_en in html, url
    chinese = client.get("/kiosk/hall/zh-hans/artifacts/boat/").content.decode()
    assert f'<source src="{clips["boat"].file_zh_hans.url}"' in chinese
    assert clips["boat"].transcript_zh_hans in chinese


def test_the_offline_copy_keeps_every_clip_within_the_budget(client, hall):
    media = client.get("/kiosk/hall/precache.json").json()["media"]
    for key in ("section", "boat", "pilot"):
        item = hall["clips"][key]
        for field in ("file_en", "file_zh_hans", "captions_en", "captions_zh_hans"):
            assert getattr(item, field).url in media
    hidden = hall["clips"]["hidden"]
    assert hidden.file_en.url not in media
    assert "Secret clip" not in client.get("/kiosk/hall/en/").content.decode()


def test_clips_over_the_budget_are_left_out_and_the_admin_says_so(
    client, curator_client, hall, monkeypatch
):
    kiosk = hall["kiosk"]
    section_clip = hall["clips"]["section"]
    kiosk.media_budget_mb = 0
    kiosk.save()
    assert client.get("/kiosk/hall/precache.json").json()["media"] == []
    from exhibition.kiosk import media

    # One "megabyte" is exactly the first clip a visitor meets.
    monkeypatch.setattr(media, "MEGABYTE", section_clip.bytes_total)
    kiosk.media_budget_mb = 1
    kiosk.save()
    kept = client.get("/kiosk/hall/precache.json").json()["media"]
    assert section_clip.file_en.url in kept
    assert hall["clips"]["boat"].file_en.url not in kept
    page = curator_client.get(reverse("admin:exhibition_kiosk_change", args=[kiosk.pk]))
    html = page.content.decode()
    assert "1 clips" in html and "kept for offline running" in html
    assert (
        "Left out, over the budget" in html
        and "Sailing" in html
        and "The pilot" in html
    )


def test_changing_a_clip_changes_the_kiosk_version(client, hall):
    before = client.get("/kiosk/hall/version.json").json()["version"]
    item = hall["clips"]["boat"]
    item.transcript_en = "A new transcript."
    item.save()
    after = client.get("/kiosk/hall/version.json").json()["version"]
    assert before != after


def test_the_service_worker_keeps_media_and_answers_range_requests(client, hall):
    body = client.get("/kiosk/hall/sw.js").content.decode()
    assert "list.media" in body
    assert "status: 206" in body and "Content-Range" in body
