"""Template context every gallery page gets: which navigation entry is current."""


def navigation(request):
    """Which main navigation entry the current page belongs to."""
    match = getattr(request, "resolver_match", None)
    name = match.url_name if match else ""
    sections = {
        "section-detail": "sections",
        "collection": "collection",
        "artifact-detail": "collection",
        "photograph-detail": "collection",
        "people": "people",
        "person-detail": "people",
        "timeline": "timeline",
    }
    return {"nav": sections.get(name, "")}
