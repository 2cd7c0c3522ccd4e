"""What a ``collection.json`` entry may hold for a model's fields: which keys, and
which JSON values each field takes (the model's own validation does the rest)."""

import re
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from catalog.transfer.columns import WORKFLOW_USERS, translated_names
from catalog.transfer.json_file import show

# Never in the file: the database's own bookkeeping, and what an image sets.
NOT_KEYS = {"id", "created_at", "updated_at", "portrait_width", "portrait_height"}
WHOLE_NUMBER = re.compile(r"\s*-?\d+\s*")


def field_keys(model, skipped=()):
    """The keys an entry may have for ``model``'s fields, as the export writes
    them: each language of a translated field, never the untranslated one."""
    skipped = translated_names(model) | NOT_KEYS | {"image", "portrait", *skipped}
    return {f.name: f for f in model._meta.concrete_fields if f.name not in skipped}


def type_problem(f, value):
    """Why ``value`` cannot go into field ``f``, or None."""
    if value is None or (value == "" and f.null):
        return None  # the model says whether the field may be empty
    if f.name in WORKFLOW_USERS:
        # Unknown user names are left empty, as in a CSV row.
        return None if isinstance(value, str) else _("This must be text.")
    if isinstance(f, models.BooleanField):
        return None if isinstance(value, bool) else _("Write true or false.")
    if isinstance(f, models.IntegerField):
        if isinstance(value, int) and not isinstance(value, bool):
            return None
        if isinstance(value, float) and value.is_integer():
            return None
        if isinstance(value, str) and WHOLE_NUMBER.fullmatch(value):
            return None
        return _("“%(value)s” is not a whole number.") % {"value": show(value)}
    if isinstance(f, models.DateTimeField):
        try:
            datetime.fromisoformat(value)
        except (TypeError, ValueError):
            return _("“%(value)s” is not a date and time (use 2025-09-03 10:00).") % {
                "value": show(value)
            }
        return None
    if not isinstance(value, str):
        return _("This must be text.")
    if f.choices and value not in {str(key) for key, _label in f.choices}:
        return _("“%(value)s” is not one of: %(choices)s.") % {
            "value": value,
            "choices": ", ".join(str(key) for key, _label in f.choices),
        }
    return None


def citation_problem(item, sources):
    """Why ``item`` is not a citation ``[source key, locator]`` of one of
    ``sources``, or None."""
    from catalog.models import Citation

    if not (
        isinstance(item, list)
        and len(item) == 2
        and all(isinstance(part, str) for part in item)
    ):
        return _(
            "“%(value)s” is not a citation: write [source key, where in the source]."
        ) % {"value": show(item)}
    key, locator = item
    if key not in sources:
        return _("Unknown source “%(key)s”.") % {"key": key}
    try:
        Citation(locator=locator).clean_fields(
            exclude=["content_type", "object_id", "source"]
        )
    except ValidationError as error:
        return " ".join(error.messages)
    return None
