"""Worlds the gallery's tests share."""

import pytest

from tests.factories import hang, make_artifact, make_exhibition, make_section


@pytest.fixture
def shared_slug():
    """Two exhibitions whose sections share the slug "military" under other titles."""
    first = make_exhibition(title_en="Friends Abroad", title_zh_hans="海外友人")
    second = make_exhibition(title_en="Skills as Tools", title_zh_hans="以技为器")
    combat = make_section(
        first, slug="military", title_en="Military: Combat", title_zh_hans="军事·战斗"
    )
    training = make_section(
        second,
        slug="military",
        title_en="Military: Training",
        title_zh_hans="军事·训练",
    )
    alone = make_section(first, slug="rescue", title_en="Rescue", title_zh_hans="救护")
    both = make_artifact()
    for section in (combat, training, alone):
        hang(section, both)
    hang(training, make_artifact())
    return first, second
