"""Ranked full-text search of the published catalogue in English and Chinese: the
index (``index``), how text becomes terms (``text``), one backend per database
(``backends``) and highlighted snippets (``snippets``)."""

from catalog.search.backends import backend
from catalog.search.text import Query

__all__ = ["Query", "backend", "search"]


def search(text, using="default"):
    """The entries matching ``text``, unordered, with ``rank`` and ``exact``;
    and the parsed query (for highlighting)."""
    query = Query(text)
    return backend(using).matching(query), query
