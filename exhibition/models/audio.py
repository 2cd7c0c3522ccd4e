"""The audio guide: an exhibition's numbered stops, each playing a catalogue clip.

The number is how the clip is shown in one exhibition (it is printed on the wall
there), not what the clip is, so it lives on this side: one clip can be stop 12
in one exhibition and stop 3 in another, and numbers are unique per exhibition.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.models import MediaItem
from exhibition.models.exhibitions import Exhibition

MAX_STOP = 9999


class AudioStopQuerySet(models.QuerySet):
    def published(self):
        """Stops of published exhibitions whose clip's record is published."""
        return self.filter(
            exhibition__in=Exhibition.objects.published(),
            media__in=MediaItem.objects.published(),
        )


class AudioStop(models.Model):
    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.CASCADE,
        related_name="audio_stops",
        verbose_name=_("exhibition"),
    )
    number = models.PositiveSmallIntegerField(
        _("stop number"),
        validators=[MinValueValidator(1), MaxValueValidator(MAX_STOP)],
        help_text=_("The number printed on the wall beside what the stop is about."),
    )
    media = models.ForeignKey(
        MediaItem,
        on_delete=models.CASCADE,
        related_name="stops",
        verbose_name=_("clip"),
    )

    objects = AudioStopQuerySet.as_manager()

    class Meta:
        ordering = ["exhibition", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibition", "number"],
                name="audio_stop_number_unique_in_exhibition",
                violation_error_message=_(
                    "The exhibition already has a stop with this number."
                ),
            ),
            models.UniqueConstraint(
                fields=["exhibition", "media"],
                name="audio_stop_clip_once_per_exhibition",
                violation_error_message=_(
                    "This clip is already a stop of the exhibition."
                ),
            ),
        ]
        verbose_name = _("audio guide stop")
        verbose_name_plural = _("audio guide stops")

    def __str__(self):
        return f"{self.number} · {self.media}"

    def get_absolute_url(self):
        """Reads ``exhibition.slug``: select_related("exhibition") where listed."""
        return reverse(
            "exhibition:audio-stop", args=[self.exhibition.slug, self.number]
        )
