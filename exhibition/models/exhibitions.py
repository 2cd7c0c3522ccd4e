"""Exhibitions, their sections and the ordered placement of records in them."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.images import CheckedImageField, UploadPath
from catalog.models import Artifact, Photograph, Publishable


class Exhibition(Publishable):
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
    citations = GenericRelation("catalog.Citation")
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["-opening_date", "slug"]
        verbose_name = _("exhibition")
        verbose_name_plural = _("exhibitions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exhibition:home")


class Section(Publishable):
    exhibition = models.ForeignKey(
        Exhibition,
        on_delete=models.PROTECT,
        related_name="sections",
        verbose_name=_("exhibition"),
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
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
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["exhibition", "position", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("exhibition:section-detail", args=[self.slug])


def placement_constraints(container, name, artifact_message, photograph_message):
    """The rules shared by every list of catalogue records (a section, a playlist):
    each entry is one artifact or one photograph, and appears once per list."""
    return [
        models.CheckConstraint(
            condition=(
                models.Q(artifact__isnull=False, photograph__isnull=True)
                | models.Q(artifact__isnull=True, photograph__isnull=False)
            ),
            name=f"{name}_item_is_artifact_or_photograph",
            violation_error_message=_(
                "Choose either an artifact or a photograph, not both."
            ),
        ),
        models.UniqueConstraint(
            fields=[container, "artifact"],
            condition=models.Q(artifact__isnull=False),
            name=f"artifact_once_per_{name}",
            violation_error_message=artifact_message,
        ),
        models.UniqueConstraint(
            fields=[container, "photograph"],
            condition=models.Q(photograph__isnull=False),
            name=f"photograph_once_per_{name}",
            violation_error_message=photograph_message,
        ),
    ]


class Placement(models.Model):
    """An entry that is either an artifact or a photograph (see the constraints)."""

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.record)

    @property
    def record(self):
        return self.artifact or self.photograph


class SectionItem(Placement):
    """One artifact or photograph hung in a section, at a curator-chosen place."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="items")
    artifact = models.ForeignKey(
        Artifact,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="section_items",
        verbose_name=_("artifact"),
    )
    photograph = models.ForeignKey(
        Photograph,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="section_items",
        verbose_name=_("photograph"),
    )
    position = models.PositiveIntegerField(_("position"), default=0, db_index=True)

    class Meta:
        ordering = ["section", "position", "pk"]
        constraints = placement_constraints(
            "section",
            "section",
            _("This artifact is already in the section."),
            _("This photograph is already in the section."),
        )
        verbose_name = _("item in section")
        verbose_name_plural = _("items in section")
