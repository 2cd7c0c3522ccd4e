"""Which language an API answer speaks: ``?lang=``, else Accept-Language, else
English; ``lang=all`` gives every translated text as a language map."""

from django.conf import settings
from django.utils.translation import get_supported_language_variant, gettext
from django.utils.translation.trans_real import parse_accept_lang_header
from rest_framework.exceptions import ValidationError

ALL = "all"


def tag(code):
    """A Django language code as a BCP 47 tag: ``zh-hans`` → ``zh-Hans``."""
    language, _sep, script = code.partition("-")
    return f"{language}-{script.title()}" if script else language


def codes():
    return [code for code, _name in settings.LANGUAGES]


def choices():
    """What ``lang`` accepts, as the schema lists it."""
    return [tag(code) for code in codes()] + [ALL]


def from_header(header):
    for accepted, _quality in parse_accept_lang_header(header or ""):
        if accepted == "*":
            break
        try:
            return get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def requested(request):
    """The Django language code asked for, or ``ALL``; a bad ``lang`` is a 400."""
    value = request.query_params.get("lang")
    if not value:  # absent, or empty as a form sends it
        return from_header(request.headers.get("Accept-Language"))
    wanted = value.strip().lower()
    if wanted == ALL:
        return ALL
    if wanted in codes():
        return wanted
    raise ValidationError(
        {
            "lang": [
                gettext("Unknown language “%(value)s”; use one of %(choices)s.")
                % {"value": value[:20], "choices": ", ".join(choices())}
            ]
        }
    )


def content_language(language):
    """The Content-Language header for an answer in ``language``."""
    return (
        ", ".join(tag(code) for code in codes()) if language == ALL else tag(language)
    )


def text(instance, field, language):
    """One translated field: a plain string, or a language map for ``ALL``.

    A plain string follows the project's fallback rule (modeltranslation reads
    the active language, then MODELTRANSLATION_FALLBACK_LANGUAGES); a map gives
    what is stored in each language, empty where nothing was written."""
    if language == ALL:
        return {
            tag(code): getattr(instance, f"{field}_{code.replace('-', '_')}") or ""
            for code in codes()
        }
    return getattr(instance, field) or ""
