"""Closed lists records are described and filtered by: object types, nationalities
or cultures, roles. They are data: curators add terms and translate their labels."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TermQuerySet(models.QuerySet):
    def without_chinese_label(self):
        field = self.model.LABEL
        return self.filter(
            Q(**{f"{field}_zh_hans__isnull": True}) | Q(**{f"{field}_zh_hans": ""})
        )


class Term(models.Model):
    """A term of a closed list: a stable code, a label in each language, a place."""

    LABEL = "label"

    code = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        allow_unicode=True,
        help_text=_(
            "Stable: the import, the export and addresses use it. Letters, digits, "
            "hyphens."
        ),
    )
    label = models.CharField(_("label"), max_length=200)
    position = models.PositiveSmallIntegerField(
        _("position"), default=100, help_text=_("Lower numbers are listed first.")
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "code"]

    def __str__(self):
        return self.label or self.code


class ObjectType(Term):
    class Meta(Term.Meta):
        verbose_name = _("object type")
        verbose_name_plural = _("object types")


class Nationality(Term):
    """A nationality, a historical state or a culture; a person may have several."""

    class Meta(Term.Meta):
        verbose_name = _("nationality or culture")
        verbose_name_plural = _("nationalities and cultures")


class Role(models.Model):
    LABEL = "name"

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.name
