"""Invalidate cached public pages whenever catalogue or exhibition content changes."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from exhibition.page_cache import bump_version

# Bookkeeping models whose changes never alter what visitors see.
IGNORED = {
    "ContentVersion",
    "LoadedRecord",
    "Historical",
    "KioskHeartbeat",
    "StaffPreference",
}


def watched_models():
    for app_label in ("catalog", "exhibition"):
        for model in apps.get_app_config(app_label).get_models():
            if not any(model.__name__.startswith(name) for name in IGNORED):
                yield model


def connect():
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
