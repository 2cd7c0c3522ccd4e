"""The museum itself: its name, address and texts, edited by curators as content."""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from catalog.images import CheckedImageField, UploadPath


class Museum(models.Model):
    """The one museum this site belongs to (a single row, edited in the admin)."""

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(
        _("short name"),
        max_length=100,
        blank=True,
        help_text=_("Shown in the site's header and page titles."),
    )
    description = models.TextField(
        _("description for search engines"),
        blank=True,
        help_text=_("One or two sentences; shown by search engines under the name."),
    )
    address = models.TextField(_("address"), blank=True)
    galleries = models.TextField(_("galleries"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    footer = models.TextField(_("footer text"), blank=True)
    contact = models.TextField(_("contact"), blank=True)
    email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_(
            "Public address for questions about the collection; given to systems "
            "that harvest it (OAI-PMH)."
        ),
    )
    logo = CheckedImageField(
        _("logo"),
        upload_to=UploadPath("museum"),
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("museum")
        verbose_name_plural = _("museum")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name for headers and titles; a generic one until curators set it."""
        return self.short_name or self.name or gettext("Exhibitions")

    @classmethod
    def load(cls):
        """The museum's row, or an unsaved blank one before a curator has made it."""
        return cls.objects.order_by("pk").first() or cls()
