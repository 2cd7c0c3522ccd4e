"""The publishing workflow: draft → in review → published (→ withdrawn).

Every status change goes through this module, whoever asks for it (change form,
bulk action, history revert, import, scheduled publishing, the sections' admin),
so who may move a record from which state to which (``may_move``) and what an
edit does to a published or scheduled record (``edit_of``) are decided once, and
each step records who made it and when. A record is published only when it has
what visitors need, in both languages, and only by a head curator.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.images.tiles import ensure_tiles
from catalog.models import Artifact, Photograph, Status
from catalog.readiness import missing

logger = logging.getLogger(__name__)


class WorkflowError(Exception):
    """A transition was refused; ``problems`` says why, one sentence each."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(str(problem) for problem in self.problems))


# -- the rule: who may move a record from which state to which ------------------
#
# The one table of the workflow. Every path that changes a status asks it: the
# change form's buttons, the list's bulk actions, a revert from the history, the
# import, the scheduler, and the exhibition's and sections' admin. Head curators
# (``publish_<model>``) put things in front of the public and take them away;
# curators (``submit_<model>``) send drafts to review; nobody else moves anything.

MOVES = {
    (Status.DRAFT, Status.REVIEW): "submit",
    (Status.WITHDRAWN, Status.REVIEW): "submit",
    (Status.REVIEW, Status.DRAFT): "publish",
    (Status.DRAFT, Status.PUBLISHED): "publish",
    (Status.REVIEW, Status.PUBLISHED): "publish",
    (Status.WITHDRAWN, Status.PUBLISHED): "publish",
    (Status.PUBLISHED, Status.WITHDRAWN): "publish",
}

ADMIN = "admin"
IMPORT = "import"
# An import writes many rows nobody looks at one by one: it never publishes or
# withdraws. Those need the readiness check and the person the admin gives them.
IMPORT_TARGETS = {Status.DRAFT, Status.REVIEW}


def permission(model, action):
    """``<app>.<action>_<model>``: the permission behind a workflow action."""
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_submit(user, model):
    return user.has_perm(permission(model, "submit"))


def can_publish(user, model):
    """Approve, publish, schedule, send back and withdraw: the head curator's."""
    return user is not None and user.has_perm(permission(model, "publish"))


def may_move(user, model, from_state, to_state, path=ADMIN):
    """Whether ``user`` may move a ``model`` record from one status to another by
    ``path`` (``ADMIN`` or ``IMPORT``). Staying put is no move. A new record
    starts as a draft: ask with ``from_state=Status.DRAFT``."""
    if from_state == to_state:
        return True
    needed = MOVES.get((from_state, to_state))
    if needed is None or user is None:
        return False
    if path == IMPORT and to_state not in IMPORT_TARGETS:
        return False
    return user.has_perm(permission(model, needed))


# What a saved edit does, by the record's state and who edits it.
EDIT_SAVED = "saved"  # a draft, in review or withdrawn: nothing public changes
EDIT_LIVE = "live"  # a head curator's edit of a published record: their approval
EDIT_REFUSED = "refused"  # anyone else's edit of a published record
EDIT_REAPPROVES = "reapproves"  # a head curator's edit of a scheduled record
EDIT_UNSCHEDULES = "unschedules"  # anyone else's: the approval no longer holds


def is_scheduled(record):
    return (
        getattr(record, "publish_at", None) is not None
        and record.status != Status.PUBLISHED
    )


def edit_of(user, record):
    """What an edit by ``user`` does to ``record`` as it is stored now.

    The public reads the very row an edit changes, so an edit of a published
    record is public at once: only someone who may publish may make it. An
    approval (a scheduled publication) is of the version approved: an edit by
    anyone else cancels it, and a head curator must approve again.
    """
    return edit_outcome(user, type(record), record.status, is_scheduled(record))


def edit_outcome(user, model, status, scheduled):
    """``edit_of`` for a record of ``model`` in ``status`` (``scheduled``: with a
    publication time approved), for paths that hold no record as stored."""
    if status == Status.PUBLISHED:
        return EDIT_LIVE if can_publish(user, model) else EDIT_REFUSED
    if scheduled:
        return EDIT_REAPPROVES if can_publish(user, model) else EDIT_UNSCHEDULES
    return EDIT_SAVED


def import_refusal(user, model, from_state, to_state, created):
    """Why an import by ``user`` may not give a record ``to_state``, or None."""
    if may_move(user, model, from_state, to_state, IMPORT):
        return None
    if created:
        return _("You may not import records as %(status)s.") % {
            "status": Status(to_state).label.lower()
        }
    return _("You may not move a record from %(from)s to %(to)s by import.") % {
        "from": Status(from_state).label.lower(),
        "to": Status(to_state).label.lower(),
    }


def may_edit(user, record):
    return edit_of(user, record) != EDIT_REFUSED


WORKFLOW_FIELDS = [
    "status",
    "submitted_by",
    "submitted_at",
    "reviewed_by",
    "reviewed_at",
    "published_by",
    "published_at",
    "withdrawn_by",
    "withdrawn_at",
    "publish_at",
]


def keep_state(record):
    """Put the stored status and who/when back on ``record``: an edit (a form, an
    old version being restored) changes the content, never the workflow state."""
    if record.pk is None:
        return record
    names = [f.attname for f in _workflow_fields(type(record))]
    stored = type(record).objects.filter(pk=record.pk).values(*names).first()
    for name, value in (stored or {}).items():
        setattr(record, name, value)
    return record


def _workflow_fields(model):
    return [f for f in model._meta.concrete_fields if f.name in WORKFLOW_FIELDS]


def apply_edit(record, user, now=None):
    """What an edit by ``user`` does to the workflow, on the unsaved ``record``
    (whose state ``keep_state`` put back): cancel or renew a scheduled approval.
    Refuses an edit the user may not make. Returns ``edit_of``'s answer."""
    outcome = edit_of(user, record)
    if outcome == EDIT_REFUSED:
        raise WorkflowError([_("Only a head curator may change a published record.")])
    if outcome == EDIT_UNSCHEDULES:
        record.publish_at = None
    elif outcome == EDIT_REAPPROVES:
        record.reviewed_by = user
        record.reviewed_at = now or timezone.now()
    return outcome


# -- the steps: each checks the rule, records who and when, and saves ----------


def save_step(record, user, reason):
    """Save a workflow step with its author and reason in the record's history."""
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


def _refuse_unless_may_move(record, user, to_state, message):
    _refuse_unless(may_move(user, type(record), record.status, to_state), message)


def submit(record, user, now=None):
    """Draft (or withdrawn) → in review. Returns what is still missing, as a hint."""
    _refuse_unless(
        can_submit(user, type(record)),
        _("You may not submit records for review."),
    )
    _refuse_unless_may_move(
        record,
        user,
        Status.REVIEW,
        _("Only drafts and withdrawn records can be submitted for review."),
    )
    record.status = Status.REVIEW
    record.submitted_by = user
    record.submitted_at = now or timezone.now()
    save_step(record, user, "submitted for review")
    return missing(record)


def _approve(record, user, refusal):
    """The checks of an approval (publish now or at a time): may, not yet
    public, complete."""
    _refuse_unless_may_move(record, user, Status.PUBLISHED, refusal)
    problems = missing(record)
    if problems:
        raise WorkflowError(problems)


def publish(record, user, now=None):
    """Approve and publish now; refused while anything visitors need is missing."""
    _refuse_unless(can_publish(user, type(record)), _("You may not publish records."))
    _approve(record, user, _("The record is already published."))
    now = now or timezone.now()
    record.status = Status.PUBLISHED
    record.reviewed_by = record.published_by = user
    record.reviewed_at = record.published_at = now
    record.publish_at = None
    return save_step(record, user, "published")


def schedule(record, user, when, now=None):
    """Approve now and publish at ``when`` (see ``publish_due``)."""
    _refuse_unless(can_publish(user, type(record)), _("You may not publish records."))
    _approve(record, user, _("The record is already published."))
    record.publish_at = when
    record.reviewed_by = user
    record.reviewed_at = now or timezone.now()
    return save_step(record, user, "scheduled")


def unschedule(record, user):
    """Take back a scheduled approval: the record stays as it is."""
    _refuse_unless(can_publish(user, type(record)), _("You may not publish records."))
    record.publish_at = None
    return save_step(record, user, "schedule cancelled")


def return_to_draft(record, user, now=None):
    """In review → draft: the reviewer sends it back for more work."""
    _refuse_unless(
        can_publish(user, type(record)),
        _("You may not review records."),
    )
    _refuse_unless_may_move(
        record,
        user,
        Status.DRAFT,
        _("Only records in review can be sent back to draft."),
    )
    record.status = Status.DRAFT
    record.reviewed_by = user
    record.reviewed_at = now or timezone.now()
    record.publish_at = None
    return save_step(record, user, "returned to draft")


def withdraw(record, user, now=None):
    """Published → withdrawn: off the public site, kept in the catalogue."""
    _refuse_unless(can_publish(user, type(record)), _("You may not withdraw records."))
    _refuse_unless_may_move(
        record,
        user,
        Status.WITHDRAWN,
        _("Only published records can be withdrawn."),
    )
    record.status = Status.WITHDRAWN
    record.withdrawn_by = user
    record.withdrawn_at = now or timezone.now()
    record.publish_at = None
    return save_step(record, user, "withdrawn")


def record_move(record, user, to_state, now=None):
    """Set ``record``'s status and the step's who and when, as the transitions
    do, without saving: for a path that writes records itself (the import)."""
    now = now or timezone.now()
    if to_state == Status.REVIEW:
        record.submitted_by, record.submitted_at = user, now
    elif to_state == Status.DRAFT:
        record.reviewed_by, record.reviewed_at = user, now
        record.publish_at = None
    record.status = to_state


TRANSITIONS = {
    "submit": submit,
    "publish": publish,
    "return_to_draft": return_to_draft,
    "withdraw": withdraw,
}


def available_transitions(record, user):
    """The transitions ``user`` may try on ``record`` now, in button order."""
    model = type(record)
    targets = {
        "submit": Status.REVIEW,
        "publish": Status.PUBLISHED,
        "return_to_draft": Status.DRAFT,
        "withdraw": Status.WITHDRAWN,
    }
    return [
        name
        for name, to_state in targets.items()
        if to_state != record.status and may_move(user, model, record.status, to_state)
    ]
