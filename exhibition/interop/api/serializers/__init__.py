"""How each published record reads in the API, in one language or all of them."""

from exhibition.interop.api.serializers.exhibitions import (
    ExhibitionSerializer,
    SectionItemSerializer,
    SectionSerializer,
)
from exhibition.interop.api.serializers.people import PersonSerializer
from exhibition.interop.api.serializers.records import (
    ArtifactSerializer,
    PhotographSerializer,
)

__all__ = [
    "ArtifactSerializer",
    "ExhibitionSerializer",
    "PersonSerializer",
    "PhotographSerializer",
    "SectionItemSerializer",
    "SectionSerializer",
]
