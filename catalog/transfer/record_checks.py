"""Checking the record a row leaves: how its status may move by import, what an
edit does to its workflow, and the model's own validation."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog import workflow
from catalog.models import Artifact, Status
from catalog.transfer.columns import LANGUAGE_SUFFIXES, translated_names
from catalog.transfer.rows import note
from catalog.transfer.values import snapshot


def check_status(number, row, user, problems):
    """A status cell moves the record only as ``catalog.workflow`` lets this user
    move it by import (never to published or withdrawn), and records who and
    when; the workflow's own columns are not the file's to change. Without a user
    (the server's own command) the file is taken as it is."""
    if user is None:
        return
    record, model = row.record, row.model
    from_state = Status.DRAFT if row.created else record.status
    to_state = row.values.get("status", from_state)
    refusal = workflow.import_refusal(user, model, from_state, to_state, row.created)
    if refusal:
        note(problems, number, "status", refusal)
        return
    for name in workflow.WORKFLOW_FIELDS[1:]:
        if name in row.values and row.values[name] != (
            None if row.created else getattr(record, name)
        ):
            note(
                problems,
                number,
                name,
                _("Set by the workflow in the admin; an import may not change it."),
            )
        row.values.pop(name, None)
    if to_state != from_state:
        workflow.record_move(record, user, to_state)


def check_edit(row, user, problems):
    """What a row that changes its record does to the workflow (as an edit in the
    admin would, ``workflow.edit_of``): a published record is a head curator's to
    change; a change cancels another's scheduled approval."""
    if user is None or row.created:
        return
    before = row.before
    scheduled = before.get("publish_at") is not None
    outcome = workflow.edit_outcome(user, row.model, before["status"], scheduled)
    if outcome == workflow.EDIT_REFUSED:
        note(
            problems,
            row.number,
            "",
            _("Only a head curator may change a published record."),
        )
    elif outcome == workflow.EDIT_UNSCHEDULES:
        row.record.publish_at = None
    elif outcome == workflow.EDIT_REAPPROVES:
        row.record.reviewed_by = user
        row.record.reviewed_at = timezone.now()


def check_record(row, existing, problems, first):
    """Set the row's values on its record and check it as the model would.
    ``existing``: the chunk's ``Existing``; ``problems[first:]``: this row's
    problems so far (the file's earlier rows cannot clash)."""
    number, record = row.number, row.record
    for name, value in row.values.items():
        if value == "" and getattr(record, name) is None:
            continue  # blank either way: not a change
        setattr(record, name, value)
    year_from, year_to = record.year_from, record.year_to
    if year_from is not None and year_to is not None and year_from > year_to:
        note(problems, number, "year_to", _("The latest year is before the earliest."))
    if not row.created and snapshot(record) == row.before:
        return  # the row changes no field: the model would judge the catalogue
    reported = {(p.row, p.column) for p in problems[first:]}
    for name, messages in model_errors(row, existing).items():
        column = name
        if name in translated_names(row.model):
            column = f"{name}_en"
        if (number, column) in reported:
            continue  # already explained, e.g. an unknown choice
        for message in messages:
            note(problems, number, column, message)


def model_errors(row, existing):
    """What ``full_clean`` would find, without its query per link and per unique
    field: links come from lookups of existing rows, and the one unique field a
    row can clash on (an artifact's slug) was looked up for the chunk."""
    record = row.record
    # The untranslated names read a language's column with fallbacks: a required
    # one is blank only when every language is (checked below).
    base = translated_names(row.model)
    exclude = {"image", *base}
    for f in record._meta.concrete_fields:
        if f.is_relation and getattr(record, f.attname) is not None:
            exclude.add(f.name)  # a term or user the lookups found
    term = record._state.fields_cache.get("object_type")
    if term is not None and term.pk is None:
        exclude.add("object_type")  # a term the import will create
    errors = {}
    try:
        record.clean_fields(exclude=exclude)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    try:
        record.clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for name in sorted(base):
        f = record._meta.get_field(name)
        values = (record.__dict__.get(f"{name}_{lang}") for lang in LANGUAGE_SUFFIXES)
        if not f.blank and all(value in f.empty_values for value in values):
            blank = ValidationError(f.error_messages["blank"], code="blank")
            errors.setdefault(name, []).append(blank)
    slug = record.slug
    if row.model is Artifact and slug and "slug" not in errors:
        owner = existing.artifact_slug_owner(slug)
        if owner is not None and owner != record.pk:
            error = record.unique_error_message(Artifact, ("slug",))
            errors["slug"] = list(ValidationError([error]).messages)
    return {
        name: [str(m) for m in ValidationError(messages).messages]
        for name, messages in errors.items()
    }
