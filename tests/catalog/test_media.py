"""catalog/models/media.py: what a clip records of its files, and who may see it."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from catalog.models import MediaItem, Status
from tests.factories import (
    CAPTIONS,
    make_artifact,
    make_clip,
    make_person,
    media_bytes,
)

pytestmark = pytest.mark.django_db


def test_a_clip_records_kind_type_length_and_size_per_language():
    item = make_clip(make_artifact(), name="clip.webm")
    assert item.kind == "video"
    for suffix in ("en", "zh_hans"):
        info = item.file_info[suffix]
        assert info["mime"] == "video/webm"
        assert info["bytes"] == len(media_bytes("clip.webm"))
        assert info["captions_bytes"] > 0
        assert info["name"] == getattr(item, f"file_{suffix}").name
    assert item.bytes_total == 2 * (len(media_bytes("clip.webm")) + len(CAPTIONS))


def test_published_follows_the_record_it_hangs_on():
    shown = make_clip(make_artifact())
    draft = make_clip(make_artifact(status=Status.DRAFT))
    withdrawn = make_clip(make_person(status=Status.WITHDRAWN))
    published = set(MediaItem.objects.published())
    assert shown in published
    assert draft not in published and withdrawn not in published


def test_the_player_follows_the_visitors_language_and_falls_back():
    item = make_clip(make_artifact())
    item.file_zh_hans = ""
    item.save()
    with translation.override("zh-hans"):
        player = item.player()
    assert player.url == item.file_en.url  # no Chinese recording: the English one
    assert player.transcript == item.transcript_zh_hans
    assert player.transcript_language == "zh-Hans"
    assert [t["srclang"] for t in player.tracks] == ["zh-Hans", "en"]
    assert [t["default"] for t in player.tracks] == [False, True]


def test_clean_asks_for_a_recording_and_a_transcript_for_each_one():
    item = MediaItem(record=make_artifact(), title_en="Nothing yet")
    with pytest.raises(ValidationError, match="at least one language"):
        item.clean()
    item.file_en.save("a.opus", ContentFile(media_bytes("tone.opus")), save=False)
    with pytest.raises(ValidationError) as raised:
        item.clean()
    assert "transcript_en" in raised.value.message_dict


def test_clean_refuses_audio_in_one_language_and_video_in_the_other():
    item = MediaItem(
        record=make_artifact(),
        title_en="Mixed",
        transcript_en="Words.",
        transcript_zh_hans="文字。",
    )
    item.file_en.save("a.opus", ContentFile(media_bytes("tone.opus")), save=False)
    item.file_zh_hans.save("b.mp4", ContentFile(media_bytes("clip.mp4")), save=False)
    with pytest.raises(ValidationError, match="both be audio or video"):
        item.clean()
