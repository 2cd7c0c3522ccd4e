"""Kiosk profiles: the hall's touchscreens and what each one shows."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import Artifact, Photograph
from exhibition.models.exhibitions import Exhibition, Section
from exhibition.models.placements import (
    Placement,
    placement_constraints,
    record_link,
)

KIOSK_OFFLINE_AFTER = timedelta(minutes=5)
# A device key is 256 random bits, so a fast keyed hash is enough to store it: no
# one can guess it, and a slow password hash would let anyone spend the server's
# CPU with wrong keys. The fixed label (not SECRET_KEY) keeps the keys valid when
# the site's secret is rotated.
DEVICE_KEY_LABEL = b"exhibition.kiosk.device-key"
DEVICE_KEY_MAX_LENGTH = 100


def device_key_digest(key):
    """What is stored of a device key: HMAC-SHA256 under ``DEVICE_KEY_LABEL``."""
    return hmac.new(DEVICE_KEY_LABEL, key.encode(), hashlib.sha256).hexdigest()


class KioskQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def offline(self, now=None):
        """Active kiosks not heard from within ``KIOSK_OFFLINE_AFTER``."""
        since = (now or timezone.now()) - KIOSK_OFFLINE_AFTER
        return self.active().filter(
            models.Q(last_seen__isnull=True) | models.Q(last_seen__lt=since)
        )

    def online(self, now=None):
        since = (now or timezone.now()) - KIOSK_OFFLINE_AFTER
        return self.active().filter(last_seen__gte=since)


class Kiosk(models.Model):
    """One touchscreen in the hall: what it shows and how it behaves."""

    class Orientation(models.TextChoices):
        PORTRAIT = "portrait", _("Portrait (1080 × 1920)")
        LANDSCAPE = "landscape", _("Landscape (1920 × 1080)")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        CHINESE = "zh-hans", _("Simplified Chinese")

    name = models.CharField(_("name"), max_length=120)
    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.PROTECT,
        related_name="kiosks",
        verbose_name=_("exhibition"),
        help_text=_("The exhibition whose sections the kiosk shows."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("The screen's address is /kiosk/ followed by the slug."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("An inactive kiosk's screen shows “not found”."),
    )
    location = models.CharField(
        _("gallery room"),
        max_length=20,
        blank=True,
        help_text=_("Where the kiosk stands, as the galleries are signed."),
    )
    orientation = models.CharField(
        _("orientation"),
        max_length=10,
        choices=Orientation.choices,
        default=Orientation.PORTRAIT,
    )
    sections = models.ManyToManyField(
        Section,
        related_name="kiosks",
        blank=True,
        verbose_name=_("sections"),
        help_text=_(
            "The kiosk shows the published items of these sections of its "
            "exhibition, in their hanging order, unless it has a playlist."
        ),
    )
    default_language = models.CharField(
        _("default language"),
        max_length=8,
        choices=Language.choices,
        default=Language.ENGLISH,
        help_text=_("The language the kiosk returns to after each visitor."),
    )
    language_switch = models.BooleanField(_("offer the language switch"), default=True)
    idle_timeout = models.PositiveSmallIntegerField(
        _("idle timeout (seconds)"),
        default=90,
        validators=[MinValueValidator(15), MaxValueValidator(3600)],
        help_text=_(
            "With no touch for this long the kiosk counts down and returns to "
            "its attract loop."
        ),
    )
    attract_count = models.PositiveSmallIntegerField(
        _("items in the attract loop"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    attract_interval = models.PositiveSmallIntegerField(
        _("seconds per attract item"),
        default=8,
        validators=[MinValueValidator(3), MaxValueValidator(120)],
    )
    media_budget_mb = models.PositiveIntegerField(
        _("offline media budget (MB)"),
        default=200,
        validators=[MaxValueValidator(100_000)],
        help_text=_(
            "How much audio and video the kiosk keeps for offline running; clips "
            "beyond it play only while the server answers (0: none offline)."
        ),
    )
    # Written by the kiosk's heartbeat only (a queryset update: no signals, and
    # ``updated_at`` keeps meaning "a curator changed the profile").
    last_seen = models.DateTimeField(_("last heartbeat"), null=True, editable=False)
    reported_version = models.CharField(
        _("content version shown"), max_length=64, blank=True, editable=False
    )
    uptime = models.PositiveIntegerField(
        _("uptime (seconds)"), null=True, editable=False
    )
    last_user_agent = models.CharField(
        _("browser"), max_length=300, blank=True, editable=False
    )
    last_ip = models.GenericIPAddressField(_("IP address"), null=True, editable=False)
    # Only a digest: the key itself is shown once, when it is made.
    device_key_hash = models.CharField(max_length=64, blank=True, editable=False)
    device_key_made_at = models.DateTimeField(
        _("device key made"), null=True, editable=False
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = KioskQuerySet.as_manager()

    class Meta:
        ordering = ["location", "slug"]
        verbose_name = _("kiosk")
        verbose_name_plural = _("kiosks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("kiosk:home", args=[self.slug])

    @property
    def screen(self):
        """The screen's size in CSS pixels, as (width, height)."""
        if self.orientation == self.Orientation.LANDSCAPE:
            return (1920, 1080)
        return (1080, 1920)

    @property
    def languages(self):
        """The languages the kiosk offers, its default first."""
        codes = [self.default_language]
        if self.language_switch:
            codes += [c for c in self.Language.values if c != self.default_language]
        return codes

    def check_sections(self, sections):
        """Refuse sections of another exhibition than the kiosk's own."""
        foreign = [s for s in sections if s.exhibition_id != self.exhibition_id]
        if foreign:
            raise ValidationError(
                {
                    "sections": _(
                        "A kiosk shows only sections of its own exhibition: %(names)s"
                    )
                    % {"names": ", ".join(str(s) for s in foreign)}
                }
            )

    def start_url(self, key):
        """The address the kiosk's browser opens: its key rides in the fragment,
        which browsers never send to a server, so it stays out of access logs."""
        return f"{self.get_absolute_url()}#key={key}"

    def rotate_device_key(self):
        """Give the kiosk a new device key, which replaces any old one; return it.

        A queryset update, as the heartbeat's: ``updated_at`` and the content
        version stay as curators left them."""
        key = secrets.token_urlsafe(32)
        self.device_key_hash = device_key_digest(key)
        self.device_key_made_at = timezone.now()
        Kiosk.objects.filter(pk=self.pk).update(
            device_key_hash=self.device_key_hash,
            device_key_made_at=self.device_key_made_at,
        )
        return key

    def has_device_key(self, presented):
        """Whether ``presented`` is the kiosk's key (compared in constant time)."""
        if not self.device_key_hash or not presented:
            return False
        if len(presented) > DEVICE_KEY_MAX_LENGTH:
            return False
        return hmac.compare_digest(device_key_digest(presented), self.device_key_hash)

    def is_offline(self, now=None):
        since = (now or timezone.now()) - KIOSK_OFFLINE_AFTER
        return self.last_seen is None or self.last_seen < since


class KioskItem(Placement):
    """One artifact or photograph in a kiosk's curated playlist."""

    kiosk = models.ForeignKey(Kiosk, on_delete=models.CASCADE, related_name="playlist")
    artifact = record_link(Artifact, "kiosk_items", _("artifact"))
    photograph = record_link(Photograph, "kiosk_items", _("photograph"))
    position = models.PositiveIntegerField(_("position"), default=0, db_index=True)

    class Meta:
        ordering = ["kiosk", "position", "pk"]
        constraints = placement_constraints(
            "kiosk",
            "kiosk",
            _("This artifact is already in the playlist."),
            _("This photograph is already in the playlist."),
        )
        verbose_name = _("playlist item")
        verbose_name_plural = _("playlist items")
