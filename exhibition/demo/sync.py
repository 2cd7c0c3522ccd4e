"""Writing one loaded record: fingerprints, translated text, curators' edits kept."""

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from catalog.models import (
    Citation,
    Status,
)
from exhibition.demo.reading import LANGUAGE_KEYS
from exhibition.models import (
    LoadedRecord,
)


@dataclass
class LoadReport:
    counts: Counter = field(default_factory=Counter)
    kept: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # shown once, e.g. new kiosk keys

    def note(self, model, outcome):
        self.counts[(model, outcome)] += 1

    def lines(self):
        models = sorted({model for model, _ in self.counts})
        for model in models:
            parts = [
                f"{self.counts[(model, outcome)]} {outcome}"
                for outcome in ("created", "updated", "unchanged", "kept")
                if self.counts[(model, outcome)]
            ]
            yield f"{model}: {', '.join(parts)}"
        for label in self.kept:
            yield f"kept curator's edit: {label}"
        yield from self.notes


def digest(entry):
    return hashlib.sha256(
        json.dumps(entry, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()


def set_text(obj, name, value):
    """Set a translated field from ``{"en": …, "zh_hans": …}`` or a plain string."""
    if isinstance(value, dict):
        for key, suffix in LANGUAGE_KEYS.items():
            setattr(obj, f"{name}_{suffix}", value.get(key, "") or "")
    else:
        setattr(obj, f"{name}_en", value or "")


def text(value, language="en"):
    if isinstance(value, dict):
        return value.get(language) or next(iter(value.values()), "")
    return value or ""


class RecordSync:
    """Create or update records from data, never over a curator's edit."""

    def __init__(self, content, report):
        self.content = content
        self.report = report
        self.now = timezone.now()
        self.sources = {}
        self.roles = {}
        self.people = {}
        self.sections = {}  # the first exhibition's, by slug (records name them)
        self.all_sections = {}  # every exhibition's, by (exhibition slug, slug)
        self.exhibitions = {}
        self.pending_items = []

    def sync(self, model, key, lookup, entry, apply):
        """Create or update one record unless a curator has edited it; return it."""
        label = model._meta.label
        state = LoadedRecord.objects.filter(model=label, key=key).first()
        obj = model.objects.filter(**lookup).first()
        fingerprint = digest(entry)
        if obj is None:
            outcome = "created"
            obj = model(**lookup)
        elif state and state.digest == fingerprint:
            self.report.note(label, "unchanged")
            return obj, "unchanged"
        elif state is None or self.edited_since(obj, state):
            self.report.note(label, "kept")
            self.report.kept.append(f"{label} {key}")
            return obj, "kept"
        else:
            outcome = "updated"
        apply(obj, outcome == "created")
        LoadedRecord.objects.update_or_create(
            model=label,
            key=key,
            defaults={"digest": fingerprint, "loaded_at": timezone.now()},
        )
        self.report.note(label, outcome)
        return obj, outcome

    @staticmethod
    def edited_since(obj, state):
        changed = getattr(obj, "updated_at", None)
        return changed is not None and changed > state.loaded_at

    def set_citations(self, obj, entry):
        content_type = ContentType.objects.get_for_model(obj)
        Citation.objects.filter(content_type=content_type, object_id=obj.pk).delete()
        Citation.objects.bulk_create(
            Citation(
                content_type=content_type,
                object_id=obj.pk,
                source=self.sources[citation["source"]],
                locator=citation.get("locator", ""),
                position=position,
            )
            for position, citation in enumerate(entry.get("citations", []))
        )

    def set_record_fields(self, obj, entry):
        obj.status = entry.get("status", Status.PUBLISHED)
        obj.disputed = bool(entry.get("disputed"))
        set_text(obj, "disputed_note", entry.get("disputed_note", ""))
