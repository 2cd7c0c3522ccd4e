"""The kiosk screens in the hall, and the endpoints that keep them running unattended.

Pages show one active kiosk's published content in one of its languages and link
only to other pages of the same kiosk. The service worker keeps a copy of all of
it for when the server is away; the version endpoint tells the screen when to
refresh that copy; the heartbeat tells curators the screen is alive.
"""

import ipaddress
import json
import re

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from exhibition.kiosk.content import KioskContent, service_worker_source
from exhibition.models import Kiosk

COUNTDOWN_SECONDS = 10
HEARTBEAT_SECONDS = 60
MAX_HEARTBEAT_BYTES = 512
MAX_UPTIME = 10 * 365 * 24 * 60 * 60
VERSION_FORMAT = re.compile(r"[0-9a-f]{8,64}")
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
        {"page": "person", "person_entry": person_entry, "person": person_entry.person},
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


def json_error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def heartbeat_problem(data):
    """Why a heartbeat body is not acceptable, or None."""
    if not isinstance(data, dict) or set(data) != {"version", "uptime"}:
        return "Expected an object with exactly: version, uptime."
    if not isinstance(data["version"], str) or not VERSION_FORMAT.fullmatch(
        data["version"]
    ):
        return "version must be 8 to 64 lowercase hexadecimal characters."
    uptime = data["uptime"]
    if type(uptime) is not int or not 0 <= uptime <= MAX_UPTIME:
        return "uptime must be a whole number of seconds."
    return None


def client_ip(request):
    try:
        return str(ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")))
    except ValueError:
        return None


# A kiosk has no account or session to protect, and this view writes nothing but
# the kiosk's own heartbeat fields, so it is exempt from CSRF. It still accepts
# only application/json, which a cross-site form cannot send without a CORS
# preflight that is never granted.
@csrf_exempt
@never_cache
def heartbeat(request, slug):
    """Record that the kiosk is alive, which content it shows and its uptime."""
    if request.method != "POST":
        response = json_error("Use POST.", status=405)
        response["Allow"] = "POST"
        return response
    kiosk = Kiosk.objects.active().filter(slug=slug).first()
    if kiosk is None:
        return json_error("Unknown kiosk.", status=404)
    if request.content_type != "application/json":
        return json_error("Send application/json.", status=415)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return json_error("Bad Content-Length.")
    if length > MAX_HEARTBEAT_BYTES:
        return json_error("Body too large.", status=413)
    body = request.read(MAX_HEARTBEAT_BYTES + 1)
    if len(body) > MAX_HEARTBEAT_BYTES:
        return json_error("Body too large.", status=413)
    try:
        data = json.loads(body)
    except ValueError:
        return json_error("Body is not JSON.")
    problem = heartbeat_problem(data)
    if problem:
        return json_error(problem)
    # A queryset update: no signals, and the profile's updated_at stays a curator's.
    Kiosk.objects.filter(pk=kiosk.pk).update(
        last_seen=timezone.now(),
        reported_version=data["version"],
        uptime=data["uptime"],
        last_user_agent=request.headers.get("User-Agent", "")[:300],
        last_ip=client_ip(request),
    )
    return HttpResponse(status=204)
