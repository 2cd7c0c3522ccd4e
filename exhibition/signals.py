"""Invalidate cached public pages whenever catalogue or exhibition content changes;
keep a kiosk to its own exhibition's sections."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from catalog.transfer.writing import records_imported
from exhibition.page_cache import bump_version

# Bookkeeping models whose changes never alter what visitors see.
IGNORED = {
    "ContentVersion",
    "LoadedRecord",
    "Historical",
    "KioskHeartbeat",
    "StaffPreference",
    "OaiTombstone",
    "UseCount",
    "ReportedBatch",
    "Search",  # the search index follows the records, whose saves already count
}


def watched_models():
    for app_label in ("catalog", "exhibition"):
        for model in apps.get_app_config(app_label).get_models():
            if not any(model.__name__.startswith(name) for name in IGNORED):
                yield model


def connect():
    records_imported.connect(bump_version, dispatch_uid="bump-import")
    for model in watched_models():
        post_save.connect(
            bump_version,
            sender=model,
            weak=False,
            dispatch_uid=f"bump-{model._meta.label}-save",
        )
        post_delete.connect(
            bump_version,
            sender=model,
            weak=False,
            dispatch_uid=f"bump-{model._meta.label}-delete",
        )
        for field in model._meta.many_to_many:
            m2m_changed.connect(
                bump_version,
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"bump-{field.remote_field.through._meta.label}",
            )


def refuse_foreign_sections(sender, instance, action, pk_set, **kwargs):
    """A kiosk shows only its own exhibition's sections, however they are added."""
    from exhibition.models import Kiosk, Section

    if action == "pre_add" and isinstance(instance, Kiosk) and pk_set:
        instance.check_sections(Section.objects.filter(pk__in=pk_set))


def connect_kiosk_rules():
    from exhibition.models import Kiosk

    m2m_changed.connect(
        refuse_foreign_sections,
        sender=Kiosk.sections.through,
        dispatch_uid="kiosk-own-sections",
    )
