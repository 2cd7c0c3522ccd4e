"""Every API error as one JSON shape: ``{"detail": …, "errors": {parameter: […]}}``."""

from django.http import JsonResponse
from django.utils.translation import gettext
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler


class ErrorSerializer(serializers.Serializer):
    """What a 4xx answer carries (for the schema)."""

    detail = serializers.CharField(help_text="What went wrong, for a person.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For a 400: the messages for each bad parameter.",
    )


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # not an API error: Django's 500 handling (logged, no details)
    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"": exc.detail}
        response.data = {
            "detail": gettext("Some parameters are not valid."),
            "errors": {
                str(name): [
                    str(message)
                    for message in (
                        messages if isinstance(messages, list) else [messages]
                    )
                ]
                for name, messages in errors.items()
            },
        }
    elif isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"detail": str(response.data["detail"])}
    response["Cache-Control"] = "no-store"
    return response


def not_found(request, *args, **kwargs):
    """Any address under the API that names nothing."""
    response = JsonResponse(
        {"detail": gettext("Nothing is published at this address.")}, status=404
    )
    response["Cache-Control"] = "no-store"
    return response
