"""exhibition/gallery/views/audio.py and the players on record pages: clips with
transcripts for anonymous visitors in both languages, the audio guide and its
number box, and no draft's recording linked anywhere public."""

import re

import pytest
from django.test import override_settings

from catalog.models import Status
from exhibition.models import AudioStop
from tests.factories import (
    hang,
    make_artifact,
    make_clip,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = [
    "/",
    "/exhibitions/",
    "/exhibitions/harbour/",
    "/exhibitions/harbour/boats/",
    "/exhibitions/harbour/audio/",
    "/exhibitions/harbour/audio/1/",
    "/exhibitions/harbour/audio/2/",
    "/collection/",
    "/people/",
    "/search/?q=Clip",
    "/sitemap.xml",
]


@pytest.fixture
def harbour():
    exhibition = make_exhibition(slug="harbour", title_en="The Harbour")
    section = make_section(exhibition, slug="boats", title_en="Boats")
    boat = make_artifact(slug="boat", title_en="A model boat")
    hang(section, boat)
    pilot = make_person(slug="pilot", name_en="A harbour pilot")
    photo = make_photograph(slug="quay", title_en="The quay")
    hang(section, photo)
    clips = {
        "section": make_clip(section, title_en="Welcome to the boats"),
        "artifact": make_clip(
            boat,
            name="clip.webm",
            title_en="The boat sailing",
            transcript_en="Water laps against the hull.",
            transcript_zh_hans="水拍打着船身。",
        ),
        "person": make_clip(pilot, name="tone.mp3", title_en="The pilot speaks"),
        "photograph": make_clip(photo, name="tone.m4a", title_en="On the quay"),
    }
    AudioStop.objects.create(exhibition=exhibition, number=1, media=clips["section"])
    AudioStop.objects.create(exhibition=exhibition, number=2, media=clips["artifact"])
    # Drafts: a record, a section and an exhibition whose clips must stay hidden.
    hidden = [
        make_clip(make_artifact(slug="secret", status=Status.DRAFT), title_en="Secret"),
        make_clip(
            make_section(exhibition, slug="later", status=Status.DRAFT),
            title_en="Later",
        ),
        make_clip(
            make_exhibition(slug="next-year", status=Status.DRAFT), title_en="Soon"
        ),
    ]
    AudioStop.objects.create(exhibition=exhibition, number=9, media=hidden[0])
    return {"exhibition": exhibition, "clips": clips, "hidden": hidden}


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/artifacts/boat/", "artifact"),
        ("/photographs/quay/", "photograph"),
        ("/people/pilot/", "person"),
        ("/exhibitions/harbour/boats/", "section"),
    ],
)
def test_record_pages_play_their_clips_with_transcript_and_captions(
    client, harbour, path, kind
):
    item = harbour["clips"][kind]
    html = client.get(path).content.decode()
    tag = "video" if item.kind == "video" else "audio"
    assert f'<{tag} class="clip__{tag}" controls' in html
    assert (
        f'<source src="{item.file_en.url}" type="{item.file_info["en"]["mime"]}">'
        in html
    )
    assert re.search(
        rf'<track kind="captions" src="{re.escape(item.captions_en.url)}" '
        r'srclang="en" label="English" default>',
        html,
    )
    assert "<summary>Transcript</summary>" in html
    assert item.transcript_en in html


def test_the_chinese_page_plays_the_chinese_file_and_transcript(client, harbour):
    item = harbour["clips"]["artifact"]
    html = client.get("/zh-hans/artifacts/boat/").content.decode()
    assert f'<source src="{item.file_zh_hans.url}"' in html
    assert '<div class="prose" lang="zh-Hans"><p>水拍打着船身。</p>' in html
    assert 'srclang="zh-Hans" label="中文" default' in html
    assert "<summary>文字稿</summary>" in html


def test_no_draft_recording_is_linked_from_any_public_page(client, harbour):
    hidden = {
        getattr(item, f"{field}_{suffix}").name
        for item in harbour["hidden"]
        for field in ("file", "captions")
        for suffix in ("en", "zh_hans")
    }
    for language in ("", "/zh-hans"):
        for path in PUBLIC_PAGES:
            response = client.get(language + path, follow=True)
            html = response.content.decode()
            assert not any(name in html for name in hidden), path
            assert "Secret" not in html and "Soon" not in html, path


def test_a_draft_records_page_and_its_stop_are_not_found(client, harbour):
    assert client.get("/artifacts/secret/").status_code == 404
    page = client.get("/exhibitions/harbour/audio/9/")
    assert page.status_code == 404
    assert "There is no stop 9 in this exhibition" in page.content.decode()


def test_the_guide_lists_its_published_stops_by_number(client, harbour):
    html = client.get("/exhibitions/harbour/audio/").content.decode()
    numbers = re.findall(r'<span class="stop-list__number">(\d+)</span>', html)
    assert numbers == ["1", "2"]
    assert '<form class="stop-finder" method="get"' in html
    exhibition_page = client.get("/exhibitions/harbour/").content.decode()
    assert 'href="/exhibitions/harbour/audio/">Audio guide</a>' in exhibition_page


def test_typing_a_number_lands_on_that_stop(client, harbour):
    response = client.get("/exhibitions/harbour/audio/", {"stop": " 2 "})
    assert response.status_code == 302
    assert response["Location"] == "/exhibitions/harbour/audio/2/"
    stop = client.get(response["Location"]).content.decode()
    assert "Stop 2: The boat sailing" in stop
    assert '<details class="clip__transcript" open>' in stop
    assert 'href="/artifacts/boat/">More about A model boat</a>' in stop


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("7", "There is no stop 7 in this exhibition. Its stops are numbered 1 to 2"),
        ("seven", "Type the number shown on the wall beside the object, for example 1"),
        ("0", "Type the number shown on the wall"),
    ],
)
def test_an_unknown_number_gets_a_helpful_message_and_the_list(
    client, harbour, typed, message
):
    response = client.get("/exhibitions/harbour/audio/", {"stop": typed})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'aria-invalid="true"' in html
    assert html.count('class="stop-list__number"') == 2


def test_the_guide_speaks_chinese_too(client, harbour):
    response = client.get("/zh-hans/exhibitions/harbour/audio/", {"stop": "7"})
    html = response.content.decode()
    assert "本展览没有第7站" in html
    stop = client.get("/zh-hans/exhibitions/harbour/audio/1/").content.decode()
    assert "第1站" in stop


def test_an_exhibition_without_stops_says_so(client):
    make_exhibition(slug="quiet")
    html = client.get("/exhibitions/quiet/audio/", {"stop": "1"}).content.decode()
    assert "This exhibition has no audio guide stops yet." in html
    assert "Audio guide</a>" not in client.get("/exhibitions/quiet/").content.decode()


@override_settings(DEBUG=False)
def test_the_players_are_allowed_by_the_content_security_policy(client, harbour):
    response = client.get("/artifacts/boat/")
    assert "media-src 'self'" in response["Content-Security-Policy"]


def test_a_placeholder_recording_is_labelled(client, harbour):
    item = harbour["clips"]["section"]
    item.placeholder = True
    item.save()
    html = client.get("/exhibitions/harbour/audio/1/").content.decode()
    assert "Placeholder recording" in html
