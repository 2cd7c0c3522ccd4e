"""Rendered parts of public pages, kept per content version, language, host and day.

Uncached pages are mostly template work (the profile: cards, pictures and URL
reversing). A part rendered once is stored under the *content version*, so any save
(a publish, a retitle, a withdrawal) makes every older part unreachable at once,
exactly like the page cache; the local date is in the key because an exhibition's
state turns with the calendar. A curator previewing something unpublished renders
afresh and stores nothing, so a draft never lands in a fragment.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from exhibition.page_cache import current_version, rendered_whole

FRAGMENT_SECONDS = 3600
# A context carrying this key renders without the fragment cache (curator preview).
FRESH = "render_fresh"


def _prefix(name, host):
    return ":".join(
        [
            "fragment",
            name,
            str(current_version()),
            get_language() or "",
            timezone.localdate().isoformat(),
            host,
        ]
    )


def _digest(parts):
    raw = "\x1f".join(map(str, parts))
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def fragment_key(name, parts, host=""):
    return f"{_prefix(name, host)}:{_digest(parts)}"


def cached_fragment(name, parts, render, host=""):
    """The stored HTML of one part of a page, rendered by ``render()`` when missing."""
    key = fragment_key(name, parts, host)
    html = cache.get(key)
    if html is None:
        html = str(render())
        if rendered_whole():  # not a part missing an image while storage was down
            cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)


def cards(model, pks, fetch):
    """The rendered cards (``includes/<model>_card.html``) of the records ``pks``, in
    that order: the stored ones in one cache read, the others read by
    ``fetch(missing pks)`` (from ``published()``), rendered and stored."""
    kind = model._meta.model_name
    prefix = _prefix("card", "")
    keys = [f"{prefix}:{_digest([kind, pk])}" for pk in pks]
    found = cache.get_many(keys)
    missing = [pk for pk, key in zip(pks, keys, strict=True) if key not in found]
    if missing:
        fresh = {
            f"{prefix}:{_digest([kind, record.pk])}": render_to_string(
                f"includes/{kind}_card.html", {kind: record}
            )
            for record in fetch(missing)
        }
        if rendered_whole():
            cache.set_many(fresh, FRAGMENT_SECONDS)
        found.update(fresh)
    return [mark_safe(found[key]) for key in keys if key in found]
