"""Keep a tombstone for each record that leaves public view, for harvesters.

The catalogue never imports this app, so the exhibition side listens to its
models' signals: whatever moves a record out of ``published`` (the workflow's
withdraw, any other status change, a delete) leaves a tombstone with the time
and the sets it was in; publishing the record again removes it.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from catalog.models import Status
from exhibition.interop.oai import sets
from exhibition.interop.oai.identifiers import kind_of, models
from exhibition.models import OaiTombstone


def remember_status(sender, instance, raw=False, **kwargs):
    """Before a save: was the stored record published? (One small query.)"""
    if raw or instance.pk is None:
        return
    instance._oai_was_published = sender._base_manager.filter(
        pk=instance.pk, status=Status.PUBLISHED
    ).exists()


def after_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    kind = kind_of(sender)
    if instance.status == Status.PUBLISHED:
        OaiTombstone.objects.filter(kind=kind, record_id=instance.pk).delete()
    elif getattr(instance, "_oai_was_published", False):
        bury(kind, instance.pk, current_specs(kind, instance.pk))


def before_delete(sender, instance, **kwargs):
    """Before a delete cascades away its placements, note the record's sets."""
    if instance.status == Status.PUBLISHED:
        kind = kind_of(sender)
        instance._oai_specs = current_specs(kind, instance.pk)


def after_delete(sender, instance, **kwargs):
    specs = getattr(instance, "_oai_specs", None)
    if specs is not None:
        bury(kind_of(sender), instance.pk, specs)


def current_specs(kind, pk):
    return sets.specs_of([(kind, pk)]).get((kind, pk), [kind])


def bury(kind, pk, specs):
    OaiTombstone.objects.update_or_create(
        kind=kind,
        record_id=pk,
        defaults={"deleted_at": timezone.now(), "set_specs": sets.stored(specs)},
    )


def connect():
    for kind, model in models().items():
        uid = f"oai-tombstone-{kind}"
        pre_save.connect(remember_status, sender=model, dispatch_uid=f"{uid}-pre")
        post_save.connect(after_save, sender=model, dispatch_uid=f"{uid}-save")
        pre_delete.connect(before_delete, sender=model, dispatch_uid=f"{uid}-pre-del")
        post_delete.connect(after_delete, sender=model, dispatch_uid=f"{uid}-delete")
