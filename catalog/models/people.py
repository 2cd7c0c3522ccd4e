"""Biographies of people and of groups."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.images import CheckedImageField, UploadPath
from catalog.models.records import Record, workflow_permissions
from catalog.models.vocabularies import Nationality, Role


class Person(Record):
    """A biography: of one person, or of a group such as the Flying Tigers."""

    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        GROUP = "group", _("Group")

    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.PERSON
    )
    name = models.CharField(_("name"), max_length=200)
    other_names = models.CharField(_("other names"), max_length=300, blank=True)
    nationality = models.CharField(
        _("nationality"), max_length=2, choices=Nationality.choices, db_index=True
    )
    roles = models.ManyToManyField(
        Role, related_name="people", blank=True, verbose_name=_("roles")
    )
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    groups = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="members",
        blank=True,
        limit_choices_to={"kind": "group"},
        verbose_name=_("member of"),
    )
    birth_display = models.CharField(_("born (as shown)"), max_length=100, blank=True)
    birth_year = models.SmallIntegerField(_("birth year"), null=True, blank=True)
    death_display = models.CharField(_("died (as shown)"), max_length=200, blank=True)
    death_year = models.SmallIntegerField(_("death year"), null=True, blank=True)
    china_years = models.CharField(_("years in China"), max_length=200, blank=True)
    china_from = models.SmallIntegerField(
        _("in China from"), null=True, blank=True, db_index=True
    )
    china_to = models.SmallIntegerField(_("in China until"), null=True, blank=True)
    china_places = models.CharField(_("places in China"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("full text"), blank=True)
    portrait = CheckedImageField(
        _("portrait"),
        upload_to=UploadPath("people"),
        blank=True,
        width_field="portrait_width",
        height_field="portrait_height",
    )
    portrait_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    portrait_alt = models.CharField(_("portrait alt text"), max_length=300, blank=True)
    featured = models.BooleanField(
        _("featured"),
        default=False,
        db_index=True,
        help_text=_("One of the exhibition's featured subjects."),
    )

    class Meta:
        ordering = ["name"]
        permissions = workflow_permissions("person", "biographies")
        verbose_name = _("biography")
        verbose_name_plural = _("biographies")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("exhibition:person-detail", args=[self.slug])

    @property
    def life_dates(self):
        return " – ".join(
            part for part in (self.birth_display, self.death_display) if part
        )
