"""The two cache layers: whole pages for anonymous visitors, and computed parts.

Both are stored under the current *content version*, a counter in the database
that moves only when something visitors see changes (``public_changes`` decides:
a publish, a withdrawal, an edit of something published; never a draft's save).
A new version makes every older page and part unreachable at once, in every
worker process, with no list of keys to chase. Curators (and anyone logged in)
always bypass the page cache, so drafts they preview are never stored.
"""

import contextvars
import functools
import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, transaction
from django.db.models import F
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, get_language_from_path

# Never 302: short addresses (labels) redirect and count each scan, so they must run.
CACHEABLE_STATUS = {200, 301, 404}


# Read once per request: the page cache, facets and related lists all key on it.
# Outside a request (commands, tests) it is read afresh every time.
_OUTSIDE, _UNREAD = object(), object()
_request_version = contextvars.ContextVar("request_version", default=_OUTSIDE)


def current_version():
    remembered = _request_version.get()
    if remembered is not _OUTSIDE and remembered is not _UNREAD:
        return remembered
    if remembered is _OUTSIDE:
        return database_version()
    value = shared_version()
    _request_version.set(value)
    return value


def database_version():
    from exhibition.models import ContentVersion

    value = ContentVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    return value or 0


# The host a request asked for: parts holding absolute addresses differ by host.
_request_host = contextvars.ContextVar("request_host", default="")


def safe_host(request):
    try:
        return request.get_host()
    except DisallowedHost:  # answered with a 400 further in
        return ""


# Set while a page renders without something it should show (an image whose storage
# is down): the page is served but not stored, so it is whole once storage is back.
_incomplete = contextvars.ContextVar("incomplete", default=False)


def page_incomplete():
    _incomplete.set(True)


def rendered_whole():
    """Whether nothing so far in this request was left out (parts of pages check
    this before they are stored, as the whole page does)."""
    return not _incomplete.get()


# A request reads the version from the cache, not the database: a cached page then
# costs no query at all. The publishing worker writes the new version to the cache
# at once; each worker still checks the database at most once a second, so a lost
# cache write (or a flushed cache) heals within a second.
VERSION_KEY = "content-version"
CHECK_EVERY = 1.0
_last_check = [float("-inf")]


def shared_version():
    value = cache.get(VERSION_KEY)
    now = time.monotonic()
    if value is not None and now - _last_check[0] < CHECK_EVERY:
        return value
    try:
        stored = database_version()
    except DatabaseError:
        if value is None:
            raise
        return value  # the database is away: cached pages can still be served
    _last_check[0] = now
    if stored != value:
        cache.set(VERSION_KEY, stored, None)
    return stored


def bump_version():
    """Invalidate every cached page and part once the current transaction commits
    (``exhibition.public_changes`` decides which saves call this)."""
    from exhibition.models import ContentVersion

    def bump():
        if _request_version.get() is not _OUTSIDE:
            _request_version.set(_UNREAD)  # this request's later reads see the bump
        updated = ContentVersion.objects.filter(pk=1).update(value=F("value") + 1)
        if not updated:
            ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})
        cache.set(VERSION_KEY, database_version(), None)

    transaction.on_commit(bump)


@functools.cache
def build_id():
    """Which deploy rendered a page: cached pages name hashed CSS and JS files, so a
    new deploy (a new static manifest) must not be served the old deploy's pages."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
    except OSError:
        return "dev"


def frozen(response):
    """What the cache keeps of a page: its status, headers and body. A whole
    HttpResponse pickles to several times the bytes and time, paid on every hit."""
    # Which record the page shows travels with it, so a hit is counted as a view.
    use = getattr(response, "counted_use", None)
    return (response.status_code, list(response.items()), response.content, use)


def thawed(entry):
    if isinstance(entry, HttpResponseBase):
        return entry  # stored by an older version of this module
    status, headers, content, use = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    if use:
        response.counted_use = use
    return response


def page_key(request, version, language):
    """Deploy, content version, language, host, the museum's local date (an
    exhibition opening at midnight is current on the first request after it) and
    the address."""
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    day = timezone.localdate().isoformat()
    return f"page:{build_id()}:{version}:{language}:{request.get_host()}:{day}:{path}"


class AnonymousPageCacheMiddleware:
    """Placed early, before the outage check, CSP, sessions, locale and
    authentication: a cached page costs two cache reads (the content version and
    the page) and no query; the stored page keeps the headers the inner middleware
    gave it (CSP among them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def cacheable(self, request):
        return (
            request.method in ("GET", "HEAD")
            and getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
            # A session cookie may mean a curator: never serve or store their pages.
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(f"/{settings.ADMIN_PATH}")
            and not request.path.startswith(settings.STATIC_URL)
            # The API caches itself: its language may come from a header.
            and not request.path.startswith("/api/")
            and not request.path.startswith("/" + settings.MEDIA_URL.lstrip("/"))
        )

    def __call__(self, request):
        token = _request_version.set(_UNREAD)  # a fresh read for each request
        incomplete = _incomplete.set(False)
        host = _request_host.set(safe_host(request))
        try:
            return self.respond(request)
        finally:
            _request_version.reset(token)
            _incomplete.reset(incomplete)
            _request_host.reset(host)

    def respond(self, request):
        if not self.cacheable(request):
            return self.get_response(request)
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        try:
            version = current_version()
        except DatabaseError:
            # Neither cache nor database knows the version: let the outage page answer.
            return self.get_response(request)
        key = page_key(request, version, language)
        cached = cache.get(key)
        if cached is not None:
            from exhibition.stats.counter import count_response

            cached = thawed(cached)
            cached["X-Page-Cache"] = "hit"
            return count_response(request, cached)  # a record page's view counts
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if (
            response.status_code in CACHEABLE_STATUS
            and not response.streaming
            and not response.cookies
            and not response.has_header("Set-Cookie")
            and not _incomplete.get()
            and not getattr(response, "not_for_page_cache", False)
            and (user is None or not user.is_authenticated)
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            if response.status_code == 404:
                # A draft's address answers 404 until it is published: a browser
                # must ask again, or the curator's colleague sees the 404 a minute on.
                patch_cache_control(response, public=True, no_cache=True)
            else:
                patch_cache_control(response, public=True, max_age=60)
            cache.set(key, frozen(response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


def not_for_page_cache(response):
    """Keep an answer made with parts of the previous content version out of the
    page cache and browsers' caches. A flag, not Cache-Control alone: the kiosk's
    version is no-store for browsers and still served from the page cache."""
    patch_cache_control(response, no_store=True)
    response.not_for_page_cache = True
    return response


def parts_key(name, *parts):
    """The one key of a computed part of a page: its name, the content version, the
    language, the host and the museum's local date (an exhibition's state turns
    with the calendar), and a digest of the parts that tell it apart."""
    # The parts may be a visitor's whole query string: hashed, a key stays short
    # (memcached refuses keys over 250 bytes, and Redis stores every byte).
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]
    return ":".join(
        [
            "part",
            name,
            str(current_version()),
            get_language() or "",
            _request_host.get(),
            timezone.localdate().isoformat(),
            digest,
        ]
    )


def computed(name, compute, *parts, timeout=3600):
    """``compute()`` once per content version, language, host and day.

    Only for parts whose cost grows with the collection (facet counts, timelines):
    a page is correct without it, and reads nothing differently with it. Values
    only from ``published()``, so no draft is ever stored; a part made while
    something was missing (storage down) is not kept."""
    key = parts_key(name, *parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        if rendered_whole():
            cache.set(key, value, timeout)
    return value
