"""What the museum holds: artifacts, photographs, biographies and their sources."""

from catalog.models.media import MediaItem, MediaQuerySet
from catalog.models.people import Person
from catalog.models.records import (
    Artifact,
    ArtifactImage,
    Photograph,
    Publishable,
    Record,
    RecordQuerySet,
    Status,
    published_via,
    workflow_permissions,
    workflow_user,
)
from catalog.models.search import SearchEntry, SearchText
from catalog.models.sources import Citation, Source
from catalog.models.tools import CollectionImport, Readiness
from catalog.models.vocabularies import Nationality, ObjectType, Role

__all__ = [
    "Artifact",
    "ArtifactImage",
    "Citation",
    "CollectionImport",
    "MediaItem",
    "MediaQuerySet",
    "Nationality",
    "ObjectType",
    "Person",
    "Photograph",
    "Publishable",
    "Readiness",
    "Record",
    "RecordQuerySet",
    "published_via",
    "Role",
    "SearchEntry",
    "SearchText",
    "Source",
    "Status",
    "workflow_permissions",
    "workflow_user",
]
