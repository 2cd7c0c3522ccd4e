"""Invalidate cached public pages when something visitors see changes; keep a kiosk
to its own exhibition's sections."""

from django.apps import apps
from django.db.models.signals import m2m_changed

from catalog.transfer.writing import records_imported
from exhibition import public_changes

# Bookkeeping models whose changes never alter what visitors see.
IGNORED = {
    "CollectionImport",
    "ContentVersion",
    "LoadedRecord",
    "Historical",
    "KioskHeartbeat",
    "Readiness",
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
    records_imported.connect(public_changes.imported, dispatch_uid="public-import")
    public_changes.connect(watched_models())


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
