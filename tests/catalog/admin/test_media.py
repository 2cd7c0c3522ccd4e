"""catalog/admin/media.py: clips uploaded on a record's page, checked, never a
traceback; a refused upload saves nothing."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import MediaItem
from tests.catalog.admin_forms import form_values, post_with_new_row
from tests.factories import CAPTIONS, make_artifact, make_clip, media_bytes

pytestmark = pytest.mark.django_db
PREFIX = "catalog-mediaitem-content_type-object_id"


def post_clip(client, artifact, recording, captions=None, **fields):
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    data = form_values(client.get(url).content.decode())
    data.update(
        {
            f"{PREFIX}-TOTAL_FORMS": "1",
            f"{PREFIX}-0-title_en": "Listen",
            f"{PREFIX}-0-transcript_en": "What is said.",
            f"{PREFIX}-0-position": "1",
            f"{PREFIX}-0-file_en": recording,
            **fields,
        }
    )
    if captions is not None:
        data[f"{PREFIX}-0-captions_en"] = captions
    return client.post(url, data)


def stored_files():
    folders = ("media", "captions")
    return {
        name
        for folder in folders
        if default_storage.exists(folder)
        for name in default_storage.listdir(folder)[1]
    }


def test_a_curator_uploads_a_recording_with_captions(curator_client):
    artifact = make_artifact()
    response = post_clip(
        curator_client,
        artifact,
        SimpleUploadedFile("talk.MP3", media_bytes("tone.mp3")),
        SimpleUploadedFile("talk.vtt", CAPTIONS.encode()),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    item = MediaItem.objects.get(object_id=artifact.pk)
    assert item.kind == "audio" and item.file_en.name.endswith(".mp3")
    assert item.captions_en.name.endswith(".vtt")
    assert item.file_info["en"]["mime"] == "audio/mpeg"


@pytest.mark.parametrize(
    ("recording", "captions", "message"),
    [
        (b"just some text\n" * 40, None, "not audio or video we can read"),
        (media_bytes("clip.mp4")[:3000], None, "damaged or incomplete"),
        (media_bytes("tone.opus"), b"WEBVTT\n\n1 --> 2\nHi\n", "no valid time range"),
    ],
    ids=["renamed-text", "truncated", "broken-captions"],
)
def test_a_refused_upload_says_why_and_saves_nothing(
    curator_client, recording, captions, message
):
    artifact = make_artifact()
    before = stored_files()
    response = post_clip(
        curator_client,
        artifact,
        SimpleUploadedFile("guide.mp3", recording),
        SimpleUploadedFile("c.vtt", captions) if captions else None,
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not MediaItem.objects.exists()
    assert stored_files() == before


def test_too_long_and_too_large_are_refused_on_the_page(curator_client, settings):
    artifact = make_artifact()
    settings.AUDIO_MAX_SECONDS = 0
    page = post_clip(
        curator_client, artifact, SimpleUploadedFile("a.opus", media_bytes())
    )
    assert "the limit is 0:00" in page.content.decode()
    settings.AUDIO_MAX_SECONDS = 60
    settings.AUDIO_MAX_BYTES = settings.VIDEO_MAX_BYTES = 100
    page = post_clip(
        curator_client, artifact, SimpleUploadedFile("a.opus", media_bytes())
    )
    assert "the limit is 100" in page.content.decode()
    assert not MediaItem.objects.exists()


def test_the_clip_list_finds_clips_and_shows_what_the_checks_found(curator_client):
    make_clip(make_artifact(), title_en="Harbour sounds")
    page = curator_client.get(
        reverse("admin:catalog_mediaitem_changelist"), {"q": "Harbour"}
    )
    assert "Harbour sounds" in page.content.decode()
    item = MediaItem.objects.get()
    change = curator_client.get(
        reverse("admin:catalog_mediaitem_change", args=[item.pk])
    )
    assert "audio/ogg; codecs=opus" in change.content.decode()


def test_a_clip_added_as_a_browser_adds_it_plays_after_the_others(curator_client):
    artifact = make_artifact()
    first = make_clip(artifact, position=3)
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    response = post_with_new_row(
        curator_client,
        url,
        PREFIX,
        {
            "title_en": "Second",
            "transcript_en": "What is said.",
            "file_en": SimpleUploadedFile("two.opus", media_bytes("tone.opus")),
        },
    )
    assert response.status_code == 302
    clips = MediaItem.objects.filter(object_id=artifact.pk).order_by("position")
    assert [clip.pk for clip in clips][0] == first.pk
    assert clips[1].title_en == "Second" and clips[1].position == 4
