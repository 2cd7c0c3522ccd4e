"""Counting one use on the request path: a cache increment, never a database write.

Each (day, channel, record, kiosk) has its own cache key, incremented atomically
(``cache.incr``; Redis ``INCRBY`` in production). The first use of a key on a day
also writes it in that day's register (numbered slots), so the flush
(``flush.py``) can find every key without a key listing the cache API lacks.
Nothing about the visitor is kept: no cookie, address or user agent, only that a
record was used once more today.
"""

import re

from django.core.cache import cache
from django.utils import timezone

from exhibition.models.usage import KINDS

PREFIX = "uses"
# The flush reads the registers of the last KEEP_DAYS days; keys outlive them a day.
KEEP_DAYS = 3
TIMEOUT = (KEEP_DAYS + 1) * 24 * 60 * 60

# Obvious crawlers, link checkers and previews: matched, never stored.
ROBOT = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|archiver|fetch|monitor|check|validator|"
    r"preview|headless|lighthouse|curl/|wget/|python-|httpx|okhttp|java/|go-http|libwww|"
    r"facebookexternalhit|embedly|pingdom|uptime",
    re.IGNORECASE,
)


def register_key(day):
    return f"{PREFIX}:{day.isoformat()}:slots"


def use_key(day, channel, kind, record_id, kiosk=None):
    kiosk_id = getattr(kiosk, "pk", kiosk)
    return f"{PREFIX}:{day.isoformat()}:{channel}:{kind}:{record_id}:{kiosk_id or '-'}"


def parse_key(key):
    """(day, channel, kind, record_id, kiosk_id) of a key made by ``use_key``."""
    _prefix, day, channel, kind, record_id, kiosk = key.split(":")
    return day, channel, kind, int(record_id), None if kiosk == "-" else int(kiosk)


def is_visitor(request):
    """Not a crawler, not a browser's prefetch, not signed-in staff (a curator
    previewing). The User-Agent is only matched here, never kept."""
    if ROBOT.search(request.headers.get("User-Agent", "")):
        return False
    purpose = request.headers.get("Sec-Purpose") or request.headers.get("Purpose")
    if "prefetch" in (purpose or ""):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated and user.is_staff)


def count(channel, kind, record_id, *, kiosk=None, by=1):
    """One more use today, in the cache. A cache outage loses the count, never the
    page (``ResilientRedisCache.incr`` answers None then)."""
    if kind not in KINDS:
        raise ValueError(f"not a counted kind of record: {kind!r}")
    day = timezone.localdate()
    key = use_key(day, channel, kind, record_id, kiosk)
    try:
        cache.incr(key, by)
        return
    except ValueError:  # the day's first use of this key
        pass
    if cache.add(key, by, TIMEOUT):
        remember(day, key)
        return
    try:
        cache.incr(key, by)  # another request added it first
    except ValueError:
        pass


def remember(day, key):
    """Write ``key`` in the day's register: a slot number, then the slot."""
    slots = register_key(day)
    cache.add(slots, 0, TIMEOUT)
    try:
        number = cache.incr(slots)
    except ValueError:
        return
    if number:
        cache.set(f"{slots}:{number}", key, TIMEOUT)


def mark(response, channel, kind, record_id):
    """Note on the response what it shows: a page-cache hit of it then counts too."""
    response.counted_use = (channel, kind, record_id)
    return response


def count_response(request, response):
    """Count the use a marked response shows, if a visitor asked for it."""
    use = getattr(response, "counted_use", None)
    if (
        use
        and request.method == "GET"
        and response.status_code == 200
        and is_visitor(request)
    ):
        count(*use)
    return response


def counted(request, response, channel, record):
    """Mark and count a page showing ``record``; drafts (a curator's preview) never."""
    if getattr(record, "is_published", True):
        mark(response, channel, record._meta.model_name, record.pk)
        count_response(request, response)
    return response
