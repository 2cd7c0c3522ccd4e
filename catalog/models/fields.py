"""Model fields the catalogue shares: text without a length limit shown on one line."""

from django import forms
from django.db import models


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
