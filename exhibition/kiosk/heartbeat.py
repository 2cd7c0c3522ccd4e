"""The kiosk's heartbeat: a screen, proving it is itself, tells curators it is alive
and reports the records visitors opened on it (``exhibition.stats.reports``).

Only the kiosk's device key (see ``Kiosk.rotate_device_key``), sent in the
``X-Kiosk-Key`` header, may speak for it; anything else gets 403 and changes
nothing. At most one heartbeat per kiosk is accepted every ``min_interval()``
seconds (429 beyond), so even a leaked key cannot turn the endpoint into a flood
of database writes.
"""

import ipaddress
import json
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from exhibition.models import Kiosk
from exhibition.stats.reports import add_opens, opens_problem

HEARTBEAT_SECONDS = 60
KEY_HEADER = "X-Kiosk-Key"
# Room for a batch of opens kept while offline (at most 200 counts).
MAX_HEARTBEAT_BYTES = 16 * 1024
MAX_UPTIME = 10 * 365 * 24 * 60 * 60
VERSION_FORMAT = re.compile(r"[0-9a-f]{8,64}")


def json_error(message, status=400):
    return JsonResponse({"error": message}, status=status)


def heartbeat_problem(data):
    """Why a heartbeat body is not acceptable, or None."""
    if not isinstance(data, dict) or set(data) - {"opens"} != {"version", "uptime"}:
        return "Expected an object with version, uptime and optionally opens."
    if not isinstance(data["version"], str) or not VERSION_FORMAT.fullmatch(
        data["version"]
    ):
        return "version must be 8 to 64 lowercase hexadecimal characters."
    uptime = data["uptime"]
    if type(uptime) is not int or not 0 <= uptime <= MAX_UPTIME:
        return "uptime must be a whole number of seconds."
    if "opens" in data:
        return opens_problem(data["opens"])
    return None


def client_ip(request):
    try:
        return str(ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")))
    except ValueError:
        return None


def user_agent(request):
    """The browser's name as shown to curators: printable characters only
    (PostgreSQL refuses a NUL in text), at most 300."""
    agent = request.headers.get("User-Agent", "")
    return "".join(c for c in agent if c.isprintable())[:300]


def read_body(request):
    """The heartbeat's JSON body, or the error response that refuses it."""
    if request.content_type != "application/json":
        return None, json_error("Send application/json.", status=415)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None, json_error("Bad Content-Length.")
    if length > MAX_HEARTBEAT_BYTES:
        return None, json_error("Body too large.", status=413)
    body = request.read(MAX_HEARTBEAT_BYTES + 1)
    if len(body) > MAX_HEARTBEAT_BYTES:
        return None, json_error("Body too large.", status=413)
    try:
        data = json.loads(body)
    except ValueError:
        return None, json_error("Body is not JSON.")
    except RecursionError:  # the parser's stack: no heartbeat nests deeper than 4
        return None, json_error("Body is nested too deeply.")
    problem = heartbeat_problem(data)
    if problem:
        return None, json_error(problem)
    return data, None


def min_interval():
    """Seconds between two accepted heartbeats of one kiosk (a setting, so a test
    site need not wait them out in real time)."""
    return settings.KIOSK_HEARTBEAT_MIN_SECONDS


def first_in_interval(kiosk):
    """Whether this is the kiosk's first accepted heartbeat for ``min_interval()``
    seconds. ``add`` is atomic, so two at once cannot both pass; when the cache is
    down (``add`` fails and nothing is found) heartbeats are let through rather
    than every kiosk being shown offline."""
    key = f"kiosk-heartbeat:{kiosk.pk}"
    if cache.add(key, True, timeout=min_interval()):
        return True
    return cache.get(key) is None


# A kiosk has no account or session to protect: it proves itself with its device
# key, in a header no cross-site form can send, and this view writes nothing but
# the kiosk's own heartbeat fields, so it is exempt from CSRF.
@csrf_exempt
@never_cache
def heartbeat(request, slug):
    """Record that the kiosk is alive, which content it shows, its uptime, and
    count the opens it reports (answering how many counted and how many not)."""
    if request.method != "POST":
        response = json_error("Use POST.", status=405)
        response["Allow"] = "POST"
        return response
    kiosk = Kiosk.objects.active().filter(slug=slug).first()
    if kiosk is None:
        return json_error("Unknown kiosk.", status=404)
    if not kiosk.has_device_key(request.headers.get(KEY_HEADER, "")):
        return json_error("Missing or wrong device key.", status=403)
    data, refusal = read_body(request)
    if refusal is not None:
        return refusal
    if not first_in_interval(kiosk):
        response = json_error("Too many heartbeats.", status=429)
        response["Retry-After"] = str(min_interval())
        return response
    added = add_opens(kiosk, data["opens"]) if "opens" in data else None
    # A queryset update: no signals, and the profile's updated_at stays a curator's.
    Kiosk.objects.filter(pk=kiosk.pk).update(
        last_seen=timezone.now(),
        reported_version=data["version"],
        uptime=data["uptime"],
        last_user_agent=user_agent(request),
        last_ip=client_ip(request),
    )
    if added is None:
        return HttpResponse(status=204)
    return JsonResponse(added)
