"""Keeps staff who owe a code out of every admin page.

Wraps each admin view (``CuratorAdminSite.admin_view``): a session whose person
has an authenticator but has not given a code this session goes to the code step;
a person who must use two-step login and has no authenticator yet goes to the
set-up page, and nowhere else.
"""

from functools import wraps

from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from config.two_factor import policy

# Reachable without a code: leaving, and the page that makes the device.
OPEN = {"logout"}
SET_UP = "two-factor-setup"


def redirect_with_next(name, request):
    query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
    return redirect(f"{reverse(f'admin:{name}')}?{query}")


def blocked(request):
    """Where this request must go instead, or None when it may go on."""
    match = request.resolver_match
    name = match.url_name if match else None
    user = request.user
    if name in OPEN or not user.is_authenticated or policy.is_verified(user):
        return None
    if policy.has_device(user):
        return redirect_with_next("login-code", request)
    if name != SET_UP and policy.in_required_role(user):
        return redirect_with_next(SET_UP, request)
    return None


def guard(view):
    @wraps(view)
    def inner(request, *args, **kwargs):
        return blocked(request) or view(request, *args, **kwargs)

    return inner
