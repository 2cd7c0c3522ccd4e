"""The publishing workflow: draft → in review → published (→ withdrawn).

Every status change goes through this module, whoever asks for it (change form,
bulk action, scheduled publishing), so the permission and readiness checks are the
same everywhere and each step records who made it and when. A record is published
only when it has what visitors need, in both languages.
"""

import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.images.tiles import ensure_tiles
from catalog.models import Artifact, Person, Photograph, Status
from catalog.readiness import missing

logger = logging.getLogger(__name__)


class WorkflowError(Exception):
    """A transition was refused; ``problems`` says why, one sentence each."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(str(problem) for problem in self.problems))


# -- permissions ---------------------------------------------------------------


def permission(model, action):
    """``catalog.<action>_<model>``: the permission behind a workflow action."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_submit(user, model):
    return user.has_perm(permission(model, "submit"))


def can_publish(user, model):
    """Approve, publish, schedule, send back and withdraw: the head curator's."""
    return user.has_perm(permission(model, "publish"))


# -- readiness -----------------------------------------------------------------


# Text visitors need on every record, per model: (field, how the message names it).
def _save(record, user, reason):
    record._history_user = user
    record._change_reason = reason
    record.save()
    if record.status == Status.PUBLISHED:
        transaction.on_commit(lambda: make_tiles_of(record))
    return record


def make_tiles_of(record):
    """A newly public record's IIIF tiles, made now so its first viewer need not
    wait; a file that cannot be read is logged and left to the next attempt."""
    if isinstance(record, Artifact):
        files = [entry.image for entry in record.images.all()]
    elif isinstance(record, Photograph):
        files = [record.image] if record.image else []
    else:
        files = []
    for field_file in files:
        try:
            ensure_tiles(field_file)
        except (OSError, ValueError):
            logger.exception("could not make IIIF tiles of %s", field_file.name)


def _refuse_unless(allowed, message):
    if not allowed:
        raise WorkflowError([message])


def submit(record, user, now=None):
    """Draft (or withdrawn) → in review. Returns what is still missing, as a hint."""
    _refuse_unless(
        can_submit(user, type(record)),
        _("You may not submit records for review."),
    )
    _refuse_unless(
        record.status in (Status.DRAFT, Status.WITHDRAWN),
        _("Only drafts and withdrawn records can be submitted for review."),
    )
    record.status = Status.REVIEW
    record.submitted_by = user
    record.submitted_at = now or timezone.now()
    _save(record, user, "submitted for review")
    return missing(record)


def publish(record, user, now=None):
    """Approve and publish now; refused while anything visitors need is missing."""
    _refuse_unless(can_publish(user, type(record)), _("You may not publish records."))
    _refuse_unless(
        record.status != Status.PUBLISHED, _("The record is already published.")
    )
    problems = missing(record)
    if problems:
        raise WorkflowError(problems)
    now = now or timezone.now()
    record.status = Status.PUBLISHED
    record.reviewed_by = record.published_by = user
    record.reviewed_at = record.published_at = now
    record.publish_at = None
    return _save(record, user, "published")


def schedule(record, user, when, now=None):
    """Approve now and publish at ``when`` (see ``publish_due``)."""
    _refuse_unless(can_publish(user, type(record)), _("You may not publish records."))
    _refuse_unless(
        record.status != Status.PUBLISHED, _("The record is already published.")
    )
    problems = missing(record)
    if problems:
        raise WorkflowError(problems)
    record.publish_at = when
    record.reviewed_by = user
    record.reviewed_at = now or timezone.now()
    return _save(record, user, "scheduled")


def return_to_draft(record, user, now=None):
    """In review → draft: the reviewer sends it back for more work."""
    _refuse_unless(
        can_publish(user, type(record)),
        _("You may not review records."),
    )
    _refuse_unless(
        record.status == Status.REVIEW,
        _("Only records in review can be sent back to draft."),
    )
    record.status = Status.DRAFT
    record.reviewed_by = user
    record.reviewed_at = now or timezone.now()
    record.publish_at = None
    return _save(record, user, "returned to draft")


def withdraw(record, user, now=None):
    """Published → withdrawn: off the public site, kept in the catalogue."""
    _refuse_unless(can_publish(user, type(record)), _("You may not withdraw records."))
    _refuse_unless(
        record.status == Status.PUBLISHED, _("Only published records can be withdrawn.")
    )
    record.status = Status.WITHDRAWN
    record.withdrawn_by = user
    record.withdrawn_at = now or timezone.now()
    record.publish_at = None
    return _save(record, user, "withdrawn")


TRANSITIONS = {
    "submit": submit,
    "publish": publish,
    "return_to_draft": return_to_draft,
    "withdraw": withdraw,
}


def available_transitions(record, user):
    """The transitions ``user`` may try on ``record`` now, in button order."""
    model = type(record)
    names = []
    if record.status in (Status.DRAFT, Status.WITHDRAWN) and can_submit(user, model):
        names.append("submit")
    if can_publish(user, model):
        if record.status != Status.PUBLISHED:
            names.append("publish")
        if record.status == Status.REVIEW:
            names.append("return_to_draft")
        if record.status == Status.PUBLISHED:
            names.append("withdraw")
    return names


@dataclass
class ScheduledRun:
    published: list
    skipped: list  # (record, problems)


def publish_due(now=None):
    """Publish every record whose scheduled time has come and which is complete.

    The scheduling reviewer is recorded as the publisher. A record that has become
    incomplete since it was scheduled stays unpublished and is reported.
    """
    now = now or timezone.now()
    run = ScheduledRun(published=[], skipped=[])
    for model in (Artifact, Photograph, Person):
        due = model.objects.exclude(status=Status.PUBLISHED).filter(publish_at__lte=now)
        for record in due.select_related("reviewed_by"):
            problems = missing(record)
            if problems:
                run.skipped.append((record, problems))
                continue
            with transaction.atomic():
                record.status = Status.PUBLISHED
                record.published_by = record.reviewed_by
                record.published_at = now
                record.publish_at = None
                _save(record, record.reviewed_by, "published on schedule")
            run.published.append(record)
    return run
