"""Which saves change what visitors see: only those move the content version.

A curator's draft save, a translator's work on a draft, an import of drafts: none
of them is public, so none may throw away visitors' cached pages. A change is
public when the thing changed is published (or was, before this save: a withdrawal
is public too), or belongs to something published — an image of a published
artifact, an item of a published section, a vocabulary term or source a published
record shows. Anything not described here counts as public: a missed invalidation
shows visitors stale pages, an extra one only costs a render.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_save,
    pre_delete,
    pre_save,
)

from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    MediaItem,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Role,
    Source,
)
from catalog.models.records import Status
from exhibition.models import (
    AudioStop,
    Exhibition,
    FeaturedPerson,
    Section,
    SectionItem,
)
from exhibition.page_cache import bump_version

# Models with a workflow state of their own.
STATEFUL = (Artifact, Photograph, Person, Exhibition, Section)


def is_published(record):
    return record is not None and record.status == Status.PUBLISHED


def owner_of(generic):
    """The record a citation or clip belongs to (None if it is gone)."""
    try:
        return generic.record
    except Exception:  # a dangling reference shows nothing either way
        return None


def shows_publicly(instance):
    """Whether ``instance`` as it stands is part of something visitors see."""
    if isinstance(instance, STATEFUL):
        if isinstance(instance, Section):
            return is_published(instance) and is_published(instance.exhibition)
        return is_published(instance)
    if isinstance(instance, ArtifactImage):
        return is_published(instance.artifact)
    if isinstance(instance, Citation):
        return shows_publicly(owner_of(instance)) if owner_of(instance) else False
    if isinstance(instance, MediaItem):
        owner = owner_of(instance)
        stops = AudioStop.objects.filter(
            media=instance, exhibition__status=Status.PUBLISHED
        )
        return (owner is not None and shows_publicly(owner)) or stops.exists()
    if isinstance(instance, SectionItem):
        record = instance.artifact or instance.photograph
        return is_published(record) and shows_publicly(instance.section)
    if isinstance(instance, FeaturedPerson):
        return is_published(instance.person) and is_published(instance.exhibition)
    if isinstance(instance, AudioStop):
        return is_published(instance.exhibition)
    if isinstance(instance, ObjectType):
        return Artifact.objects.published().filter(object_type=instance).exists()
    if isinstance(instance, Nationality):
        return Person.objects.published().filter(nationalities=instance).exists()
    if isinstance(instance, Role):
        return Person.objects.published().filter(roles=instance).exists()
    if isinstance(instance, Source):
        return source_shown(instance)
    return True  # the museum's settings, kiosks, anything new: assume public


def source_shown(source):
    """Whether any published record cites ``source``."""
    cited = Citation.objects.filter(source=source).values_list(
        "content_type", "object_id"
    )
    by_type = {}
    for content_type, object_id in cited:
        by_type.setdefault(content_type, []).append(object_id)
    for content_type, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        if model in STATEFUL and model.objects.published().filter(pk__in=ids).exists():
            return True
    return False


# Saves that touch only these fields (a kiosk's heartbeat) change nothing visitors see.
BOOKKEEPING_PREFIXES = ("last_", "heartbeat", "uptime", "reported_")


def bookkeeping(update_fields):
    return bool(update_fields) and all(
        field.startswith(BOOKKEEPING_PREFIXES) for field in update_fields
    )


def remember_before(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a save: was this public as stored? (A withdrawal, a section item moved
    out of a published section, an image moved off a published artifact.)"""
    if raw or instance.pk is None or bookkeeping(update_fields):
        instance._public_before = False
        return
    stored = type(instance)._default_manager.filter(pk=instance.pk).first()
    instance._public_before = stored is not None and shows_publicly(stored)


def saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if bookkeeping(update_fields):
        return
    if getattr(instance, "_public_before", False) or shows_publicly(instance):
        bump_version()


def remember_before_delete(sender, instance, **kwargs):
    instance._public_before = shows_publicly(instance)


def deleted(sender, instance, **kwargs):
    if getattr(instance, "_public_before", True):
        bump_version()


def links_changed(sender, instance, action, model, pk_set, **kwargs):
    """A record's people, roles, nationalities or groups; a kiosk's sections."""
    if action.startswith("pre_"):
        return
    if action == "post_clear" or shows_publicly(instance):
        bump_version()
        return
    others = model._default_manager.filter(pk__in=pk_set or [])
    if any(shows_publicly(other) for other in others):
        bump_version()


def imported(sender, written, **kwargs):
    """An import writes in bulk, without save signals: public if any record it
    wrote is published (an import of drafts changes nothing visitors see)."""
    for model, pks in written.items():
        if model not in STATEFUL or model.objects.published().filter(pk__in=pks):
            bump_version()
            return


def connect(models):
    for model in models:
        label = model._meta.label
        pre_save.connect(
            remember_before, sender=model, weak=False, dispatch_uid=f"public-{label}"
        )
        post_save.connect(
            saved, sender=model, weak=False, dispatch_uid=f"public-{label}-save"
        )
        pre_delete.connect(
            remember_before_delete,
            sender=model,
            weak=False,
            dispatch_uid=f"public-{label}-pre-delete",
        )
        post_delete.connect(
            deleted, sender=model, weak=False, dispatch_uid=f"public-{label}-delete"
        )
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                links_changed,
                sender=through,
                weak=False,
                dispatch_uid=f"public-{through._meta.label}",
            )
