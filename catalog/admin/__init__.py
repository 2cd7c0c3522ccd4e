"""The curators' admin for the catalogue: one module per model, and the tools."""

from catalog.admin import (  # noqa: F401  (importing registers each admin)
    artifacts,
    media,
    people,
    photographs,
    sources,
    tools,
    vocabularies,
)
from catalog.admin.common import CitationInline, thumbnail

__all__ = ["CitationInline", "thumbnail"]
