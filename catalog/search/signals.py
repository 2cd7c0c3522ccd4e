"""Signal handlers that keep the search index in step with every save and delete."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from catalog.models import Artifact, ObjectType, Person, Photograph
from catalog.search.index import reindex

RECORDS = (Artifact, Photograph, Person)


def records_of(person):
    """The records whose entries carry this person's names."""
    return [
        (model, list(model.objects.filter(people=person).values_list("pk", flat=True)))
        for model in (Artifact, Photograph)
    ]


def saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: a restored backup brings its own entries
        instance._search_loaded = True  # and then sets this record's people
        return
    reindex(sender, [instance.pk])
    if isinstance(instance, Person):
        for model, pks in records_of(instance):
            if pks:
                reindex(model, pks)


def before_person_deleted(sender, instance, **kwargs):
    instance._search_records = records_of(instance)


def deleted(sender, instance, **kwargs):
    reindex(sender, [instance.pk])
    for model, pks in getattr(instance, "_search_records", []):
        if pks:
            reindex(model, pks)


def people_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if getattr(instance, "_search_loaded", False):
        return
    if not reverse:  # record.people changed
        if action != "pre_clear":
            reindex(type(instance), [instance.pk])
        return
    # person.artifacts / person.photographs changed: pk_set names the records
    if action == "pre_clear":
        instance._search_cleared = list(
            model.objects.filter(people=instance).values_list("pk", flat=True)
        )
        return
    pks = (
        pk_set
        if action != "post_clear"
        else instance.__dict__.pop("_search_cleared", [])
    )
    if pks:
        reindex(model, pks)


def object_type_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pks = list(instance.artifacts.values_list("pk", flat=True))
    if pks:
        reindex(Artifact, pks)


def connect():
    for model in RECORDS:
        uid = f"search-{model._meta.label}"
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(deleted, sender=model, dispatch_uid=f"{uid}-delete")
    pre_delete.connect(
        before_person_deleted, sender=Person, dispatch_uid="search-person-pre-delete"
    )
    for through in (Artifact.people.through, Photograph.people.through):
        m2m_changed.connect(
            people_changed, sender=through, dispatch_uid=f"search-{through._meta.label}"
        )
    post_save.connect(
        object_type_saved, sender=ObjectType, dispatch_uid="search-object-type"
    )
