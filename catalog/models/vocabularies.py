"""Closed lists records are described and filtered by: nationalities, roles."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Nationality(models.TextChoices):
    # Historical states keep their own code: the Soviet Union is not Russia.
    UNITED_STATES = "US", _("American")
    CANADA = "CA", _("Canadian")
    UNITED_KINGDOM = "GB", _("British")
    NEW_ZEALAND = "NZ", _("New Zealander")
    SOVIET_UNION = "SU", _("Soviet")
    GERMANY = "DE", _("German")
    AUSTRIA = "AT", _("Austrian")
    ROMANIA = "RO", _("Romanian")
    POLAND = "PL", _("Polish")
    CZECHOSLOVAKIA = "CZ", _("Czechoslovak")
    INDIA = "IN", _("Indian")
    LEBANON = "LB", _("Lebanese")
    SEVERAL = "XX", _("Several nationalities")


class Role(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.name
