"""Translated fields side by side: English beside Chinese, and what is missing.

modeltranslation lists ``title_en`` and ``title_zh_hans`` one under the other;
pairing them in one row puts the two languages next to each other on a wide
screen (the admin stacks a row's fields on a narrow one), and each empty
translation says so in its label, so a translator sees the gaps at a glance.
"""

from django.conf import settings
from django.utils.translation import pgettext
from modeltranslation.translator import translator

MISSING_CLASS = "translation-missing"


def suffixes():
    return [code.replace("-", "_") for code, _name in settings.LANGUAGES]


def pair_translations(fields):
    """``[a_en, a_zh_hans, b]`` → ``[(a_en, a_zh_hans), b]``."""
    languages = suffixes()
    first = f"_{languages[0]}"
    paired, index = [], 0
    while index < len(fields):
        name = fields[index]
        if isinstance(name, str) and name.endswith(first):
            group = [f"{name[: -len(first)]}_{suffix}" for suffix in languages]
            if list(fields[index : index + len(group)]) == group:
                paired.append(tuple(group))
                index += len(group)
                continue
        paired.append(name)
        index += 1
    return paired


def translated_pairs(model):
    try:
        names = translator.get_options_for_model(model).fields
    except Exception:  # not a translated model
        return {}
    return {name: [f"{name}_{suffix}" for suffix in suffixes()] for name in names}


class SideBySideTranslationsAdmin:
    """A ModelAdmin mixin for translated models (after TranslationAdmin in the MRO)."""

    def get_fieldsets(self, request, obj=None):
        return [
            (title, {**options, "fields": pair_translations(list(options["fields"]))})
            for title, options in super().get_fieldsets(request, obj)
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        pairs = translated_pairs(self.model)

        class MarkedForm(form):
            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                missing = pgettext("an empty translation", "missing")
                for names in pairs.values():
                    for name in names:
                        field = self.fields.get(name)
                        if field is None or str(getattr(self.instance, name, "") or ""):
                            continue
                        field.label = f"{field.label} · {missing}"
                        css = field.widget.attrs.get("class", "")
                        field.widget.attrs["class"] = f"{css} {MISSING_CLASS}".strip()

        return MarkedForm

    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        if obj is not None and obj.pk:
            context["translation_gaps"] = translation_gaps(obj)
        return super().render_change_form(request, context, add, change, **kw)


def translation_gaps(obj):
    """Per language, how many translated fields of ``obj`` are empty."""
    pairs = translated_pairs(type(obj))
    return [
        (
            name,
            sum(
                1
                for names in pairs.values()
                if not str(getattr(obj, names[index], "") or "").strip()
            ),
        )
        for index, (_code, name) in enumerate(settings.LANGUAGES)
    ]
