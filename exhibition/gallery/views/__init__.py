"""Public gallery views, every one reading records through ``published()``."""

from exhibition.gallery.views.pages import (
    artifact_detail,
    collection,
    home,
    people_list,
    person_detail,
    photograph_detail,
    robots_txt,
    search,
    section_detail,
    timeline,
)

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
