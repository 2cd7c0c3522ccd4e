"""Biographies of people and of groups."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalog.images import CheckedImageField, UploadPath
from catalog.models.fields import LineField
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
    name = LineField(_("name"))
    other_names = LineField(_("other names"), blank=True)
    nationalities = models.ManyToManyField(
        Nationality,
        related_name="people",
        blank=True,
        verbose_name=_("nationalities or cultures"),
    )
    roles = models.ManyToManyField(
        Role, related_name="people", blank=True, verbose_name=_("roles")
    )
    affiliation = LineField(_("affiliation"), blank=True)
    groups = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="members",
        blank=True,
        limit_choices_to={"kind": "group"},
        verbose_name=_("member of"),
    )
    birth_display = LineField(_("born (as shown)"), blank=True)
    birth_year = models.SmallIntegerField(_("birth year"), null=True, blank=True)
    death_display = LineField(_("died (as shown)"), blank=True)
    death_year = models.SmallIntegerField(_("death year"), null=True, blank=True)
    active_display = LineField(
        _("years active (as shown)"),
        blank=True,
        help_text=_("The years the biography centres on, as visitors read them."),
    )
    active_from = models.SmallIntegerField(
        _("active from"), null=True, blank=True, db_index=True
    )
    active_to = models.SmallIntegerField(_("active until"), null=True, blank=True)
    active_places = LineField(_("places active"), blank=True)
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
    portrait_alt = models.TextField(_("portrait alt text"), blank=True)
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
    def nationality_labels(self):
        """The person's nationalities or cultures, as one line (prefetch them)."""
        return ", ".join(str(term) for term in self.nationalities.all())

    @property
    def life_dates(self):
        return " – ".join(
            part for part in (self.birth_display, self.death_display) if part
        )
