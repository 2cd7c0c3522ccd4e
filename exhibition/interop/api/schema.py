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
