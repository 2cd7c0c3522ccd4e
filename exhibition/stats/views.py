"""The players' beacon: a visitor started a clip, count one play of its record.

``navigator.sendBeacon`` posts here with no body and no cookie worth reading; the
answer is always an empty 204, so a beacon learns nothing. Only a clip of a
published artifact, photograph, person, section or exhibition (an audio guide's
stops hang on sections) counts; nothing is written on the request path
(``counter.count`` keeps it in the cache).

Anyone can post, so a loop of posts must not inflate the figures: a play counts
once per visitor (address and browser) and clip in ``PERIOD``, and one address adds
at most ``PLAYS_PER_ADDRESS_AND_CLIP`` plays of a clip and ``PLAYS_PER_ADDRESS`` in
all in that time (visitors on a museum's network share one address). The cache
keys name a keyed hash of the address and browser, never either in clear, and
expire with the period.
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.crypto import salted_hmac
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from rest_framework.throttling import BaseThrottle

from catalog.models import MediaItem
from exhibition.models.usage import KINDS, Channel
from exhibition.stats.counter import PREFIX, count, is_visitor

PERIOD = 60 * 60
PLAYS_PER_ADDRESS_AND_CLIP = 10
PLAYS_PER_ADDRESS = 100


def limit_key(*parts):
    digest = salted_hmac("exhibition.stats.views", "\n".join(map(str, parts)))
    return f"{PREFIX}:play-limit:{digest.hexdigest()[:32]}"


def within(key, limit):
    """One more play under ``key``; whether it stays within ``limit`` this period."""
    cache.add(key, 0, PERIOD)
    try:
        return (cache.incr(key) or 0) <= limit
    except ValueError:  # expired between the two calls: a new period
        return True


def first_play(request, clip_pk):
    """Whether this play counts: the visitor's first of the clip this period, and
    within what its address may add. The address is the API's (``PROXY_COUNT``)."""
    address = BaseThrottle().get_ident(request)
    agent = request.headers.get("User-Agent", "")
    if not cache.add(limit_key("visitor", address, agent, clip_pk), True, PERIOD):
        return False
    return within(
        limit_key("clip", address, clip_pk), PLAYS_PER_ADDRESS_AND_CLIP
    ) and within(limit_key("address", address), PLAYS_PER_ADDRESS)


# No session or form is involved and the only effect is one more play in the
# cache, so a cross-site post could do no more than the visitor's own beacon.
@csrf_exempt
@never_cache
@require_POST
def play(request, pk):
    if is_visitor(request):
        clip = (
            MediaItem.objects.published()
            .filter(pk=pk)
            .values_list("content_type__model", "object_id")
            .first()
        )
        if clip and clip[0] in KINDS and first_play(request, pk):
            count(Channel.AUDIO, clip[0], clip[1])
    return HttpResponse(status=204)
