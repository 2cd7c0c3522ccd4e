"""Serializer fields the API shares: translated text, pictures, links."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.images.renditions import ready_picture
from exhibition.interop.api import languages
from exhibition.interop.api.links import iiif_url
from exhibition.page_cache import page_incomplete

LANGUAGE_MAP = {
    "type": "object",
    "description": "The text in each language (`lang=all`); empty where none.",
    "properties": {tag: {"type": "string"} for tag in ("en", "zh-Hans")},
    "required": ["en", "zh-Hans"],
    "additionalProperties": False,
}
TEXT = {
    "oneOf": [
        {"type": "string", "description": "The text in the chosen language."},
        LANGUAGE_MAP,
    ]
}


def language_of(context):
    return context["request"].api_language


@extend_schema_field(TEXT)
class TranslatedField(serializers.Field):
    """A translated model field: a string, or a language map for ``lang=all``.
    ``of`` names a related object to read it from (``of="section"``)."""

    def __init__(self, field=None, of=None, **kwargs):
        self.field, self.of = field, of
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.field = self.field or field_name

    def to_representation(self, instance):
        if self.of:
            instance = getattr(instance, self.of)
        return languages.text(instance, self.field, language_of(self.context))


RENDITION = {
    "type": "object",
    "properties": {
        "width": {"type": "integer"},
        "height": {"type": "integer", "nullable": True},
        "jpeg": {"type": "string", "format": "uri"},
        "webp": {"type": "string", "format": "uri"},
    },
    "required": ["width", "height", "jpeg", "webp"],
}
IMAGE = {
    "type": "object",
    "nullable": True,
    "description": "Resized copies (renditions) of one image, smallest first; the "
    "original is never served.",
    "properties": {
        "width": {"type": "integer", "description": "The original's width."},
        "height": {"type": "integer", "description": "The original's height."},
        "renditions": {"type": "array", "items": RENDITION},
    },
    "required": ["width", "height", "renditions"],
}


def picture(request, field_file, width, height):
    """An image's renditions, made on first use as the gallery's pages make them."""
    if not field_file or not width:
        return None
    pic = ready_picture(field_file, width, height)
    if pic is None:  # the media storage is down: the record without its image
        page_incomplete()  # ... and the answer is not kept (caching.cached_answer)
        return None
    return {
        "width": width,
        "height": height,
        "renditions": [
            {
                "width": size,
                "height": pic.height_for(size),
                "jpeg": request.build_absolute_uri(f"{pic.folder_url}/{size}.jpg"),
                "webp": request.build_absolute_uri(f"{pic.folder_url}/{size}.webp"),
            }
            for size in pic.widths
        ],
    }


@extend_schema_field(IMAGE)
class PictureField(serializers.Field):
    """An image field and its stored size, e.g. ``PictureField("portrait")``."""

    def __init__(self, field, width="width", height="height", **kwargs):
        self.names = (field, width, height)
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        field, width, height = (getattr(instance, name) for name in self.names)
        return picture(self.context["request"], field, width, height)


@extend_schema_field(OpenApiTypes.URI)
class IiifField(serializers.Field):
    """The record's IIIF manifest (or an exhibition's collection)."""

    def __init__(self, kind, **kwargs):
        self.kind = kind
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return iiif_url(self.context["request"], self.kind, instance.slug)


@extend_schema_field(OpenApiTypes.URI)
class PageField(serializers.Field):
    """The record's page in the public gallery, in the answer's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


@extend_schema_field(OpenApiTypes.URI)
class ApiLinkField(serializers.Field):
    """This record's address in the API, from its URL name and slug(s)."""

    def __init__(self, view_name, lookups=("slug",), **kwargs):
        self.view_name, self.lookups = view_name, lookups
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        args = []
        for lookup in self.lookups:
            value = instance
            for part in lookup.split("."):
                value = getattr(value, part)
            args.append(value)
        path = reverse(f"api:{self.view_name}", args=args)
        return self.context["request"].build_absolute_uri(path)
