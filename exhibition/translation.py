"""Which exhibition fields are written in English and Simplified Chinese."""

from modeltranslation.translator import TranslationOptions, register

from exhibition.models import Exhibition, Kiosk, Section


@register(Exhibition)
class ExhibitionTranslation(TranslationOptions):
    fields = (
        "title",
        "subtitle",
        "venue",
        "organisers",
        "supporters",
        "introduction",
        "notice",
    )


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "introduction", "hero_alt")


@register(Kiosk)
class KioskTranslation(TranslationOptions):
    fields = ("name",)
