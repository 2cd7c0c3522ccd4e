"""The kiosk screens in the hall, and the endpoints that keep them running unattended.

Pages show one active kiosk's published content in one of its languages and link
only to other pages of the same kiosk. The service worker keeps a copy of all of
it for when the server is away; the version endpoint tells the screen when to
refresh that copy; the heartbeat (``heartbeat.py``) tells curators it is alive.
"""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from exhibition.kiosk.content import KioskContent, service_worker_source
from exhibition.kiosk.heartbeat import HEARTBEAT_SECONDS, KEY_HEADER
from exhibition.models import Kiosk

COUNTDOWN_SECONDS = 10
LANGUAGE_NAMES = {"en": "English", "zh-hans": "中文"}


def active_kiosk(slug):
    # Its exhibition comes along: every kiosk page reads it.
    return get_object_or_404(
        Kiosk.objects.active().select_related("exhibition"), slug=slug
    )


def render_page(request, content, language, template, context, url_in):
    """Render one kiosk page in ``language``; ``url_in(code)`` is it in another."""
    kiosk = content.kiosk
    if language not in kiosk.languages:
        raise Http404("This kiosk does not offer that language.")
    other = next((code for code in kiosk.languages if code != language), None)
    config = {
        "page": context.get("page", ""),
        # [kind, id] of the record this page opens: the screen counts the open.
        "opened": context.get("opened"),
        "home": content.home_url(),
        "serviceWorker": reverse("kiosk:service-worker", args=[kiosk.slug]),
        "versionUrl": reverse("kiosk:version", args=[kiosk.slug]),
        "heartbeatUrl": reverse("kiosk:heartbeat", args=[kiosk.slug]),
        "version": content.version,
        "language": language,
        "defaultLanguage": kiosk.default_language,
        "idleSeconds": kiosk.idle_timeout,
        "countdownSeconds": COUNTDOWN_SECONDS,
        "attractSeconds": kiosk.attract_interval,
        "heartbeatSeconds": HEARTBEAT_SECONDS,
        "keyHeader": KEY_HEADER,
    }
    with translation.override(language):
        content.set_language(language)
        response = render(
            request,
            template,
            {
                **context,
                # Read first: gives each entry, person and section its ``clips``.
                "clips": content.clips,
                "kiosk": kiosk,
                "content": content,
                "exhibition": content.exhibition,
                "language": language,
                "home_url": content.home_url(language),
                "other_language": other,
                "other_language_name": LANGUAGE_NAMES.get(other, ""),
                "other_url": url_in(other) if other else "",
                "config": json.dumps(config, separators=(",", ":")),
            },
        )
    response.headers["Content-Language"] = language
    patch_cache_control(response, no_cache=True)
    return response


@require_safe
def home(request, slug, language=None):
    """The attract loop, and behind it the kiosk's shelves of items and people."""
    kiosk = active_kiosk(slug)
    content = KioskContent(kiosk)
    return render_page(
        request,
        content,
        language or kiosk.default_language,
        "kiosk/home.html",
        {"page": "home", "attract": content.attract()},
        lambda code: content.home_url(code) + "#explore",
    )


@require_safe
def record(request, slug, language, kind, record):
    kiosk = active_kiosk(slug)
    content = KioskContent(kiosk)
    entry = content.entry(kind, record)
    if entry is None:
        raise Http404("Not shown on this kiosk.")
    previous, following = content.neighbours(entry)
    return render_page(
        request,
        content,
        language,
        "kiosk/record.html",
        {
            "page": "record",
            "opened": [kind, entry.record.pk],
            "entry": entry,
            "record": entry.record,
            "previous": previous,
            "next": following,
        },
        lambda code: content.entry_url(entry, code),
    )


@require_safe
def person(request, slug, language, person):
    """A biography, leading only to that person's items on this kiosk."""
    kiosk = active_kiosk(slug)
    content = KioskContent(kiosk)
    person_entry = content.person(person)
    if person_entry is None:
        raise Http404("Not shown on this kiosk.")
    return render_page(
        request,
        content,
        language,
        "kiosk/person.html",
        {
            "page": "person",
            "opened": ["person", person_entry.person.pk],
            "person_entry": person_entry,
            "person": person_entry.person,
        },
        lambda code: content.person_url(person_entry, code),
    )


@require_safe
@never_cache
def version(request, slug):
    """The content version the kiosk should be showing."""
    content = KioskContent(active_kiosk(slug))
    return JsonResponse({"version": content.version})


@require_safe
@never_cache
def precache(request, slug):
    """Every page, image and asset the service worker keeps for offline running."""
    return JsonResponse(KioskContent(active_kiosk(slug)).precache())


@require_safe
def service_worker(request, slug):
    """The service worker, served from inside /kiosk/<slug>/ so that is its scope."""
    active_kiosk(slug)
    response = HttpResponse(
        service_worker_source(), content_type="text/javascript; charset=utf-8"
    )
    # Browsers revalidate the worker on every check, so a new one is picked up.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response
