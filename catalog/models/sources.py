"""The documents facts come from, and citations pointing into them."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models.fields import LineField


class Source(models.Model):
    """A document that facts point to."""

    class Kind(models.TextChoices):
        ANNOUNCEMENT = "announcement", _("Announcement")
        PAPER = "paper", _("Research paper")
        NEWS = "news", _("News report")
        ARCHIVE = "archive", _("Archival record")
        BOOK = "book", _("Book")
        REFERENCE = "reference", _("Well-established public record")
        OTHER = "other", _("Other")

    key = models.SlugField(_("key"), max_length=80, unique=True)
    title = LineField(_("title"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = LineField(_("author"), blank=True)
    publisher = LineField(_("publisher"), blank=True)
    published = models.CharField(_("published"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    document = models.CharField(
        _("document"),
        max_length=200,
        blank=True,
        help_text=_("File name or archive reference of the document itself."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title


class Citation(models.Model):
    """One record's pointer to a source, at a page, section or paragraph."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    source = models.ForeignKey(
        Source,
        on_delete=models.PROTECT,
        related_name="citations",
        verbose_name=_("source"),
    )
    locator = models.CharField(
        _("where in the source"),
        max_length=400,
        blank=True,
        help_text=_("Page, section or paragraph, e.g. “§3.2, para 3”."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return f"{self.source} — {self.locator}" if self.locator else str(self.source)
