"""How the collection is shown: the museum, exhibitions, their sections and what
hangs in them, kiosks, how records are used, and the site's own bookkeeping."""

from exhibition.models.audio import AudioStop, AudioStopQuerySet
from exhibition.models.bookkeeping import ContentVersion, LoadedRecord
from exhibition.models.exhibitions import (
    Exhibition,
    ExhibitionQuerySet,
    FeaturedPerson,
    Section,
)
from exhibition.models.kiosks import (
    KIOSK_OFFLINE_AFTER,
    Kiosk,
    KioskItem,
    KioskQuerySet,
)
from exhibition.models.museum import Museum
from exhibition.models.oai import OaiTombstone
from exhibition.models.placements import Placement, SectionItem, placement_constraints
from exhibition.models.staff import StaffPreference
from exhibition.models.usage import Channel, ReportedBatch, UseCount

__all__ = [
    "Channel",
    "KIOSK_OFFLINE_AFTER",
    "AudioStop",
    "AudioStopQuerySet",
    "ContentVersion",
    "Exhibition",
    "ExhibitionQuerySet",
    "FeaturedPerson",
    "Kiosk",
    "KioskItem",
    "KioskQuerySet",
    "LoadedRecord",
    "Museum",
    "OaiTombstone",
    "Placement",
    "ReportedBatch",
    "Section",
    "SectionItem",
    "StaffPreference",
    "UseCount",
    "placement_constraints",
]
