"""No lost update: a save made on a stale copy of a record is refused, both kept.

Each change form carries the version it was opened on (the record's
``updated_at``, which every save moves on). If someone else saved the record in
between, the save is refused and the form comes back merged: the other person's
changes where only they changed a field, this person's where only they did, and
theirs side by side where both did, with a table that shows what each changed.
Saving again applies it. A change form posted without the version is refused
the same way. Bulk actions check the versions the list was loaded on.
"""

import hashlib

from django import forms
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

VERSION_INPUT = "_opened_version"
# A signed fingerprint of each field as the form showed it: tells who changed
# what even for records without a history.
FIELDS_INPUT = "_opened_fields"
SEEN_PREFIX = "_seen_version_"


def version_of(obj):
    changed = getattr(obj, "updated_at", None)
    return changed.isoformat() if changed else ""


def stored_version(model, pk):
    changed = model.objects.filter(pk=pk).values_list("updated_at", flat=True).first()
    return changed.isoformat() if changed else ""


def state_when_opened(record, version):
    """The record as it was when the form was opened, from its history."""
    moment = parse_datetime(version or "")
    history = getattr(record, "history", None)
    if moment is None or history is None:
        return None
    return history.filter(updated_at=moment).order_by("-history_id").first()


def field_value(obj, name):
    """A comparable value of field ``name`` on a record or a historical record.

    Raises FieldDoesNotExist for a form-only field, and for many-to-many links on
    a historical record (the history does not keep them)."""
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return sorted(getattr(obj, name).values_list("pk", flat=True))
    if field.is_relation:
        return getattr(obj, field.attname)
    return getattr(obj, name)


def shown(form, name, value):
    """``value`` as a person reads it on the conflict page."""
    if value is None or value == "" or value == []:
        return "—"
    field = form.fields[name]
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(o) for o in field.queryset.filter(pk__in=value)) or "—"
    if isinstance(field, forms.ModelChoiceField):
        found = field.queryset.filter(pk=value).first()
        return str(found) if found else str(value)
    if isinstance(field, forms.BooleanField):
        return gettext("yes") if value else gettext("no")
    return str(value)


def comparable(form, name, value):
    field = form.fields[name]
    if isinstance(field, forms.ModelMultipleChoiceField):
        return sorted(getattr(v, "pk", v) for v in value or [])
    if isinstance(field, forms.ModelChoiceField):
        return getattr(value, "pk", value)
    if value is None and isinstance(field, forms.CharField):
        return ""
    return value


def digest(value):
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def fingerprints(form, record):
    """``{field: digest}`` of ``record``'s stored values, for the form's fields."""
    prints = {}
    for name in form.fields:
        try:
            prints[name] = digest(comparable(form, name, field_value(record, name)))
        except FieldDoesNotExist:
            continue
    return signing.dumps(prints, compress=True)


def read_fingerprints(form):
    try:
        return signing.loads(form.data.get(FIELDS_INPUT, ""))
    except signing.BadSignature:
        return {}


class Conflict:
    """What changed since the form was opened, field by field, and the merge."""

    def __init__(self, form, opened, current):
        self.rows = []
        self.merged = {}
        prints = read_fingerprints(form)
        for name in form.fields:
            if name == VERSION_INPUT or name not in form.cleaned_data:
                continue
            try:
                current_value = field_value(current, name)
            except FieldDoesNotExist:  # a form-only field: nothing stored
                continue
            mine = comparable(form, name, form.cleaned_data[name])
            theirs = comparable(form, name, current_value)
            if opened is not None:
                before = self.before(opened, form, name, theirs)
                other_changed, i_changed = theirs != before, mine != before
            elif name in prints:  # no history: the form's own fingerprints
                before = None
                other_changed = digest(theirs) != prints[name]
                i_changed = digest(mine) != prints[name]
            else:  # nothing to tell who changed it: show both where they differ
                before, other_changed, i_changed = None, mine != theirs, mine != theirs
            if not other_changed:
                continue
            label = form.fields[name].label or name
            both = i_changed and other_changed
            if other_changed and not i_changed:
                self.merged[name] = theirs
            self.rows.append(
                {
                    "label": label,
                    "before": shown(form, name, before),
                    "theirs": shown(form, name, theirs),
                    "mine": shown(form, name, mine),
                    "both": both,
                }
            )

    @staticmethod
    def before(opened, form, name, fallback):
        try:
            return comparable(form, name, field_value(opened, name))
        except FieldDoesNotExist:  # many-to-many links are not in the history
            return fallback


def merge_into(form, merged, version):
    """Rebind ``form`` to the merged values and the version now stored."""
    data = form.data.copy()
    for name, value in merged.items():
        key = form.add_prefix(name)
        field = form.fields[name]
        if isinstance(field, forms.ModelMultipleChoiceField):
            data.setlist(key, [str(v) for v in value])
        elif isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
            else:
                data.pop(key, None)
        else:
            data[key] = "" if value is None else str(value)
    data[VERSION_INPUT] = version
    form.data = data


class SaveCheckedAdmin:
    """A ModelAdmin mixin: change forms and bulk actions refuse stale saves."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)

        class CheckedForm(form):
            def clean(self):
                cleaned = super().clean()
                if self.instance.pk:  # a change form, with or without a version
                    check_version(self)
                return cleaned

        return CheckedForm

    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        form = context["adminform"].form
        if obj is not None and obj.pk:
            submitted = form.data.get(VERSION_INPUT) if form.is_bound else None
            context["opened_version"] = submitted or stored_version(self.model, obj.pk)
            context["conflict"] = getattr(form, "conflict", None)
            kept = (
                form.is_bound
                and not context["conflict"]
                and form.data.get(FIELDS_INPUT)
            )
            context["opened_fields"] = kept or fingerprints(
                form, self.model.objects.get(pk=obj.pk)
            )
        return super().render_change_form(request, context, add, change, **kw)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # A revert is a save too: it carries the version the page was opened on.
        extra_context = {
            **(extra_context or {}),
            "opened_version": stored_version(self.model, object_id),
        }
        return super().history_form_view(request, object_id, version_id, extra_context)

    @staticmethod
    def seen_version_input(obj):
        """A hidden input in a changelist row: the version the list shows."""
        return format_html(
            '<input type="hidden" name="{}{}" value="{}">',
            SEEN_PREFIX,
            obj.pk,
            version_of(obj),
        )

    def changed_since_seen(self, request, queryset):
        """Split ``queryset`` into records unchanged since the list was loaded,
        and those someone else changed meanwhile."""
        current, stale = [], []
        for record in queryset:
            seen = request.POST.get(f"{SEEN_PREFIX}{record.pk}")
            (
                stale if seen is not None and seen != version_of(record) else current
            ).append(record)
        return current, stale


STALE = _(
    "Someone else saved this record after you opened it. Nothing was "
    "saved: the form below keeps your changes and now includes theirs. "
    "Check the fields listed, then save again."
)
# An old tab, a script, a page from before an upgrade: it may be older than
# someone else's save, so it is refused as a stale one is, never applied unseen.
UNVERSIONED = _(
    "This form does not say which version of the record it was opened on (an "
    "old tab, or a page from before an update), so saving it could undo someone "
    "else's changes. Nothing was saved: the fields listed differ from the record "
    "as saved now. Check them, then save again."
)


def check_version(form):
    submitted = form.data.get(VERSION_INPUT)
    record = form.instance
    now = stored_version(type(record), record.pk)
    if submitted == now:
        return
    current = type(record).objects.get(pk=record.pk)
    conflict = Conflict(form, state_when_opened(current, submitted), current)
    merge_into(form, conflict.merged, now)
    form.conflict = conflict.rows
    raise ValidationError(STALE if submitted is not None else UNVERSIONED, code="stale")
