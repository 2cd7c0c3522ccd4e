"""A curator's save that the database could not take: the page that says so and gives
back everything they typed, in a form that saves it once the database is back.

Rendered from the outage middleware, so it touches neither the database nor the
session: labels come from the models' field names, the CSRF token from the
browser's own cookie, the language from the browser.
"""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import Resolver404, resolve
from django.utils import translation

# Never echoed back: secrets, and the token the page gets afresh.
SECRET = re.compile(r"password|csrfmiddlewaretoken|otp|token|secret", re.IGNORECASE)
# Kept, but not shown: formset bookkeeping and which button was pressed.
BOOKKEEPING = re.compile(r"(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$|^_|version$")
NOT_A_SAVE = ("login/", "logout/", "password_change/", "two-factor/")


def is_admin_save(request):
    admin = f"/{settings.ADMIN_PATH}"
    return (
        request.method == "POST"
        and request.path.startswith(admin)
        and not request.path[len(admin) :].startswith(NOT_A_SAVE)
    )


def model_of(path):
    """The model whose admin page ``path`` is, or None."""
    from django.apps import apps

    try:
        match = resolve(path)
    except Resolver404:
        return None
    found = re.match(r"(\w+?)_(\w+)_(change|add)$", match.url_name or "")
    if not found:
        return None
    try:
        return apps.get_model(found[1], found[2])
    except LookupError:
        return None


def label(model, name):
    if model is not None:
        try:
            return str(model._meta.get_field(name).verbose_name).capitalize()
        except Exception:  # an inline's or a form-only field: its name says enough
            pass
    return name


def typed_fields(request, model):
    """(name, label, values, shown) of every submitted field but the secrets."""
    fields = []
    for name, values in request.POST.lists():
        if SECRET.search(name):
            continue
        shown = not BOOKKEEPING.search(name)
        fields.append((name, label(model, name), values, shown))
    return fields


def csrf_token(request):
    from django.middleware.csrf import get_token

    cookie = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if cookie:
        request.META["CSRF_COOKIE"] = cookie
    return get_token(request)


def unsaved_response(request):
    from django.http import HttpResponse

    model = model_of(request.path)
    language = translation.get_language_from_request(request)
    with translation.override(language):
        content = render_to_string(
            "admin/unsaved.html",
            {
                "action": request.get_full_path(),
                "fields": typed_fields(request, model),
                "model_name": model._meta.verbose_name if model else "",
                "files_dropped": bool(request.FILES),
                "csrf_token": csrf_token(request),
                "language": language,
            },
        )
    response = HttpResponse(content, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response
