"""The admin's UI language: each person's saved choice, else their browser's.

The public site takes its language from the URL (``/zh-hans/…``); the admin has
one address for everyone, so its language comes from the person instead. Content
languages are separate: a curator working in a Chinese admin still edits the
English fields.
"""

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST


def admin_prefix():
    return f"/{settings.ADMIN_PATH}"


def saved_language(user):
    from exhibition.models import StaffPreference

    if not user.is_authenticated:
        return None
    return (
        StaffPreference.objects.filter(user=user)
        .values_list("language", flat=True)
        .first()
    )


def language_for(request):
    """The saved choice, then the language cookie, then Accept-Language."""
    return saved_language(request.user) or translation.get_language_from_request(
        request
    )


class AdminLanguageMiddleware:
    """After authentication: activates the person's language on admin pages."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(admin_prefix()):
            return self.get_response(request)
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Accept-Language", "Cookie"])
        response.headers["Content-Language"] = language
        return response


def remember(request, response, language):
    """Save ``language`` for this person (if signed in) and this browser."""
    from exhibition.models import StaffPreference

    if request.user.is_authenticated:
        StaffPreference.objects.update_or_create(
            user=request.user, defaults={"language": language}
        )
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def supported(language):
    return language in dict(settings.LANGUAGES)


@require_POST
def choose_language(request):
    """The admin header's language switch (also on the login page)."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or admin_prefix()
    if not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        target = admin_prefix()
    response = HttpResponseRedirect(target)
    if supported(language):
        remember(request, response, language)
    return response


def admin_in_language(request, language, rest=""):
    """``/zh-hans/<admin>/…``: the admin in that language, at its one address."""
    if not supported(language):
        raise Http404
    response = HttpResponseRedirect(f"{admin_prefix()}{rest}")
    return remember(request, response, language)
