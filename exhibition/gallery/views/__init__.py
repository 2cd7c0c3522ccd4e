"""Public gallery views, every one reading records through ``published()``."""

from exhibition.gallery.views.audio import audio_guide, audio_stop
from exhibition.gallery.views.exhibitions import (
    exhibition_detail,
    exhibition_list,
    home,
    old_section,
    old_timeline,
    section_detail,
)
from exhibition.gallery.views.pages import (
    collection,
    people_list,
    robots_txt,
    server_error,
)
from exhibition.gallery.views.records import (
    artifact_detail,
    person_detail,
    photograph_detail,
)
from exhibition.gallery.views.search import search
from exhibition.gallery.views.timeline import exhibition_timeline

__all__ = [
    "artifact_detail",
    "audio_guide",
    "audio_stop",
    "collection",
    "exhibition_detail",
    "exhibition_list",
    "exhibition_timeline",
    "home",
    "old_section",
    "old_timeline",
    "people_list",
    "person_detail",
    "photograph_detail",
    "robots_txt",
    "search",
    "section_detail",
    "server_error",
]
