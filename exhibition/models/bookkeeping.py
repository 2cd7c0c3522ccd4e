"""What the site keeps for itself: loaded demo records, the content version."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LoadedRecord(models.Model):
    """What ``load_exhibition`` last wrote for one record, to spot curators' edits."""

    model = models.CharField(max_length=60)
    key = models.CharField(max_length=120)
    digest = models.CharField(max_length=64)
    loaded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "key"], name="loaded_record_key")
        ]

    def __str__(self):
        return f"{self.model}:{self.key}"


class ContentVersion(models.Model):
    """One counter, bumped whenever published content may have changed."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return str(self.value)


# A kiosk that has not reported for this long is shown as offline to curators.
