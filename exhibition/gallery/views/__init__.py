"""Public gallery views, every one reading records through ``published()``."""

from exhibition.gallery.views.pages import (
    collection,
    home,
    people_list,
    robots_txt,
    section_detail,
)
from exhibition.gallery.views.records import (
    artifact_detail,
    person_detail,
    photograph_detail,
)
from exhibition.gallery.views.search import search
from exhibition.gallery.views.timeline import timeline

__all__ = [
    "artifact_detail",
    "collection",
    "home",
    "people_list",
    "person_detail",
    "photograph_detail",
    "robots_txt",
    "search",
    "section_detail",
    "timeline",
]
