"""The ordered placement of catalogue records in a list: what hangs in a section,
and what a kiosk plays (``KioskItem`` shares the rules below)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import Artifact, Photograph, published_via
from exhibition.models.exhibitions import Section


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


def record_link(model, related_name, verbose_name):
    """One of a placement's two record links (the other is left empty)."""
    return models.ForeignKey(
        model,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


class Placement(models.Model):
    """An entry that is either an artifact or a photograph (see the constraints)."""

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.record)

    @property
    def record(self):
        return self.artifact or self.photograph


class SectionItemQuerySet(models.QuerySet):
    def in_public_sections(self):
        """Items of published sections of published exhibitions."""
        return self.filter(
            published_via("section"), published_via("section__exhibition")
        )

    def of_published_records(self):
        return self.filter(published_via("artifact") | published_via("photograph"))

    def published(self):
        """What visitors see hung: a published record in a public section."""
        return self.in_public_sections().of_published_records()


class SectionItem(Placement):
    """One artifact or photograph hung in a section, at a curator-chosen place."""

    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("section"),
    )
    artifact = record_link(Artifact, "section_items", _("artifact"))
    photograph = record_link(Photograph, "section_items", _("photograph"))
    position = models.PositiveIntegerField(_("position"), default=0, db_index=True)

    objects = SectionItemQuerySet.as_manager()

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
