"""The code field of the code step and the set-up page; the set-up page's password."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CodeForm(forms.Form):
    code = forms.CharField(
        label=pgettext_lazy("two-step login", "Code"),
        max_length=40,
        strip=True,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = help_text

    def add_error(self, field, error):
        super().add_error(field, error)
        # The error is read out with the field, before the hint.
        code = self["code"].auto_id
        self.fields["code"].widget.attrs["aria-describedby"] = (
            f"{code}_error {code}_helptext"
        )


class PasswordForm(forms.Form):
    """The set-up page asks for the password again before it shows a secret."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(
            attrs={"autocomplete": "current-password", "autofocus": True}
        ),
    )

    def add_error(self, field, error):
        super().add_error(field, error)
        self.fields["password"].widget.attrs["aria-describedby"] = (
            f"{self['password'].auto_id}_error"
        )
