"""Which exhibition fields are written in English and Simplified Chinese."""

from modeltranslation.translator import TranslationOptions, register

from exhibition.models import Exhibition, Kiosk, Museum, Section


@register(Exhibition)
class ExhibitionTranslation(TranslationOptions):
    fields = (
        "title",
        "subtitle",
        "venue",
        "galleries",
        "organisers",
        "supporters",
        "introduction",
        "notice",
        "timeline_title",
    )


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "introduction", "hero_alt")


@register(Kiosk)
class KioskTranslation(TranslationOptions):
    fields = ("name",)


@register(Museum)
class MuseumTranslation(TranslationOptions):
    fields = (
        "name",
        "short_name",
        "description",
        "address",
        "galleries",
        "opening_hours",
        "footer",
        "contact",
    )
