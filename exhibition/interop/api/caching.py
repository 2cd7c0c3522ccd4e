"""API answers cached per content version, with an ETag for conditional requests.

An answer depends on the URL, the language, the day (an exhibition's state) and
the content version, which any change of published content bumps
(exhibition/page_cache.py): all of them are in the key, so nothing is ever
invalidated by hand and no stale answer outlives a change."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import parse_etags
from rest_framework.response import Response

from exhibition.interop.api.languages import content_language
from exhibition.page_cache import build_id, current_version, rendered_whole

MAX_AGE = 60


def etag(request, language):
    parts = [
        build_id(),
        str(current_version()),
        timezone.localdate().isoformat(),
        language,
        request.get_host(),
        request.get_full_path(),
    ]
    return 'W/"{}"'.format(hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32])


def unchanged(request, tag):
    wanted = parse_etags(request.headers.get("If-None-Match", ""))
    bare = tag.removeprefix("W/")
    return "*" in wanted or any(t.removeprefix("W/") == bare for t in wanted)


def cached_answer(request, language, produce):
    """The answer's data from the cache, or from ``produce()`` (then stored)."""
    tag = etag(request, language)
    headers = {
        "ETag": tag,
        "Vary": "Accept-Language",
        "Content-Language": content_language(language),
        "Cache-Control": f"public, max-age={MAX_AGE}",
    }
    if unchanged(request, tag):
        return Response(status=304, headers=headers)
    seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
    key = f"api:{tag}"
    data = cache.get(key) if seconds > 0 else None
    if data is None:
        data = produce()
        if not rendered_whole():
            # An image was left out (media storage down): neither this server nor
            # the client may keep the answer, or it would outlast the outage.
            headers.pop("ETag")
            headers["Cache-Control"] = "no-store"
        elif seconds > 0:
            cache.set(key, data, seconds)
    return Response(data, headers=headers)
