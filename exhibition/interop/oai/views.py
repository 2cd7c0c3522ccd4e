"""The OAI-PMH endpoint: reads the arguments (GET or POST), checks them against
the verb, and answers with the verb's response or the protocol's error."""

from django.conf import settings
from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from exhibition.interop.oai import xml
from exhibition.interop.oai.errors import (
    BAD_VERB,
    ECHO_NOTHING,
    OAIError,
    bad_argument,
)
from exhibition.interop.oai.verbs import VERBS, Context


def arguments_of(request):
    """``{name: value}``; a repeated argument is a badArgument, a missing or
    unknown verb a badVerb."""
    try:
        source = request.POST if request.method == "POST" else request.GET
    except (BadRequest, MultiPartParserError, SuspiciousOperation) as error:
        # Django's own 400 page would be HTML no harvester reads.
        raise bad_argument(
            "The arguments could not be read: send them as a UTF-8 query or form, "
            f"at most {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} of them."
        ) from error
    arguments = {}
    for name, values in source.lists():
        if len(values) != 1:
            if name == "verb":
                raise OAIError(BAD_VERB, "The verb argument is repeated.")
            raise bad_argument(f"The argument {name} is repeated.")
        arguments[name] = values[0]
    verb = arguments.pop("verb", None)
    if verb is None:
        raise OAIError(BAD_VERB, "The verb argument is missing.")
    if verb not in VERBS:
        raise OAIError(BAD_VERB, "The verb argument is not an OAI-PMH verb.")
    _function, required, optional, exclusive = VERBS[verb]
    unknown = sorted(set(arguments) - set(required) - set(optional) - {exclusive})
    if unknown:
        raise bad_argument(f"{verb} takes no argument {unknown[0]}.")
    if exclusive and exclusive in arguments:
        if len(arguments) > 1:
            raise bad_argument(f"{exclusive} must be the only argument with the verb.")
        return verb, arguments
    missing = [name for name in required if name not in arguments]
    if missing:
        raise bad_argument(f"{verb} needs the argument {missing[0]}.")
    return verb, arguments


# Harvesters post without a CSRF token; the endpoint changes nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def endpoint(request):
    base_url = request.build_absolute_uri(reverse("oai-pmh"))
    context = Context(request, base_url)
    verb, arguments = None, {}
    try:
        verb, arguments = arguments_of(request)
        root = xml.envelope(base_url, {"verb": verb, **arguments})
        function = VERBS[verb][0]
        root.append(function(context, arguments))
    except OAIError as error:
        echo = {} if error.code in ECHO_NOTHING else {"verb": verb, **arguments}
        root = xml.envelope(base_url, echo)
        xml.add(root, "error", error.message, code=error.code)
    return xml.response(root)
