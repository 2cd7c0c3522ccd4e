"""The sections the catalogue's import sees: many names resolved and many records
placed at once, as one at a time would."""

import pytest

from exhibition.sections import Sections
from tests.factories import make_artifact, make_exhibition, make_section

pytestmark = pytest.mark.django_db


def test_resolving_many_names_finds_what_resolving_each_finds():
    first, second = make_exhibition(slug="first"), make_exhibition(slug="second")
    make_section(exhibition=first, slug="rooms", title_en="Rooms", title_zh_hans="房间")
    make_section(exhibition=second, slug="rooms", title_en="Halls")
    names = ["rooms", "ROOMS", "房间", "second/rooms", "halls", "nowhere", "x/rooms"]
    directory = Sections()
    assert directory.resolve_many(names) == {
        name: directory.resolve(name) for name in names
    }


def test_placing_many_records_appends_each_once_at_the_end():
    section = make_section()
    directory = Sections()
    placed, new = make_artifact(), make_artifact()
    directory.place(placed, [section])
    assert directory.unplaced([(placed, [section]), (new, [section])]) == [new]
    directory.place_all([(placed, [section]), (new, [section, section])])
    assert [(item.artifact, item.position) for item in section.items.all()] == [
        (placed, 1),
        (new, 2),
    ]
    assert directory.unplaced([(placed, [section]), (new, [section])]) == []
