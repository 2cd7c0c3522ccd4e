"""Settings of sharing the collection with other systems, imported by
config/settings.py: the read-only JSON API (Django REST framework and the OpenAPI
schema) and the OAI-PMH provider."""

import os

# The read-only JSON API (exhibition/interop/api): public, anonymous, rate-limited
# per client address through the configured cache, documented by its OpenAPI schema.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["exhibition.interop.api.throttling.AnonymousRate"],
    "DEFAULT_THROTTLE_RATES": {"anon": os.environ.get("API_RATE_LIMIT", "120/minute")},
    "NUM_PROXIES": int(os.environ.get("PROXY_COUNT", "0")),
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "exhibition.interop.api.errors.exception_handler",
    "UNICODE_JSON": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Exhibition CMS API",
    "DESCRIPTION": (
        "Read-only access to the published catalogue and exhibitions. Every "
        "translated text is a plain string in the chosen language, or with "
        "`lang=all` a language map."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "exhibition.interop.api.schema.describe_query_parameters",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ExhibitionKind": "exhibition.models.Exhibition.Kind",
        "ExhibitionState": "exhibition.models.Exhibition.State",
        "PersonKind": "catalog.models.Person.Kind",
        "RecordKind": "exhibition.interop.api.serializers.exhibitions.RECORD_KINDS",
    },
}

# OAI-PMH (/oai): the repository's name in identifiers (oai:<id>:artifact:12), by
# default the host a harvester asked; records per page of a list.
OAI_REPOSITORY_ID = os.environ.get("OAI_REPOSITORY_ID", "")
OAI_PAGE_SIZE = int(os.environ.get("OAI_PAGE_SIZE", "100"))
