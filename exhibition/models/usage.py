"""How records are used, counted without tracking anyone: one number per record,
day and channel (web page views, label scans, kiosk opens, audio plays, IIIF
manifest requests), and the kiosk reports already counted.

Nothing about the visitor is stored: no cookie, address or user agent, only that a
record was used once more today. ``UseCount.objects.add`` is the one way to count;
the buffered counter (``exhibition/stats``: uses aggregated in the cache and
flushed in batches) calls it once per key with the summed ``by``.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The kinds of record counted, named as everywhere else (OAI tombstones, IIIF);
# sections and exhibitions for the plays of their clips (an audio guide's stops).
RECORD_KINDS = ("artifact", "photograph", "person")
KINDS = (*RECORD_KINDS, "section", "exhibition")


class Channel(models.TextChoices):
    WEB = "web", _("web page view")
    SCAN = "scan", _("label scan")
    KIOSK = "kiosk", _("kiosk open")
    AUDIO = "audio", _("audio or video play")
    IIIF = "iiif", _("IIIF manifest request")


class UseCountQuerySet(models.QuerySet):
    def add(self, channel, kind, record_id, *, kiosk=None, day=None, by=1):
        """Count ``by`` uses with one atomic UPDATE, or an INSERT for the day's first;
        safe when two requests count the same record at once."""
        if kind not in KINDS:
            raise ValueError(f"not a counted kind of record: {kind!r}")
        key = {
            "day": day or timezone.localdate(),
            "channel": channel,
            "kind": kind,
            "record_id": record_id,
            "kiosk_id": getattr(kiosk, "pk", kiosk),
        }
        if self.filter(**key).update(count=F("count") + by):
            return
        try:
            with transaction.atomic():
                self.create(**key, count=by)
        except IntegrityError:  # another request made the day's row first
            self.filter(**key).update(count=F("count") + by)

    def of(self, record):
        return self.filter(kind=record._meta.model_name, record_id=record.pk)

    def total(self):
        return self.aggregate(total=models.Sum("count"))["total"] or 0

    def since(self, day):
        return self.filter(day__gte=day)


class UseCount(models.Model):
    """How often one record was used on one day through one channel (and kiosk)."""

    day = models.DateField(_("day"))
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("kind of record"), max_length=20)
    record_id = models.PositiveBigIntegerField(_("record id"))
    # Kiosk opens only; a kiosk's counts go with it when it is deleted.
    kiosk = models.ForeignKey(
        "exhibition.Kiosk",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="use_counts",
        verbose_name=_("kiosk"),
    )
    count = models.PositiveIntegerField(_("count"), default=0)

    objects = UseCountQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "channel", "kind", "record_id"]
        constraints = [
            # NULL kiosks never collide in a plain unique constraint: two partial ones.
            models.UniqueConstraint(
                fields=["day", "channel", "kind", "record_id"],
                condition=Q(kiosk__isnull=True),
                name="use_count_once_a_day",
            ),
            models.UniqueConstraint(
                fields=["day", "channel", "kind", "record_id", "kiosk"],
                condition=Q(kiosk__isnull=False),
                name="use_count_once_a_day_per_kiosk",
            ),
        ]
        indexes = [models.Index(fields=["kind", "record_id", "day"])]
        verbose_name = _("use count")
        verbose_name_plural = _("use counts")

    def __str__(self):
        return f"{self.day} {self.channel} {self.kind}:{self.record_id} = {self.count}"


class ReportedBatch(models.Model):
    """A batch of kiosk opens already counted: a heartbeat sent again (a retry after
    a lost answer, or a replay) names the same batch and is not counted twice."""

    kiosk = models.ForeignKey(
        "exhibition.Kiosk",
        on_delete=models.CASCADE,
        related_name="reported_batches",
        verbose_name=_("kiosk"),
    )
    batch = models.CharField(_("batch"), max_length=32)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kiosk", "batch"], name="reported_batch_once_per_kiosk"
            )
        ]
        verbose_name = _("reported batch of kiosk opens")
        verbose_name_plural = _("reported batches of kiosk opens")

    def __str__(self):
        return f"{self.kiosk_id}:{self.batch}"
