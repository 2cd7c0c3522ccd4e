"""The collection's facets as a visitor sees them: what each choice is called and
counts, and nothing that is not published."""

import re
from html import unescape

import pytest

from catalog.models import Status
from tests.factories import hang, make_artifact, make_exhibition, make_section

pytestmark = pytest.mark.django_db


def facet_labels(html, name, value='[^"]*'):
    """The labels of one facet's choices, as the filter column shows them."""
    choices = rf'name="{name}" value="{value}"[^>]*>\s*<span[^>]*>([^<]*)</span>'
    return [unescape(label) for label in re.findall(choices, html)]


@pytest.mark.parametrize(
    ("language", "label"),
    [
        (
            "",
            "Military: Combat (Friends Abroad) / Military: Training (Skills as Tools)",
        ),
        ("/zh-hans", "军事·战斗（海外友人）／军事·训练（以技为器）"),
    ],
)
def test_a_section_slug_two_exhibitions_share_says_which_exhibitions(
    client, shared_slug, language, label
):
    html = client.get(f"{language}/collection/").content.decode()
    assert facet_labels(html, "section", "military") == [label]
    # A slug only one exhibition uses keeps its plain title.
    assert facet_labels(html, "section", "rescue") == ["救护" if language else "Rescue"]


def test_with_one_exhibition_chosen_its_sections_need_no_exhibition_name(
    client, shared_slug
):
    first, _second = shared_slug
    html = client.get(f"/collection/?exhibition={first.slug}").content.decode()
    assert facet_labels(html, "section", "military") == ["Military: Combat"]


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


def test_a_draft_exhibition_s_section_slug_filters_in_nothing(client):
    shown = make_exhibition(slug="shown")
    draft = make_exhibition(slug="unreleased", status=Status.DRAFT)
    in_both = make_artifact(title_en="In both")
    only_in_draft = make_artifact(title_en="Only in the draft")
    hang(make_section(shown, slug="rescue"), in_both)
    draft_rescue = make_section(draft, slug="rescue")  # published, like its twin
    hang(draft_rescue, in_both)
    hang(draft_rescue, only_in_draft)
    html = client.get("/collection/?section=rescue").content.decode()
    assert "In both" in html
    assert "Only in the draft" not in html
    # Alone, the draft's section slug is no public choice at all.
    make_section(draft, slug="secret-plans")
    answer = client.get("/collection/?section=secret-plans")
    assert "Only in the draft" not in answer.content.decode()
