"""The CSV's columns and cell formats: which fields, which languages, lists."""

import functools
import hashlib
import re

from django.utils.translation import pgettext_lazy
from modeltranslation.translator import translator

from catalog.models import (
    Artifact,
    Photograph,
)

KINDS = {"artifact": Artifact, "photograph": Photograph}
LANGUAGE_SUFFIXES = ("en", "zh_hans")
WORKFLOW_USERS = ["submitted_by", "reviewed_by", "published_by", "withdrawn_by"]
# Not columns: the database's own bookkeeping, and files (the ``images`` column).
SKIPPED_FIELDS = {"id", "created_at", "updated_at", "image", "portrait"}
LIST_SEPARATOR = re.compile(r"(?<!\\)\|")
TRUE = {"1", "true", "yes", "y", "x", "是", "✓"}
FALSE = {"", "0", "false", "no", "n", "否"}
# Rows checked and written together: one query per chunk for each lookup and write,
# and never more than one chunk's records in memory.
CHUNK_ROWS = 500
# When the record was last changed, as exported: an import refuses to overwrite a
# record someone changed after the export (an empty cell overwrites knowingly).
VERSION_COLUMN = "version"
# "created" is also a field's label ("created" at): a context keeps them apart.
OUTCOMES = {
    "created": pgettext_lazy("import outcome", "created"),
    "updated": pgettext_lazy("import outcome", "updated"),
    "unchanged": pgettext_lazy("import outcome", "unchanged"),
    "to create": pgettext_lazy("import outcome", "to create"),
    "to update": pgettext_lazy("import outcome", "to update"),
}


# Models and their translated fields are fixed once Django has started: computed
# once, not for every cell of every row.
@functools.cache
def translated_names(model):
    options = translator.get_options_for_model(model)
    return frozenset(options.all_fields)


@functools.cache
def field_columns(model):
    """The model's fields that are CSV columns, in model order."""
    base = translated_names(model)
    return tuple(
        f
        for f in model._meta.concrete_fields
        if f.name not in SKIPPED_FIELDS
        and f.name not in base
        and f.name not in ("width", "height")
    )


@functools.cache
def columns():
    """Every column, in the order the exporter writes them."""
    names = ["kind"]
    for model in KINDS.values():
        for f in field_columns(model):
            if f.name not in names:
                names.append(f.name)
    names += [
        "people",
        "sections",
        "citations",
        "images",
        "image_caption_en",
        "image_caption_zh_hans",
        VERSION_COLUMN,
    ]
    return tuple(names)


def split_list(value):
    if not value.strip():
        return []
    return [part.strip().replace("\\|", "|") for part in LIST_SEPARATOR.split(value)]


def join_list(values):
    return "|".join(str(value).replace("|", "\\|") for value in values)


# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV
# injection"): the export writes such a cell with a quote in front, and so a cell
# that itself starts with a quote, which makes the quote an unambiguous escape.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPED_STARTS = (*FORMULA_STARTS, "'")


def neutralise(value):
    """A cell as the export writes it: never read by a spreadsheet as a formula."""
    return "'" + value if value.startswith(ESCAPED_STARTS) else value


def restore(value):
    """A cell as the import reads it: undoes ``neutralise`` exactly. A quote the
    export did not add (one not followed by a formula start or a quote) is kept."""
    if value.startswith("'") and value[1:].startswith(ESCAPED_STARTS):
        return value[1:]
    return value


def checksum(data):
    return hashlib.sha256(data).hexdigest()


LINK_COLUMNS = {"kind", "people", "sections", "citations", "images", "version"}


@functools.cache
def applies(model, name):
    """Whether column ``name`` is used for a record of ``model``."""
    if name in LINK_COLUMNS:
        return True
    if name.startswith("image_caption_"):
        return model is Artifact
    if name.startswith("alt_text_"):
        return True
    return any(f.name == name for f in field_columns(model))


@functools.cache
def choice_keys(f):
    """A field's choices by key and by label, in lower case."""
    by_label = {str(label).lower(): key for key, label in f.choices}
    by_key = {str(key).lower(): key for key, _label in f.choices}
    return by_key, by_label
