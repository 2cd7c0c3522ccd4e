"""The collection's facets as a visitor sees them: what each choice is called and
counts, and nothing that is not published."""

import re

import pytest

from catalog.models import Status
from tests.factories import hang, make_artifact, make_exhibition, make_section

pytestmark = pytest.mark.django_db


def facet_labels(html, name):
    """The labels of one facet's choices, as the filter column shows them."""
    return re.findall(rf'name="{name}" value="[^"]*"[^>]*> <span>([^<]*)</span>', html)


@pytest.mark.parametrize("language", ["", "/zh-hans"])
def test_a_draft_exhibition_s_published_section_leaks_nothing_into_the_facets(
    client, language
):
    shown = make_exhibition(slug="shown", title_en="Shown", title_zh_hans="公开展")
    draft = make_exhibition(
        slug="unreleased",
        title_en="Unreleased plans",
        title_zh_hans="未发布的展览",
        status=Status.DRAFT,
    )
    artifact = make_artifact()
    hang(make_section(shown), artifact)
    hang(make_section(draft), artifact)  # the section itself is published
    html = client.get(f"{language}/collection/").content.decode()
    assert facet_labels(html, "exhibition") == ["公开展" if language else "Shown"]
    for leaked in ("unreleased", "Unreleased plans", "未发布的展览"):
        assert leaked not in html
