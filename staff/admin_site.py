"""The branded admin site the curators log in to."""

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

# The curators' work first; staff accounts and the login's security last. Apps
# named in neither list go between, alphabetically.
FIRST = ["catalog", "exhibition"]
LAST = ["auth", "otp_totp", "otp_static", "axes"]


def place(app):
    label = app["app_label"]
    if label in FIRST:
        return (0, FIRST.index(label))
    if label in LAST:
        return (2, LAST.index(label))
    return (1, 0)


class CuratorAdminSite(admin.AdminSite):
    site_header = _("Exhibition CMS — Curators")
    site_title = _("Exhibition CMS")
    index_title = _("Catalogue and exhibitions")

    def get_app_list(self, request, app_label=None):
        """The start page's and the menu's apps, in the order of the work."""
        return sorted(super().get_app_list(request, app_label), key=place)

    def index(self, request, extra_context=None):
        from staff.start_page import waiting_for

        context = {**(extra_context or {}), "waiting": waiting_for(request.user)}
        return super().index(request, context)

    def admin_view(self, view, cacheable=False):
        """Every admin page also asks for the second step of the login."""
        from staff.two_factor.gate import guard

        return super().admin_view(guard(view), cacheable)

    def get_urls(self):
        from staff.two_factor import views

        own = [
            path(
                "login/code/",
                login_not_required(views.CodeStep.as_view(site=self)),
                name="login-code",
            ),
            path(
                "two-factor/",
                self.admin_view(views.Overview.as_view(site=self)),
                name="two-factor",
            ),
            path(
                "two-factor/set-up/",
                self.admin_view(views.SetUp.as_view(site=self)),
                name="two-factor-setup",
            ),
            path(
                "two-factor/recovery-codes/",
                self.admin_view(views.RecoveryCodes.as_view(site=self)),
                name="two-factor-recovery",
            ),
        ]
        return own + super().get_urls()

    @method_decorator(never_cache)
    @login_not_required
    def login(self, request, extra_context=None):
        """Django's admin login, with the code step after the password."""
        from django.contrib.admin.forms import AdminAuthenticationForm
        from django.http import HttpResponseRedirect

        from staff.two_factor.views import PasswordStep

        if request.method == "GET" and self.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
        context = {
            **self.each_context(request),
            "title": _("Log in"),
            "subtitle": None,
            "app_path": request.get_full_path(),
            "username": request.user.get_username(),
        }
        if (
            REDIRECT_FIELD_NAME not in request.GET
            and REDIRECT_FIELD_NAME not in request.POST
        ):
            context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=self.name)
        context.update(extra_context or {})
        request.current_app = self.name
        return PasswordStep.as_view(
            extra_context=context,
            authentication_form=self.login_form or AdminAuthenticationForm,
            template_name=self.login_template or "admin/login.html",
        )(request)
