"""Checking uploaded audio, video and captions: the validators, the form and model
fields that apply them, and where accepted files are stored.

A media upload is accepted only if its own bytes are one of the containers and
codecs browsers play (see probe.py), complete, and within the size and duration
limits in settings; captions only if they parse as WebVTT. Every refusal says what
is wrong in words a curator can act on, and nothing is stored.
"""

import io
import re
import uuid
from pathlib import PurePosixPath

import webvtt
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from catalog.media.probe import FORMS, ProbeError, probe_file

SUFFIXES = {form.suffix for form in FORMS} | {".vtt"}
# A cue's timing line, as browsers accept it ("00:01.000 --> 00:04.000 align:start").
TIMING = re.compile(
    r"(\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}[ \t]+-->[ \t]+(\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
)
ACCEPTED = _("Upload MP3, AAC (M4A) or Opus audio, or MP4 or WebM video.")


def minutes(seconds):
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


def too_large(size, limit):
    return ValidationError(
        _("The file is %(size)s; the limit is %(limit)s."),
        code="too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )


def validate_media_file(file):
    """The Probe of ``file``, or ValidationError saying why it is refused."""
    limits = {
        "audio": (settings.AUDIO_MAX_BYTES, settings.AUDIO_MAX_SECONDS),
        "video": (settings.VIDEO_MAX_BYTES, settings.VIDEO_MAX_SECONDS),
    }
    size = getattr(file, "size", None)
    largest = max(limit for limit, _seconds in limits.values())
    if size is not None and size > largest:
        raise too_large(size, largest)
    try:
        probe = probe_file(file)
    except ProbeError as error:
        if error.code == "format":
            message = _("%(found)s files are not accepted. %(accepted)s")
        elif error.code == "truncated":
            message = _(
                "The file is damaged or incomplete (it ends before its own "
                "length). Export it again and upload the whole file."
            )
        else:
            message = _("This file is not audio or video we can read. %(accepted)s")
        raise ValidationError(
            message,
            code=error.code,
            params={"found": error.found, "accepted": ACCEPTED},
        ) from None
    max_bytes, max_seconds = limits[probe.kind]
    if size is not None and size > max_bytes:
        raise too_large(size, max_bytes)
    if probe.duration > max_seconds:
        raise ValidationError(
            _("The recording lasts %(length)s; the limit is %(limit)s."),
            code="too_long",
            params={
                "length": minutes(probe.duration),
                "limit": minutes(max_seconds),
            },
        )
    return probe


def validate_captions_file(file):
    """The number of cues in a WebVTT ``file``, or ValidationError saying why not."""
    size = getattr(file, "size", None)
    if size is not None and size > settings.CAPTIONS_MAX_BYTES:
        raise too_large(size, settings.CAPTIONS_MAX_BYTES)
    file.seek(0)
    raw = file.read(settings.CAPTIONS_MAX_BYTES + 1)
    file.seek(0)
    if len(raw) > settings.CAPTIONS_MAX_BYTES:
        raise too_large(len(raw), settings.CAPTIONS_MAX_BYTES)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("Captions must be a WebVTT text file saved as UTF-8."),
            code="captions_encoding",
        ) from None
    try:
        captions = webvtt.from_buffer(io.StringIO(text))
    except (webvtt.errors.MalformedFileError, webvtt.errors.MalformedCaptionError) as e:
        raise ValidationError(
            _(
                "This is not a valid WebVTT captions file (%(error)s). It must "
                "start with the line WEBVTT and give each caption a time range "
                "such as 00:00:01.000 --> 00:00:04.000."
            ),
            code="captions_invalid",
            params={"error": e},
        ) from None
    broken = first_broken_cue(text)
    if broken:
        raise ValidationError(
            _(
                "Caption at line %(line)s has no valid time range (it should read "
                "like 00:00:01.000 --> 00:00:04.000), so browsers would skip it."
            ),
            code="captions_invalid",
            params={"line": broken},
        )
    if not captions.captions:
        raise ValidationError(
            _("The captions file has no captions in it."), code="captions_empty"
        )
    return len(captions.captions)


def first_broken_cue(text):
    """The line number of the first cue block whose timing browsers would reject
    (webvtt-py, like browsers, skips such a cue silently), or None."""
    line = 1
    for number, block in enumerate(re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))):
        lines = block.strip("\n").split("\n")
        header = lines[0].split(" ", 1)[0] if lines else ""
        if number and block.strip() and header not in ("NOTE", "STYLE", "REGION"):
            timing = next((n for n, text in enumerate(lines) if "-->" in text), None)
            if timing is None or timing > 1 or not TIMING.match(lines[timing].strip()):
                return line + len(block) - len(block.lstrip("\n"))
        line += block.count("\n") + 2
    return None


class CheckedMediaFormField(forms.FileField):
    """A file field that accepts only checked audio or video; the upload keeps its
    Probe (``upload.probe``) and is named by what it really is."""

    def to_python(self, data):
        data = super().to_python(data)
        if data is None:
            return None
        data.probe = validate_media_file(data)
        data.name = f"upload{data.probe.suffix}"
        return data


class CheckedCaptionsFormField(forms.FileField):
    def to_python(self, data):
        data = super().to_python(data)
        if data is None:
            return None
        validate_captions_file(data)
        data.name = "captions.vtt"
        return data


class CheckedMediaField(models.FileField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedMediaFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "catalog.media.CheckedMediaField", args, kwargs


class CheckedCaptionsField(models.FileField):
    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedCaptionsFormField, **kwargs})

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "catalog.media.CheckedCaptionsField", args, kwargs


@deconstructible(path="catalog.media.MediaUploadPath")
class MediaUploadPath:
    """Random names with the suffix of what the file really is (the checks set it)."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        suffix = PurePosixPath(filename).suffix.lower()
        if suffix not in SUFFIXES:
            suffix = ".bin"
        return f"{self.folder}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, MediaUploadPath) and other.folder == self.folder
