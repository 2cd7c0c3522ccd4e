"""The catalogue's history: every saved version of a record, and restoring deletions.

Histories are registered from ``catalog/translation.py`` after modeltranslation has
added its ``_en``/``_zh_hans`` columns, so the historical tables carry both languages.
A deleted record's links (people, roles, groups, citations) are snapshotted into its
deletion row, so a restore brings back what visitors saw.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.signals import pre_create_historical_record

DELETED = "-"


class DeletionSnapshot(models.Model):
    """Extra column on every historical table: a deleted record's links."""

    links_at_deletion = models.JSONField(
        _("links at deletion"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True


def tracked_models():
    from catalog.models import Artifact, ArtifactImage, Person, Photograph

    return {
        Artifact: ["people"],
        Photograph: ["people"],
        Person: ["roles", "groups"],
        ArtifactImage: [],
    }


def register_history():
    for model, m2m_fields in tracked_models().items():
        register(
            model,
            app="catalog",
            bases=[DeletionSnapshot],
            m2m_fields=m2m_fields,
        )
        pre_delete.connect(snapshot_links, sender=model, weak=False)
        pre_create_historical_record.connect(
            store_snapshot, sender=model.history.model, weak=False
        )


def snapshot_links(sender, instance, **kwargs):
    """Before a delete cascades, note what the record was linked to."""
    links = {"m2m": {}, "citations": []}
    for field in instance._meta.get_fields():
        if field.many_to_many and not field.auto_created:
            links["m2m"][field.name] = list(
                getattr(instance, field.name).values_list("pk", flat=True)
            )
        elif field.many_to_many and field.auto_created:
            accessor = field.get_accessor_name()
            links["m2m"][accessor] = list(
                getattr(instance, accessor).values_list("pk", flat=True)
            )
    if hasattr(instance, "citations"):
        links["citations"] = [
            {
                "source": citation.source_id,
                "locator": citation.locator,
                "position": citation.position,
            }
            for citation in instance.citations.all()
        ]
    instance._links_at_deletion = links


def store_snapshot(sender, instance, history_instance, **kwargs):
    if history_instance.history_type == DELETED:
        history_instance.links_at_deletion = getattr(
            instance, "_links_at_deletion", None
        )


def deleted_records(model):
    """The deletion row of each record of ``model`` that no longer exists."""
    history = model.history.model
    latest = history.objects.filter(id=models.OuterRef("id")).order_by(
        "-history_date", "-history_id"
    )
    return (
        history.objects.filter(history_type=DELETED)
        .exclude(id__in=model.objects.values("pk"))
        .filter(history_id=models.Subquery(latest.values("history_id")[:1]))
        .order_by("-history_date")
    )


@transaction.atomic
def restore(model, object_id, user=None):
    """Bring back a deleted record as it was, with its images, links and citations.

    Returns the restored record. Raises ``LookupError`` if there is nothing to restore.
    """
    from catalog.models import ArtifactImage, Citation

    if model.objects.filter(pk=object_id).exists():
        raise LookupError("the record exists")
    last = (
        model.history.filter(id=object_id, history_type=DELETED)
        .order_by("-history_date", "-history_id")
        .first()
    )
    if last is None:
        raise LookupError("no deleted version")
    record = last.instance
    record._history_user = user
    record._change_reason = "restored"
    record.save(force_insert=True)
    links = last.links_at_deletion or {}
    for name, pks in links.get("m2m", {}).items():
        manager = getattr(record, name)
        manager.set(manager.model.objects.filter(pk__in=pks))
    if links.get("citations"):
        content_type = ContentType.objects.get_for_model(record)
        Citation.objects.bulk_create(
            Citation(
                content_type=content_type,
                object_id=record.pk,
                source_id=citation["source"],
                locator=citation["locator"],
                position=citation["position"],
            )
            for citation in links["citations"]
        )
    if model._meta.label == "catalog.Artifact":
        for image in deleted_records(ArtifactImage).filter(artifact_id=record.pk):
            picture = image.instance
            picture._history_user = user
            picture._change_reason = "restored"
            picture.save(force_insert=True)
    return record
