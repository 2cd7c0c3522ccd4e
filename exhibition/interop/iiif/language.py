"""IIIF language maps from translated fields and from the interface's own strings."""

from django.utils import translation

# Our languages: (modeltranslation's field suffix, Django's code, IIIF's BCP 47 tag).
LANGUAGES = (("en", "en", "en"), ("zh_hans", "zh-hans", "zh-Hans"))


def field_map(obj, name):
    """``{"en": [...], "zh-Hans": [...]}`` from a translated field; empty languages
    are left out (a viewer then shows the other)."""
    values = {}
    for suffix, _code, tag in LANGUAGES:
        value = (getattr(obj, f"{name}_{suffix}", "") or "").strip()
        if value:
            values[tag] = [value]
    return values


def plain_map(value):
    """A value in no particular language (an accession number, a size)."""
    value = (value or "").strip()
    return {"none": [value]} if value else {}


def text_map(message, params=None):
    """A lazily translated interface string, in every language."""
    values = {}
    for _suffix, code, tag in LANGUAGES:
        with translation.override(code):
            text = str(message)
            values[tag] = [text % params if params else text]
    return values


def joined_map(objects, name):
    """One language map listing a translated field of several objects; where one
    lacks a language, its other language stands in, so every list is complete."""
    maps = [field_map(obj, name) for obj in objects]
    maps = [m for m in maps if m]
    values = {}
    for _suffix, _code, tag in LANGUAGES:
        texts = [m.get(tag) or next(iter(m.values())) for m in maps]
        if texts:
            values[tag] = [text for group in texts for text in group]
    return values


def entry(label, value):
    """A metadata pair, or None when there is nothing to show."""
    return {"label": text_map(label), "value": value} if value else None
