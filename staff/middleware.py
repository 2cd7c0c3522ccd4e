"""Middleware around the admin: a database outage that keeps a curator's save (and
gives visitors the outage page), and the admin's relaxed CSP."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.template.loader import render_to_string

from staff.unsaved import is_admin_save, unsaved_response

logger = logging.getLogger(__name__)


def database_unreachable(exception):
    return isinstance(exception, (OperationalError, InterfaceError)) or (
        isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
    )


def server_error(request):
    """The 500 handler. A failure inside a middleware (the session or the user read
    from a database that just went away: any signed-in request) is turned into a
    response by Django before it reaches the outage middleware; it ends here, and
    still gets the outage page, or a curator's save its unsaved-form page."""
    import sys

    error = sys.exc_info()[1]
    if database_unreachable(error):
        return ServiceUnavailableMiddleware.unavailable(request, error)
    from exhibition.gallery.views import server_error as error_page

    return error_page(request)


class ServiceUnavailableMiddleware:
    """When the database is unreachable, answer a friendly 503 instead of a 500.

    Placed early, so it catches failures anywhere below it; the page is rendered
    without touching the database, and the next request simply tries again. A
    curator's save gets back what they typed instead (``staff/unsaved.py``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            return self.unavailable(request, error)

    def process_exception(self, request, exception):
        if database_unreachable(exception):
            return self.unavailable(request, exception)
        return None

    @staticmethod
    def unavailable(request, error):
        from django.http import HttpResponse

        from exhibition.gallery.context_processors import museum_name

        logger.error("database unavailable: %s", error)
        if is_admin_save(request):
            return unsaved_response(request)
        response = HttpResponse(
            render_to_string("503.html", {"museum_name": museum_name("en")}),
            status=503,
        )
        response["Retry-After"] = "30"
        response["Cache-Control"] = "no-store"
        return response


class AdminContentSecurityPolicyMiddleware:
    """The admin's own widgets use inline scripts and styles; relax CSP there only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        response = self.get_response(request)
        if request.path.startswith(f"/{settings.ADMIN_PATH}"):
            response._csp_update = {
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
            }
        return response
