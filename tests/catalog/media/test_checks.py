import io
import wave

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.media import MediaUploadPath, validate_captions_file, validate_media_file
from tests.factories import CAPTIONS, media_bytes


def upload(data, name="upload.bin"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def wav_bytes():
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 8000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "kind", "mime"),
    [
        ("tone.opus", "audio", "audio/ogg; codecs=opus"),
        ("tone.mp3", "audio", "audio/mpeg"),
        ("tone.m4a", "audio", "audio/mp4"),
        ("clip.mp4", "video", "video/mp4"),
        ("clip.webm", "video", "video/webm"),
    ],
)
def test_each_accepted_format_passes_with_its_kind_type_and_length(name, kind, mime):
    probe = validate_media_file(upload(media_bytes(name), name="whatever.bin"))
    assert (probe.kind, probe.mime) == (kind, mime)
    assert 0.9 < probe.duration < 1.2


def test_a_text_file_renamed_to_mp3_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as raised:
        validate_media_file(upload(b"Not a recording at all.\n" * 50, "guide.mp3"))
    message = raised.value.messages[0]
    assert "not audio or video we can read" in message
    assert "MP3, AAC (M4A) or Opus audio, or MP4 or WebM video" in message


@pytest.mark.parametrize(
    "name", ["tone.opus", "tone.mp3", "tone.m4a", "clip.mp4", "clip.webm"]
)
def test_a_truncated_file_is_refused_as_incomplete(name):
    data = media_bytes(name)
    with pytest.raises(ValidationError, match="damaged or incomplete"):
        validate_media_file(upload(data[: len(data) // 2]))


def test_an_ogg_cut_at_a_page_boundary_is_still_found_incomplete():
    data = media_bytes("tone.opus")
    last_page = data.rindex(b"OggS")
    with pytest.raises(ValidationError, match="damaged or incomplete"):
        validate_media_file(upload(data[:last_page]))


def test_a_format_browsers_do_not_all_play_is_named_and_refused():
    with pytest.raises(ValidationError) as raised:
        validate_media_file(upload(wav_bytes(), "tone.wav"))
    assert raised.value.code == "format"
    assert "Wave" in raised.value.messages[0]


def test_a_recording_over_the_duration_limit_is_refused(settings):
    settings.AUDIO_MAX_SECONDS = 0
    with pytest.raises(ValidationError, match="lasts 0:01; the limit is 0:00"):
        validate_media_file(upload(media_bytes("tone.mp3")))


def test_a_video_over_its_own_size_limit_is_refused(settings):
    settings.VIDEO_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="the limit is 1000"):
        validate_media_file(upload(media_bytes("clip.webm")))


def test_a_file_over_every_limit_is_refused_before_it_is_read(settings):
    settings.AUDIO_MAX_BYTES = settings.VIDEO_MAX_BYTES = 10
    with pytest.raises(ValidationError) as raised:
        validate_media_file(upload(b"x" * 100))
    assert raised.value.code == "too_large"


def test_valid_captions_are_counted():
    assert validate_captions_file(upload(CAPTIONS.encode(), "c.vtt")) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"00:00:01.000 --> 00:00:02.000\nno header\n", "not a valid WebVTT"),
        (b"WEBVTT\n\n00:00:01.000 -> nonsense\nHello\n", "line 3 has no valid time"),
        (
            b"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nGood\n\n"
            b"00:01.x --> 00:02\nBad\n",
            "line 6 has no valid time",
        ),
        (b"WEBVTT\n", "no captions"),
        ("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\né\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_broken_captions_are_refused_saying_why(data, message):
    with pytest.raises(ValidationError, match=message):
        validate_captions_file(upload(data, "c.vtt"))


def test_captions_over_the_size_limit_are_refused(settings):
    settings.CAPTIONS_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="the limit is 10"):
        validate_captions_file(upload(CAPTIONS.encode(), "c.vtt"))


def test_stored_names_are_random_and_keep_only_known_suffixes():
    path = MediaUploadPath("media")
    first, second = path(None, "upload.opus"), path(None, "upload.opus")
    assert first != second and first.endswith(".opus")
    assert path(None, "evil.html").endswith(".bin")
