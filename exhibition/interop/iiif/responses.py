"""How every IIIF response is sent: JSON-LD with its profile, open to any origin
(viewers on other sites fetch with CORS), and a 404 a viewer can read."""

import functools
import json
import logging

from django.http import Http404, HttpResponse, JsonResponse

from catalog.storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json"
PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
SCHEMA_ORG = "https://schema.org/"


def allow_any_origin(view):
    """``Access-Control-Allow-Origin: *`` on the view's every answer, errors too."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except (Http404, FileNotFoundError):  # a missing original is not found too
            response = JsonResponse({"error": "Not found"}, status=404)
        except STORAGE_ERRORS as error:
            # Tiles and sizes are made in and read from the media storage: while it
            # is down a viewer gets an answer it can retry, not a 500.
            logger.warning(
                "media storage unavailable for IIIF %s: %r", request.path, error
            )
            response = JsonResponse({"error": "Media storage unavailable"}, status=503)
            response["Retry-After"] = "30"
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapped


def json_ld(request, data, context, negotiate=False):
    """JSON-LD with the API's profile. With ``negotiate`` (the Image API's info.json)
    plain ``application/json`` unless the client asks for JSON-LD."""
    wants_ld = "application/ld+json" in request.headers.get("Accept", "")
    if negotiate and not wants_ld:
        content_type = "application/json"
    else:
        content_type = f'application/ld+json;profile="{context}"'
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    response = HttpResponse(body, content_type=content_type)
    if negotiate:
        response["Vary"] = "Accept"
    return response
