"""The collection's facet counts, kept per content version and filter state.

Counting a large collection takes about a second, and every save makes a new
content version. So after a change the counts of the previous version are served
at once while one background thread counts afresh; the next view after that gets
the new counts. Old counts were taken over published records only, so they can be
a little out of date for a moment but never show a draft; the records listed on the
page are always read live from ``published()``, and a page showing old counts is
never stored as the new version's page (the collection view says no-store).
"""

import hashlib
import logging
import threading

from django.core.cache import cache
from django.core.signals import request_finished
from django.db import connections
from django.utils import translation

from exhibition.gallery.facets import build_facets

logger = logging.getLogger(__name__)
FACET_SECONDS = 3600
# How long one worker owns a recount; another may try again after that.
RECOUNT_SECONDS = 60


class StartOnce:
    """Starts ``thread`` at the first ``request_finished``. The signal is global: with
    threaded workers two requests may finish at once and both call this (the soak
    saw "threads can only be started once"), so only the first call starts it."""

    def __init__(self, thread):
        self.thread, self.lock, self.started = thread, threading.Lock(), False

    def __call__(self, **kwargs):
        with self.lock:
            if self.started:
                return
            self.started = True
        request_finished.disconnect(self)
        self.thread.start()


def in_background(job):
    """Run ``job`` in a thread of its own once the response under way is sent, so
    the recount does not slow the page that asked for it (tests replace this)."""
    thread = threading.Thread(target=job, daemon=True, name="facet-recount")
    request_finished.connect(StartOnce(thread), weak=False)


def state_digest(model, selected):
    query = selected.copy()
    for name in ("page", "sort"):
        query.pop(name, None)
    state = f"{model._meta.model_name}?{query.urlencode()}"
    return hashlib.sha256(state.encode()).hexdigest()[:32]


def cached_facets(model, filtered, selected, artifact_kind, version):
    """Facets, records with images, the record count for one filter state, and the
    content version they were counted at (older than ``version`` while a recount
    runs: whatever shows them must key on it).

    ``filtered`` is the filtered queryset, or a function returning it (so a stored
    answer costs no query building). They depend only on the filters (not the page
    or the sort), so one count serves every page and sort of the same state.
    """
    language = translation.get_language() or ""
    digest = state_digest(model, selected)
    key = f"facets:{version}:{language}:{digest}"
    found = cache.get(key)
    if found is not None:
        return found
    latest_key = f"facets-latest:{language}:{digest}"

    def count():
        queryset = filtered() if callable(filtered) else filtered
        facets, with_images = build_facets(model, queryset, selected, artifact_kind)
        counted = (facets, with_images, queryset.count(), version)
        cache.set(key, counted, FACET_SECONDS)
        latest = cache.get(latest_key)
        if latest is None or latest[0] <= version:
            cache.set(latest_key, (version, counted), FACET_SECONDS)
        return counted

    latest = cache.get(latest_key)
    if latest is None or latest[0] >= version:
        return count()
    if cache.add(f"facets-recount:{key}", True, RECOUNT_SECONDS):
        in_background(_recount(count, language))
    return latest[1]


def _recount(count, language):
    def job():
        try:
            with translation.override(language):
                count()
        except Exception:  # the next view counts again; the page was already served
            logger.exception("facet recount failed")
        finally:
            connections.close_all()

    return job
