"""Template context every gallery page gets: the museum, and which navigation entry
is current."""

from django.core.cache import cache
from django.utils.translation import get_language

from exhibition.models import Museum

# The error pages may render with no database: they read the museum's name from here.
NAME_KEY = "museum:name:{language}"
GENERIC_NAME = "Exhibitions"


def museum(request):
    found = Museum.load()
    # Kept for the error pages, which may have to render without the database.
    cache.set(NAME_KEY.format(language=get_language()), found.display_name, None)
    return {"museum": found}


def museum_name(language=None):
    """The museum's name as last shown, without touching the database."""
    try:
        name = cache.get(NAME_KEY.format(language=language or get_language()))
    except Exception:  # an outage page must render whatever the cache does
        name = None
    return name or GENERIC_NAME


def navigation(request):
    """Which main navigation entry the current page belongs to."""
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else ""
    sections = {
        "exhibitions": "exhibitions",
        "exhibition-detail": "exhibitions",
        "section-detail": "exhibitions",
        "exhibition-timeline": "exhibitions",
        "collection": "collection",
        "artifact-detail": "collection",
        "photograph-detail": "collection",
        "people": "people",
        "person-detail": "people",
    }
    return {"nav": sections.get(name, "")}
