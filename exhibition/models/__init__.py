"""How the collection is shown: exhibitions, their sections and what hangs in them,
kiosks, and the site's own bookkeeping."""

from exhibition.models.bookkeeping import ContentVersion, LoadedRecord
from exhibition.models.exhibitions import (
    Exhibition,
    Placement,
    Section,
    SectionItem,
    placement_constraints,
)
from exhibition.models.kiosks import (
    KIOSK_OFFLINE_AFTER,
    Kiosk,
    KioskItem,
    KioskQuerySet,
)
from exhibition.models.staff import StaffPreference

__all__ = [
    "KIOSK_OFFLINE_AFTER",
    "ContentVersion",
    "Exhibition",
    "Kiosk",
    "KioskItem",
    "KioskQuerySet",
    "LoadedRecord",
    "Placement",
    "Section",
    "SectionItem",
    "StaffPreference",
    "placement_constraints",
]
