"""Audio and video clips attached to catalogue records (and, through the same
generic link, to whatever else declares ``GenericRelation("catalog.MediaItem")``),
with a file, captions and a transcript per language.

A clip has no workflow of its own: it is public exactly when the record it hangs
on is (``MediaQuerySet.published``), so a draft's recordings are never shown.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from catalog.media import (
    CheckedCaptionsField,
    CheckedMediaField,
    MediaUploadPath,
    probe_file,
)
from catalog.media.probe import ProbeError
from catalog.models.fields import LineField


def language_suffixes():
    return [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def owner_models():
    """Every model whose records carry clips (declares a GenericRelation to us)."""
    for model in apps.get_models():
        for relation in model._meta.private_fields:
            if (
                isinstance(relation, GenericRelation)
                and relation.related_model is MediaItem
            ):
                yield model


class MediaQuerySet(models.QuerySet):
    def published(self):
        """Clips whose record is published: the only ones public code may show."""
        condition = models.Q(pk__in=[])
        for model in owner_models():
            condition |= models.Q(
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=model.objects.published().values("pk"),
            )
        return self.filter(condition)


@dataclass
class Player:
    """One clip as a visitor in one language gets it."""

    item: object
    kind: str
    url: str
    mime: str
    language: str
    transcript: str
    transcript_language: str
    tracks: list = field(default_factory=list)


class MediaItem(models.Model):
    class Kind(models.TextChoices):
        AUDIO = "audio", _("Audio")
        VIDEO = "video", _("Video")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(db_index=True)
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(
        _("kind"), max_length=8, choices=Kind.choices, editable=False
    )
    title = LineField(_("title"))
    file = CheckedMediaField(
        _("recording"),
        upload_to=MediaUploadPath("media"),
        blank=True,
        help_text=_(
            "MP3, AAC (M4A) or Opus audio, or MP4 or WebM video; one per language "
            "(a language without one plays the other's)."
        ),
    )
    captions = CheckedCaptionsField(
        _("captions (WebVTT)"),
        upload_to=MediaUploadPath("captions"),
        blank=True,
        help_text=_("A .vtt file in the same language as the recording."),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("Everything that is said, for visitors who cannot listen."),
    )
    credit = models.TextField(_("credit"), blank=True)
    rights = models.TextField(_("rights statement"), blank=True)
    placeholder = models.BooleanField(
        _("placeholder"),
        default=False,
        help_text=_("A stand-in recording: visitors are told it is one."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # What the checks found in each language's file and captions (see save()).
    file_info = models.JSONField(default=dict, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = MediaQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("audio or video clip")
        verbose_name_plural = _("audio and video clips")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        info = {}
        for suffix, probe in self.language_probes().items():
            if probe is None:
                continue
            file = getattr(self, f"file_{suffix}")
            captions = getattr(self, f"captions_{suffix}")
            known = self.file_info.get(suffix, {})
            fresh = not file._committed
            # Stored now rather than in pre_save, so the entry can name the file.
            for upload in (file, captions):
                if upload and not upload._committed:
                    upload.save(upload.name, upload.file, save=False)
            info[suffix] = {
                **probe.as_dict(),
                "name": file.name,
                "bytes": file.size if fresh or "bytes" not in known else known["bytes"],
                "captions_bytes": captions.size if captions else 0,
            }
        self.file_info = info
        kinds = {entry["kind"] for entry in info.values()}
        self.kind = kinds.pop() if len(kinds) == 1 else self.kind or self.Kind.AUDIO
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        probes = {s: p for s, p in self.language_probes().items() if p}
        if not probes:
            raise ValidationError(_("Upload a recording in at least one language."))
        kinds = {probe.kind for probe in probes.values()}
        if len(kinds) > 1:
            raise ValidationError(
                _("The recordings in the two languages must both be audio or video.")
            )
        missing = {
            f"transcript_{suffix}": _(
                "Give the transcript of this recording, for visitors who "
                "cannot hear it."
            )
            for suffix in probes
            if not (getattr(self, f"transcript_{suffix}") or "").strip()
        }
        if missing:
            raise ValidationError(missing)

    def language_probes(self):
        """Per language suffix, the Probe of its file (None where there is none):
        the one the upload checks made, the stored one, or a fresh look."""
        probes = {}
        for suffix in language_suffixes():
            file = getattr(self, f"file_{suffix}")
            probe = None
            if file and not file._committed:
                probe = getattr(file.file, "probe", None)
            elif file:
                known = self.file_info.get(suffix)
                if known and known.get("name") == file.name:
                    probe = StoredProbe(known)
            if file and probe is None:
                try:
                    with file.open("rb") as handle:
                        probe = probe_file(handle)
                except (ProbeError, OSError):
                    probe = None
            probes[suffix] = probe
        return probes

    @property
    def bytes_total(self):
        """The stored size of every file of the clip, in every language."""
        return sum(
            entry.get("bytes", 0) + entry.get("captions_bytes", 0)
            for entry in self.file_info.values()
        )

    def player(self, language=None):
        """The clip in ``language`` (the active one): its file, the captions of
        every language and the transcript, each falling back to the other
        language where missing (None if there is no file at all)."""
        language = language or translation.get_language() or "en"
        wanted = language.replace("-", "_").lower()
        order = [wanted] + [s for s in language_suffixes() if s != wanted]
        chosen = next((s for s in order if getattr(self, f"file_{s}")), None)
        if chosen is None:
            return None
        written = [s for s in order if (getattr(self, f"transcript_{s}") or "").strip()]
        spoken = written[0] if written else wanted
        tracks = [
            {
                "url": getattr(self, f"captions_{suffix}").url,
                "srclang": suffix.replace("_hans", "-Hans"),
                "label": LANGUAGE_NAMES.get(suffix, suffix),
                "default": suffix == chosen,
            }
            for suffix in order
            if getattr(self, f"captions_{suffix}")
        ]
        return Player(
            item=self,
            kind=self.kind,
            url=getattr(self, f"file_{chosen}").url,
            mime=self.file_info.get(chosen, {}).get("mime", ""),
            language=chosen.replace("_hans", "-Hans"),
            transcript=getattr(self, f"transcript_{spoken}"),
            transcript_language=spoken.replace("_hans", "-Hans"),
            tracks=tracks,
        )


# A track's label is read in the language of the captions themselves.
LANGUAGE_NAMES = {"en": "English", "zh_hans": "中文"}


class StoredProbe:
    """What the checks found in a file, as recorded in ``file_info``."""

    def __init__(self, known):
        self.kind = known["kind"]
        self._known = known

    def as_dict(self):
        return {k: v for k, v in self._known.items() if k in PROBED}


PROBED = ("kind", "mime", "duration", "codecs")
