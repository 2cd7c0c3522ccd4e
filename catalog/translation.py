"""Which catalogue fields are written in English and Simplified Chinese."""

from modeltranslation.translator import TranslationOptions, register

from catalog.history import register_history
from catalog.models import (
    Artifact,
    ArtifactImage,
    MediaItem,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Record,
    Role,
    Source,
)


@register(Record)
class RecordTranslation(TranslationOptions):
    fields = ("disputed_note",)


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "note")


@register(ObjectType)
class ObjectTypeTranslation(TranslationOptions):
    fields = ("label",)


@register(Nationality)
class NationalityTranslation(TranslationOptions):
    fields = ("label",)


@register(Role)
class RoleTranslation(TranslationOptions):
    fields = ("name",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = (
        "name",
        "other_names",
        "affiliation",
        "birth_display",
        "death_display",
        "active_display",
        "active_places",
        "summary",
        "body",
        "portrait_alt",
    )


@register(Artifact)
class ArtifactTranslation(TranslationOptions):
    fields = (
        "title",
        "description",
        "date_display",
        "place",
        "materials",
        "credit_line",
        "provenance",
        "rights",
    )


@register(ArtifactImage)
class ArtifactImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")


@register(Photograph)
class PhotographTranslation(TranslationOptions):
    fields = (
        "title",
        "caption",
        "alt_text",
        "photographer",
        "date_display",
        "place",
        "archive",
        "credit_line",
        "rights",
    )


@register(MediaItem)
class MediaItemTranslation(TranslationOptions):
    fields = ("title", "file", "captions", "transcript", "credit", "rights")


# After every registration above: the historical tables copy the model's fields as
# they are now, so the _en and _zh_hans columns must already exist.
register_history()
