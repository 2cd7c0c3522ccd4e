"""What an audio or video file really is: container, codecs and duration, read from
the file's own bytes (never its name), and whether it is complete.

MediaInfo (pymediainfo, whose wheels carry the library, so nothing comes from the
system) reads every container we accept and notices a file cut short for MP3, MP4
and WebM. It does not for Ogg, so an Ogg file's pages are walked with mutagen,
which reads each page's declared length and the end-of-stream flag.
"""

import io
from dataclasses import dataclass

from mutagen.ogg import OggPage
from mutagen.ogg import error as OggError
from pymediainfo import MediaInfo


class ProbeError(Exception):
    """The file is not one we accept; ``code`` says why (see checks.py)."""

    def __init__(self, code, found=""):
        super().__init__(code)
        self.code = code
        self.found = found


@dataclass(frozen=True)
class Form:
    """One accepted combination of container and codecs."""

    kind: str
    container: str
    video: frozenset
    audio: frozenset
    mime: str
    suffix: str

    def accepts(self, kind, container, video_codecs, audio_codecs):
        return (
            kind == self.kind
            and container == self.container
            and video_codecs <= self.video
            and audio_codecs <= self.audio
        )


# MediaInfo's names for the containers and codecs browsers play natively.
# An empty codec name stands for "no audio track" (a silent video).
SILENT = frozenset()
FORMS = [
    Form(
        "audio", "MPEG Audio", SILENT, frozenset({"MPEG Audio"}), "audio/mpeg", ".mp3"
    ),
    Form("audio", "MPEG-4", SILENT, frozenset({"AAC"}), "audio/mp4", ".m4a"),
    Form(
        "audio", "Ogg", SILENT, frozenset({"Opus"}), "audio/ogg; codecs=opus", ".opus"
    ),
    Form(
        "video",
        "MPEG-4",
        frozenset({"AVC", "HEVC", "AV1"}),
        frozenset({"AAC", "Opus", ""}),
        "video/mp4",
        ".mp4",
    ),
    Form(
        "video",
        "WebM",
        frozenset({"VP8", "VP9", "AV1"}),
        frozenset({"Opus", "Vorbis", ""}),
        "video/webm",
        ".webm",
    ),
]


@dataclass(frozen=True)
class Probe:
    kind: str
    container: str
    codecs: tuple
    mime: str
    suffix: str
    duration: float

    def as_dict(self):
        return {
            "kind": self.kind,
            "mime": self.mime,
            "duration": round(self.duration, 2),
            "codecs": list(self.codecs),
        }


def _tracks(info, track_type):
    return [t for t in info.tracks if t.track_type == track_type]


def _ogg_complete(file):
    """True if every Ogg page is whole and the last one ends the stream."""
    file.seek(0)
    last = None
    try:
        while file.read(1):
            file.seek(-1, io.SEEK_CUR)
            last = OggPage(file)
    except (OggError, OSError, ValueError):
        return False
    return last is not None and last.last and last.complete


def probe_file(file):
    """A Probe of ``file`` (any seekable binary file); ProbeError if refused."""
    file.seek(0)
    try:
        info = MediaInfo.parse(file)
    except Exception as error:  # the library's own errors have no common base
        raise ProbeError("unreadable") from error
    finally:
        file.seek(0)
    general = (_tracks(info, "General") or [None])[0]
    container = getattr(general, "format", None) or ""
    if getattr(general, "istruncated", None) == "Yes":
        raise ProbeError("truncated")
    video = _tracks(info, "Video")
    audio = _tracks(info, "Audio")
    if not container or not (video or audio):
        raise ProbeError("not_media")
    kind = "video" if video else "audio"
    video_codecs = {t.format or "" for t in video}
    audio_codecs = {t.format or "" for t in audio} or {""}
    form = next(
        (f for f in FORMS if f.accepts(kind, container, video_codecs, audio_codecs)),
        None,
    )
    if form is None:
        found = " / ".join(c for c in [container, *video_codecs, *audio_codecs] if c)
        raise ProbeError("format", found)
    if form.container == "Ogg" and not _ogg_complete(file):
        file.seek(0)
        raise ProbeError("truncated")
    file.seek(0)
    duration = general.duration or max(
        (float(t.duration or 0) for t in video + audio), default=0
    )
    if not duration:
        raise ProbeError("truncated")
    codecs = tuple(sorted(c for c in video_codecs | audio_codecs if c))
    return Probe(
        kind=kind,
        container=container,
        codecs=codecs,
        mime=form.mime,
        suffix=form.suffix,
        duration=float(duration) / 1000,
    )
