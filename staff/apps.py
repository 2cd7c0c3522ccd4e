"""App configurations: the staff app itself, the branded admin site, and the names
the login's security apps (django-axes, django-otp) go by in the admin, in both
languages. Each is named in INSTALLED_APPS by its full path."""

from axes.apps import AppConfig as AxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TOTPConfig


class StaffConfig(AppConfig):
    """The staff side itself: no models, so nothing of it shows in the admin."""

    name = "staff"


class CuratorAdminConfig(AdminConfig):
    """Replace the default admin site with the curators' branded one."""

    default_site = "staff.admin_site.CuratorAdminSite"


def rename(model, singular, plural):
    # Only the names shown; the migrations' record of the model is left alone.
    model._meta.verbose_name = singular
    model._meta.verbose_name_plural = plural


class LoginThrottlingConfig(AxesConfig):
    """django-axes (its models' names are translatable already)."""

    verbose_name = _("Login throttling")


class AuthenticatorsConfig(TOTPConfig):
    verbose_name = _("Two-step login (authenticator apps)")

    def ready(self):
        super().ready()
        rename(
            self.get_model("TOTPDevice"),
            _("authenticator app"),
            _("authenticator apps"),
        )


class RecoveryCodesConfig(StaticConfig):
    verbose_name = _("Two-step login (recovery codes)")

    def ready(self):
        super().ready()
        rename(
            self.get_model("StaticDevice"),
            _("recovery code list"),
            _("recovery code lists"),
        )
        rename(self.get_model("StaticToken"), _("recovery code"), _("recovery codes"))
