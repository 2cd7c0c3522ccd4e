"""What goes on labels and panels: both languages, a short text, published only."""

import pytest

from catalog.models import Status
from exhibition.labels import content, sizes
from tests.factories import (
    hang,
    make_artifact,
    make_exhibition,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db
OBJECT = sizes.default(sizes.OBJECT)
BASE = "https://museum.example"


def test_the_short_text_is_the_first_paragraph_cut_at_a_sentence_end():
    text = "One. Two three four. Five six seven eight nine.\n\nSecond paragraph."
    assert (
        content.short_text(text, 200)
        == "One. Two three four. Five six seven eight nine."
    )
    assert content.short_text(text, 30) == "One. Two three four."
    assert (
        content.short_text("第一句。第二句很长很长。第三句。", 12)
        == "第一句。第二句很长很长。"
    )
    assert content.short_text("no sentence end here at all", 12) == "no sentence…"


def test_an_artifact_label_carries_both_languages_and_its_short_address():
    artifact = make_artifact(
        accession_number="2024 17",
        title_en="Compass",
        title_zh_hans="指南针",
        date_display_en="c. 1938",
        date_display_zh_hans="约1938年",
        materials_en="Brass",
        materials_zh_hans="黄铜",
        credit_line_en="Gift of a friend",
        credit_line_zh_hans="友人捐赠",
        description_en="A small compass. It was carried far.\n\nMore.",
        description_zh_hans="一枚小指南针。",
    )
    (label,) = content.object_labels([artifact], OBJECT, BASE)
    english, chinese = label.sides
    assert (english.title, english.lines, english.credit) == (
        "Compass",
        ["c. 1938", "Brass"],
        "Gift of a friend",
    )
    assert english.paragraphs == ["A small compass. It was carried far."]
    assert (chinese.language, chinese.title, chinese.lines) == (
        "zh-Hans",
        "指南针",
        ["约1938年", "黄铜"],
    )
    assert label.url == "https://museum.example/o/2024%2017"
    assert label.identifier == "2024 17"


def test_a_photograph_label_names_the_photographer_in_each_language():
    photograph = make_photograph(photographer_en="A. Lens", photographer_zh_hans="镜头")
    (label,) = content.object_labels([photograph], OBJECT, BASE)
    assert "Photograph: A. Lens" in label.sides[0].lines
    assert "摄影：镜头" in label.sides[1].lines
    assert label.url == f"{BASE}/p/{photograph.pk}"


def test_drafts_are_refused_by_name_and_nothing_is_printed():
    ready = make_artifact(accession_number="OK-1")
    draft = make_artifact(accession_number="DRAFT-1", status=Status.DRAFT)
    with pytest.raises(content.NotPrintable, match="Not published.*DRAFT-1"):
        content.object_labels([ready, draft], OBJECT, BASE)


def test_a_section_prints_its_panel_then_its_published_records_in_hanging_order():
    section = make_section(title_en="Rescue", title_zh_hans="救援")
    second, first = make_artifact(), make_photograph()
    hang(section, second, position=2)
    hang(section, first, position=1)
    hang(section, make_artifact(status=Status.DRAFT), position=3)
    sheets = content.section_sheets([section], OBJECT, BASE)
    assert isinstance(sheets[0], content.Panel)
    assert [s.sides[0].title for s in sheets[0:1]] == ["Rescue"]
    assert [s.record for s in sheets[1:]] == [first, second]


def test_a_draft_section_or_one_in_a_draft_exhibition_is_refused():
    with pytest.raises(content.NotPrintable):
        content.section_sheets([make_section(status=Status.DRAFT)], OBJECT, BASE)
    hidden = make_exhibition(status=Status.DRAFT)
    with pytest.raises(content.NotPrintable):
        content.section_sheets([make_section(hidden)], OBJECT, BASE)
    with pytest.raises(content.NotPrintable):
        content.exhibition_sheets([hidden], OBJECT, BASE)


def test_an_exhibition_prints_only_its_published_sections():
    exhibition = make_exhibition()
    shown = make_section(exhibition, position=1)
    make_section(exhibition, status=Status.DRAFT, position=2)
    sheets = content.exhibition_sheets([exhibition], OBJECT, BASE, with_labels=False)
    assert [sheet.section for sheet in sheets] == [shown]
