"""Keeps staff who owe a code out of every admin page.

Wraps each admin view (``CuratorAdminSite.admin_view``): a session whose person
has an authenticator but has not given a code this session goes to the code step;
a person who must use two-step login and has no authenticator yet goes to the
set-up page, and nowhere else. Outside the admin, such a session is an anonymous
visitor (``PublicFaceMiddleware``): the public addresses preview drafts only to
staff who could open them in the admin.
"""

import re
from functools import wraps

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode

from staff.two_factor import policy

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


def in_admin(path):
    """``/<admin>/…`` or ``/<language>/<admin>/…`` (the admin in a language)."""
    admin = re.escape(settings.ADMIN_PATH)
    return re.match(rf"/(?:[a-z]{{2}}(?:-[a-z]+)?/)?{admin}", path) is not None


def public_face(user):
    """Who this person is outside the admin: themselves once the admin would let
    them in, else an anonymous visitor (a draft's preview answers 404)."""
    if not user.is_authenticated or policy.cleared(user):
        return user
    visitor = AnonymousUser()
    visitor.is_verified = lambda: False
    return visitor


class PublicFaceMiddleware:
    """After django-otp's: outside the admin, a staff session that owes the admin
    its code (or an authenticator) reads the site as an anonymous visitor."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not in_admin(request.path):
            user = request.user
            request.user = SimpleLazyObject(lambda: public_face(user))
        return self.get_response(request)
