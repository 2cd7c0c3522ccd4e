"""Scheduled publishing: a head curator approves a version and a time; when the
time comes the record is published in their name, if it is still complete and
still the version they approved (``publish_scheduled`` runs it)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Artifact, ArtifactImage, Person, Photograph, Status
from catalog.readiness import missing
from catalog.workflow import can_publish, may_move, save_step


@dataclass
class ScheduledRun:
    published: list
    skipped: list  # (record, problems)


def publish_due(now=None):
    """Publish every record whose scheduled time has come, if it is complete and
    still the version a head curator approved.

    The approving reviewer is recorded as the publisher. A record that has become
    incomplete, or was changed after the approval by someone who may not publish,
    stays unpublished and is reported with the reason.
    """
    now = now or timezone.now()
    run = ScheduledRun(published=[], skipped=[])
    for model in (Artifact, Photograph, Person):
        due = model.objects.exclude(status=Status.PUBLISHED).filter(publish_at__lte=now)
        for record in due.select_related("reviewed_by"):
            problems = approval_problems(record) or missing(record)
            if problems:
                run.skipped.append((record, problems))
                continue
            with transaction.atomic():
                record.status = Status.PUBLISHED
                record.published_by = record.reviewed_by
                record.published_at = now
                record.publish_at = None
                save_step(record, record.reviewed_by, "published on schedule")
            run.published.append(record)
    return run


def approval_problems(record):
    """Why ``record``'s scheduled approval no longer holds, if it does not: the
    approver may not publish (any more), or someone who may not publish changed
    the record (or an image of it) after the approval."""
    model = type(record)
    reviewer = record.reviewed_by
    if reviewer is None or not may_move(
        reviewer, model, record.status, Status.PUBLISHED
    ):
        return [_("No one who may publish it approved it.")]
    since = record.reviewed_at
    versions = list(
        model.history.filter(id=record.pk, history_date__gt=since)
        .exclude(history_user=reviewer)
        .select_related("history_user")
    )
    if model is Artifact:
        versions += list(
            ArtifactImage.history.filter(artifact_id=record.pk, history_date__gt=since)
            .exclude(history_user=reviewer)
            .select_related("history_user")
        )
    editors = {version.history_user for version in versions}
    unreviewed = sorted(
        (str(user) if user else _("someone unknown"))
        for user in editors
        if not can_publish(user, model)
    )
    if unreviewed:
        return [
            _(
                "Changed by %(people)s after it was approved: a head curator must "
                "approve it again."
            )
            % {"people": ", ".join(unreviewed)}
        ]
    return []
