"""The login's code step, the set-up page and the recovery codes, in the admin."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, REDIRECT_FIELD_NAME, authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from staff.two_factor import policy
from staff.two_factor.forms import CodeForm, PasswordForm

LOGIN_HELP = _(
    "The six-digit code your authenticator app shows now, or one of your "
    "recovery codes."
)
SET_UP_HELP = _("The six-digit code the app shows for this account.")
WRONG = _("That code is not right, or it has been used already.")
WAIT = _("Too many wrong codes in a row: wait a few seconds, then try again.")
WRONG_PASSWORD = _("That password is not right.")


class PasswordStep(LoginView):
    """The admin's login form; with an authenticator, the code comes next."""

    def get_default_redirect_url(self):
        return reverse("admin:index")

    def form_valid(self, form):
        user = form.get_user()
        if not policy.has_device(user):
            return super().form_valid(form)
        policy.start_pending(self.request, user, self.get_success_url())
        return redirect("admin:login-code")


class AdminPage(View):
    site = None
    template_name = None
    title = None

    def render(self, **context):
        context = {
            **self.site.each_context(self.request),
            "title": self.title,
            "required": policy.in_required_role(self.request.user),
            **context,
        }
        return TemplateResponse(self.request, self.template_name, context)

    def next_url(self, fallback="admin:index"):
        target = self.request.POST.get(REDIRECT_FIELD_NAME) or self.request.GET.get(
            REDIRECT_FIELD_NAME
        )
        if target and url_has_allowed_host_and_scheme(
            target, {self.request.get_host()}, self.request.is_secure()
        ):
            return target
        return reverse(fallback)


@method_decorator(
    [never_cache, sensitive_post_parameters("code"), csrf_protect], "dispatch"
)
class CodeStep(AdminPage):
    """After the password: a code. Wrong codes count as failed logins (axes)."""

    template_name = "admin/two_factor/login_code.html"
    title = _("Two-step login")

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if state := policy.pending(request):
            self.user, self.backend, self.target = state
        elif user.is_authenticated and policy.has_device(user):
            if policy.is_verified(user):
                return redirect(self.next_url())
            # Signed in before the authenticator existed, in another browser.
            self.user, self.backend = user, request.session[BACKEND_SESSION_KEY]
            self.target = self.next_url()
        else:
            return redirect("admin:login")
        self.credentials = {"username": self.user.get_username()}
        if settings.AXES_ENABLED and AxesProxyHandler.is_locked(
            request, self.credentials
        ):
            policy.end_pending(request)
            return get_lockout_response(request, None, self.credentials)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.page(CodeForm(help_text=LOGIN_HELP))

    def post(self, request):
        form = CodeForm(request.POST, help_text=LOGIN_HELP)
        if form.is_valid():
            waiting = self.waiting()  # after wrong codes, django-otp pauses a moment
            device = policy.verify(self.user, form.cleaned_data["code"])
            if device is not None:
                policy.end_pending(request)
                self.user.otp_device = device  # django-otp keeps it in the session
                auth_login(request, self.user, self.backend)
                return redirect(self.target)
            form.add_error("code", WAIT if waiting else WRONG)
            user_login_failed.send(
                sender=__name__, credentials=self.credentials, request=request
            )
        return self.page(form)

    def waiting(self):
        device = policy.authenticator(self.user)
        return device is not None and policy.waiting(device)

    def page(self, form):
        return self.render(form=form, username=self.user.get_username())


class Overview(AdminPage):
    """Two-step login for this person: set up, replace, new recovery codes."""

    template_name = "admin/two_factor/overview.html"
    title = _("Two-step login")

    def get(self, request):
        return self.render(
            device=policy.authenticator(request.user),
            codes_left=policy.recovery_codes_left(request.user),
        )


@method_decorator(sensitive_post_parameters("code", "password"), "dispatch")
class SetUp(AdminPage):
    """The password again, then a QR code and the secret in text; confirmed by a
    first code."""

    template_name = "admin/two_factor/set_up.html"
    title = _("Set up your authenticator app")

    def get(self, request):
        if not policy.password_confirmed(request):
            return self.ask_password(PasswordForm())
        return self.page(CodeForm(help_text=SET_UP_HELP))

    def post(self, request):
        if "password" in request.POST or not policy.password_confirmed(request):
            return self.check_password()
        form = CodeForm(request.POST, help_text=SET_UP_HELP)
        device = policy.unconfirmed_authenticator(request.user)
        if form.is_valid():
            waiting = policy.waiting(device)
            if policy.verify_new(device, form.cleaned_data["code"]):
                codes = policy.confirm(device)
                policy.end_password_confirmed(request)
                otp_login(request, device)
                return self.show_codes(codes, set_up=True)
            form.add_error("code", WAIT if waiting else WRONG)
        return self.page(form)

    def check_password(self):
        """Wrong passwords here count toward the login lockout, as at the login."""
        request = self.request
        form = PasswordForm(request.POST)
        if form.is_valid():
            user = authenticate(
                request,
                username=request.user.get_username(),
                password=form.cleaned_data["password"],
            )
            if user is not None and user.pk == request.user.pk:
                policy.confirm_password(request)
                return redirect(request.get_full_path())
            form.add_error("password", WRONG_PASSWORD)
        return self.ask_password(form)

    def ask_password(self, form):
        self.template_name = "admin/two_factor/confirm_password.html"
        return self.render(
            form=form,
            account=self.request.user.get_username(),
            locked=not policy.has_device(self.request.user)
            and policy.in_required_role(self.request.user),
        )

    def page(self, form):
        device = policy.unconfirmed_authenticator(self.request.user)
        return self.render(
            form=form,
            qr_code=policy.qr_code(device),
            secret=policy.secret_text(device),
            account=self.request.user.get_username(),
            replacing=policy.authenticator(self.request.user) is not None,
            # Until the first device, the rest of the admin is out of reach.
            locked=not policy.has_device(self.request.user)
            and policy.in_required_role(self.request.user),
            next=self.next_url(),
        )

    def show_codes(self, codes, set_up=False):
        self.template_name = "admin/two_factor/recovery_codes.html"
        self.title = _("Your recovery codes")
        return self.render(codes=codes, set_up=set_up, next=self.next_url())


class RecoveryCodes(SetUp):
    """New recovery codes (the old ones stop working); shown once."""

    http_method_names = ["post"]

    def post(self, request):
        if policy.authenticator(request.user) is None:
            return redirect("admin:two-factor")
        return self.show_codes(policy.new_recovery_codes(request.user))
