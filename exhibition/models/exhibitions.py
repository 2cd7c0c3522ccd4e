"""Exhibitions, their sections and featured people (what hangs in a section:
``exhibition.models.placements``)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.images import CheckedImageField, UploadPath
from catalog.models import (
    Person,
    Publishable,
    RecordQuerySet,
    published_via,
)

# Pages under /exhibitions/<slug>/ that a section's address must not shadow.
RESERVED_SECTION_SLUGS = {"timeline", "audio"}


class ExhibitionQuerySet(RecordQuerySet):
    """Exhibitions by state, worked out from their dates and kind."""

    @staticmethod
    def _opened(today):
        return models.Q(opening_date__isnull=True) | models.Q(opening_date__lte=today)

    def current(self, today=None):
        """Open now: opened and not closed; permanent and online-only ones once
        opened, whatever their closing date."""
        today = today or timezone.localdate()
        lasting = models.Q(kind__in=Exhibition.LASTING)
        not_closed = models.Q(closing_date__isnull=True) | models.Q(
            closing_date__gte=today
        )
        return self.filter(self._opened(today) & (lasting | not_closed))

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(opening_date__gt=today).order_by("opening_date", "slug")

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(
            self._opened(today),
            closing_date__lt=today,
            kind=Exhibition.Kind.TEMPORARY,
        ).order_by("-closing_date", "slug")


class Exhibition(Publishable):
    class Kind(models.TextChoices):
        TEMPORARY = "temporary", _("Temporary exhibition")
        PERMANENT = "permanent", _("Permanent exhibition")
        ONLINE = "online", _("Online only")

    class State(models.TextChoices):
        CURRENT = "current", _("Current")
        UPCOMING = "upcoming", _("Upcoming")
        PAST = "past", _("Past")

    # Kinds that stay current once opened.
    LASTING = [Kind.PERMANENT, Kind.ONLINE]

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    subtitle = models.CharField(_("subtitle"), max_length=400, blank=True)
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    galleries = models.CharField(_("galleries"), max_length=100, blank=True)
    opening_date = models.DateField(_("opening date"), null=True, blank=True)
    closing_date = models.DateField(_("closing date"), null=True, blank=True)
    organisers = models.TextField(_("organisers"), blank=True)
    supporters = models.TextField(_("supporters"), blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    notice = models.TextField(_("notice"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=Kind.choices, default=Kind.TEMPORARY
    )
    timeline_start = models.IntegerField(
        _("timeline from (year)"),
        null=True,
        blank=True,
        help_text=_(
            "Negative for BCE. Empty: from the earliest year of the exhibition's "
            "records."
        ),
    )
    timeline_end = models.IntegerField(
        _("timeline to (year)"),
        null=True,
        blank=True,
        help_text=_("Empty: to the latest year of the exhibition's records."),
    )
    timeline_title = models.CharField(_("timeline title"), max_length=300, blank=True)
    citations = GenericRelation("catalog.Citation")
    media = GenericRelation("catalog.MediaItem")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ExhibitionQuerySet.as_manager()

    class Meta:
        ordering = ["-opening_date", "slug"]
        permissions = [
            ("submit_exhibition", "Can submit exhibitions for review"),
            ("publish_exhibition", "Can approve, publish and withdraw exhibitions"),
        ]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exhibition:exhibition-detail", args=[self.slug])

    def get_timeline_url(self):
        return reverse("exhibition:exhibition-timeline", args=[self.slug])

    def state(self, today=None):
        today = today or timezone.localdate()
        if self.opening_date and self.opening_date > today:
            return self.State.UPCOMING
        if (
            self.kind == self.Kind.TEMPORARY
            and self.closing_date
            and self.closing_date < today
        ):
            return self.State.PAST
        return self.State.CURRENT


class SectionQuerySet(RecordQuerySet):
    def published(self):
        """A section is public only while its exhibition is: a published section
        of a draft exhibition is as hidden as the exhibition."""
        return super().published().filter(published_via("exhibition"))


class Section(Publishable):
    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.PROTECT,
        related_name="sections",
        verbose_name=_("exhibition"),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("Unique within the exhibition; other exhibitions may reuse it."),
    )
    title = models.CharField(_("title"), max_length=300)
    introduction = models.TextField(_("introduction"), blank=True)
    hero_image = CheckedImageField(
        _("hero image"),
        upload_to=UploadPath("sections"),
        blank=True,
        width_field="hero_width",
        height_field="hero_height",
    )
    hero_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_alt = models.CharField(_("hero image alt text"), max_length=300, blank=True)
    gallery_room = models.CharField(_("gallery room"), max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0, db_index=True)
    citations = GenericRelation("catalog.Citation")
    media = GenericRelation("catalog.MediaItem")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["exhibition", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibition", "slug"],
                name="section_slug_unique_in_exhibition",
                violation_error_message=_(
                    "The exhibition already has a section with this slug."
                ),
            )
        ]
        permissions = [
            ("submit_section", "Can submit sections for review"),
            ("publish_section", "Can approve, publish and withdraw sections"),
        ]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SECTION_SLUGS:
            raise ValidationError(
                {"slug": _("This slug names a page of the exhibition; choose another.")}
            )

    def get_absolute_url(self):
        """Reads ``exhibition.slug``: select_related("exhibition") where listed."""
        return reverse(
            "exhibition:section-detail", args=[self.exhibition.slug, self.slug]
        )


class FeaturedPerson(models.Model):
    """A person an exhibition puts forward, at a curator-chosen place."""

    exhibition = models.ForeignKey(
        Exhibition, on_delete=models.CASCADE, related_name="featured"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="featured_in",
        verbose_name=_("person"),
    )
    position = models.PositiveIntegerField(_("position"), default=0, db_index=True)

    class Meta:
        ordering = ["exhibition", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibition", "person"],
                name="person_featured_once_per_exhibition",
                violation_error_message=_(
                    "This person is already featured in the exhibition."
                ),
            )
        ]
        verbose_name = _("featured person")
        verbose_name_plural = _("featured people")

    def __str__(self):
        return str(self.person)
