"""Model fields the catalogue shares: text without a length limit shown on one line,
and a rights statement's standard URI."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# The rights statements other systems understand (IIIF accepts only these).
RIGHTS_URI_PREFIXES = ("http://creativecommons.org/", "http://rightsstatements.org/")


class LineField(models.TextField):
    """Text with no length limit that reads as one line (a title, a place): a
    single-line input in forms, where a plain TextField would be a textarea."""

    def formfield(self, **kwargs):
        widget = kwargs.get("widget")
        if (
            widget is None
            or isinstance(widget, forms.Textarea)
            or (isinstance(widget, type) and issubclass(widget, forms.Textarea))
        ):
            kwargs["widget"] = forms.TextInput(attrs={"class": "vTextField"})
        return super().formfield(**kwargs)


def validate_rights_uri(value):
    if value and not value.startswith(RIGHTS_URI_PREFIXES):
        raise ValidationError(
            _(
                "Use a Creative Commons or RightsStatements.org address beginning "
                "with http://creativecommons.org/ or http://rightsstatements.org/."
            ),
            code="rights_uri",
        )


def rights_uri_field():
    return models.URLField(
        _("rights URI"),
        blank=True,
        validators=[validate_rights_uri],
        help_text=_(
            "Optional: the standard licence or statement, e.g. "
            "http://creativecommons.org/publicdomain/zero/1.0/ or "
            "http://rightsstatements.org/vocab/InC/1.0/. Shared with IIIF viewers."
        ),
    )
