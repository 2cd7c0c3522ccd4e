"""The OpenAPI schema's shared parts (language, errors, tags) and the docs pages."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from exhibition.interop.api import languages
from exhibition.interop.api.errors import ErrorSerializer

LANG = OpenApiParameter(
    "lang",
    str,
    OpenApiParameter.QUERY,
    enum=languages.choices(),
    description=(
        "The language of every translated text: a plain string in `en` or "
        "`zh-Hans`, or with `all` a map of both. Without it, Accept-Language "
        "decides (English by default)."
    ),
)
ACCEPT_LANGUAGE = OpenApiParameter(
    "Accept-Language",
    str,
    OpenApiParameter.HEADER,
    description="Used when `lang` is not given; `zh` and `zh-CN` mean `zh-Hans`.",
)


class ApiSchema(AutoSchema):
    """Every operation takes the language parameters and may answer 400, 404
    (not published, or no such page) and 429 (over the rate limit)."""

    def get_override_parameters(self):
        return [*super().get_override_parameters(), LANG, ACCEPT_LANGUAGE]

    def get_response_serializers(self):
        return {
            200: super().get_response_serializers(),
            400: ErrorSerializer,
            404: ErrorSerializer,
            429: ErrorSerializer,
        }

    def get_tags(self):
        # /api/v1/exhibitions/{slug}/sections/… → "exhibitions"
        return [self.path.removeprefix("/api/v1/").split("/")[0]]


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema, as YAML or (``?format=json``) JSON."""


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from our own static files; its start-up script is a separate
    file (``?script``), so the site's strict Content-Security-Policy holds."""

    template_name = "api/swagger_ui.html"
    url_name = "api:schema"


def describe_query_parameters(result, generator, request, public):
    """Every optional query parameter may be sent empty (``?state=``, as an HTML
    form does) and then counts as not given; a text parameter may hold anything
    but NUL. Said in the schema, so clients and checkers (schemathesis) know."""
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    describe(parameter)
    return result


def describe(parameter):
    schema = parameter.get("schema", {})
    if schema.get("type") == "array":
        # A repeated parameter: each value may be empty, so the items say it.
        items = schema.get("items", {})
        if "enum" in items:
            items["enum"] = [*items["enum"], ""]
        elif items.get("type") == "string":
            items.setdefault("pattern", NO_NUL)
        return
    if not parameter.get("required"):
        parameter["allowEmptyValue"] = True
    if schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("pattern", NO_NUL)


# No database stores a NUL character, so a text parameter holding one is a 400.
NO_NUL = "^[^\\x00]*$"
