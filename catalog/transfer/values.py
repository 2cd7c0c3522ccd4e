"""Setting a record's fields from imported values, and reading them back."""

import functools
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models

from catalog.models import (
    Citation,
    Source,
)
from catalog.transfer.columns import (
    SKIPPED_FIELDS,
    WORKFLOW_USERS,
    checksum,
    translated_names,
)

INVALID = object()


def assign(obj, entry, users=None):
    for f in obj._meta.concrete_fields:
        if f.name in entry and f.name not in SKIPPED_FIELDS:
            value = entry[f.name]
            if value in ("", None) and f.null:
                value = None
            elif f.name in WORKFLOW_USERS:
                value = (users or {}).get(value) if value else None
            elif isinstance(f, models.DateTimeField) and value:
                value = datetime.fromisoformat(value)
            setattr(obj, f.name, value)


def snapshot(obj):
    """The stored columns of ``obj``, to compare before and after an import sets
    its fields: read from the instance itself, not through modeltranslation's
    descriptors of the untranslated names (which only mirror a language's column,
    and which look up the active language each time)."""
    values = obj.__dict__
    return {attname: values.get(attname) for attname in compared_columns(type(obj))}


@functools.cache
def compared_columns(model):
    base = translated_names(model)
    return tuple(
        f.attname
        for f in model._meta.concrete_fields
        if f.name not in ("updated_at", "created_at") and f.name not in base
    )


def stored_checksum(field_file):
    try:
        with field_file.storage.open(field_file.name, "rb") as handle:
            return checksum(handle.read())
    except (FileNotFoundError, OSError):
        return None


def set_citations(record, citations):
    """Make ``record``'s citations exactly ``[(source key, locator), …]``."""
    content_type = ContentType.objects.get_for_model(record)
    wanted = [(key, locator) for key, locator in citations]
    current = list(
        Citation.objects.filter(content_type=content_type, object_id=record.pk)
        .select_related("source")
        .order_by("position", "pk")
    )
    if [(c.source.key, c.locator) for c in current] == wanted:
        return False
    Citation.objects.filter(content_type=content_type, object_id=record.pk).delete()
    sources = Source.objects.in_bulk([key for key, _l in wanted], field_name="key")
    Citation.objects.bulk_create(
        Citation(
            content_type=content_type,
            object_id=record.pk,
            source=sources[key],
            locator=locator,
            position=position,
        )
        for position, (key, locator) in enumerate(wanted)
    )
    return True
