"""Rendered labels, read back as a visitor's phone and a printer would: the titles
in both languages are in the PDF's text, every QR code decodes to the record's
short address, which opens the record's page in either language and counts one
scan; Chinese lines never start with closing punctuation; every glyph is there."""

import itertools
import re

import pytest
import zxingcpp
from django.test import Client, TestCase
from django.utils import translation
from PIL import Image

from catalog.models import Artifact, Photograph, Status
from exhibition.demo.loader import load_exhibition
from exhibition.labels import content, fonts, render, sizes
from exhibition.labels.addresses import short_url
from exhibition.models import Exhibition, UseCount
from exhibition.stats.flush import flush
from tests.exhibition.labels.poppler import page_images, pdf_fonts, pdf_text
from tests.factories import hang, make_artifact, make_exhibition, make_section

BASE = "https://museum.example"
OBJECT = sizes.default(sizes.OBJECT)
PANEL = sizes.default(sizes.PANEL)
MM = 72 / 25.4  # points per millimetre


def squeeze(text):
    """Text without whitespace or hyphens (a line may end in one the layout added),
    to find titles however they wrapped."""
    return re.sub(r"[-\s]+", "", text)


@pytest.mark.usefixtures("poppler")
class DemoLabelsTests(TestCase):
    """The shipped demo, rendered once: every published artifact and photograph."""

    @classmethod
    def setUpTestData(cls):
        load_exhibition()
        cls.records = list(Artifact.objects.published()) + list(
            Photograph.objects.published()
        )
        cls.printed = render.render_pdf(
            content.object_labels(cls.records, OBJECT, BASE), OBJECT, PANEL
        )

    def test_one_page_per_label_and_the_font_embedded(self):
        self.assertGreater(len(self.records), 50)
        self.assertEqual(self.printed.pages, len(self.records))
        self.assertEqual(self.printed.clipped, [])
        rows = pdf_fonts(self.printed.pdf, self.tmp())
        self.assertTrue(rows)
        for row in rows:
            self.assertIn("Noto-Sans-CJK-SC", row)
            self.assertRegex(row, r"\byes yes yes\b")  # embedded, subset, unicode

    def test_every_title_is_in_the_pdf_in_both_languages(self):
        text = squeeze(pdf_text(self.printed.pdf, self.tmp()))
        for record in self.records:
            self.assertIn(squeeze(record.title_en), text)
            self.assertIn(squeeze(record.title_zh_hans), text)

    def test_every_qr_code_opens_its_record_in_both_languages_counting_one_scan(self):
        pages = page_images(self.printed.pdf, self.tmp())
        self.assertEqual(len(pages), len(self.records))
        client = Client()
        for record, page in zip(self.records, pages, strict=True):
            codes = zxingcpp.read_barcodes(Image.open(page))
            self.assertEqual(
                [code.text for code in codes], [short_url(record, BASE)], page
            )
            path = codes[0].text.removeprefix(BASE)
            for n, (accept, language) in enumerate(
                [("en-US,en;q=0.9", "en"), ("zh-CN,zh;q=0.9", "zh-hans")], start=1
            ):
                response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept)
                with translation.override(language):
                    self.assertEqual(response["Location"], record.get_absolute_url())
                flush()  # the scan waits in the cache until a flush
                self.assertEqual(UseCount.objects.of(record).total(), n)

    def test_a_demo_record_made_draft_gets_no_label_and_its_address_is_404(self):
        record = self.records[0]
        Artifact.objects.filter(pk=record.pk).update(status=Status.DRAFT)
        record.refresh_from_db()
        with self.assertRaisesMessage(content.NotPrintable, record.accession_number):
            content.object_labels([record], OBJECT, BASE)
        address = short_url(record, BASE).removeprefix(BASE)
        self.assertEqual(Client().get(address).status_code, 404)

    def test_the_sections_panels_come_one_page_each(self):
        exhibitions = Exhibition.objects.published()
        sheets = content.exhibition_sheets(exhibitions, OBJECT, BASE, with_labels=False)
        printed = render.render_pdf(sheets, OBJECT, PANEL)
        self.assertEqual(printed.pages, len(sheets))
        text = squeeze(pdf_text(printed.pdf, self.tmp()))
        for panel in sheets:
            self.assertIn(squeeze(panel.sides[0].title), text)
            self.assertIn(squeeze(panel.sides[1].title), text)

    def tmp(self):
        import tempfile

        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        return folder.name


CLOSING = "。，、；：？！）」』》〉”’"
OPENING = "（「『《〈“‘"


@pytest.mark.django_db
def test_chinese_lines_never_start_with_closing_punctuation(poppler, tmp_path):
    runs = itertools.cycle(range(1, 19))
    marks = itertools.cycle("。，、；：？！）」》")
    text = "".join(
        ("（" if n % 5 == 0 else "")
        + "汉字测试文本排版"[: n % 8 + 1] * (n // 8 + 1)
        + m
        for n, m in zip(itertools.islice(runs, 40), marks, strict=False)
    )
    artifact = make_artifact(
        title_en="Punctuation", title_zh_hans="标点", description_zh_hans=text
    )
    template = sizes.Template(**{**vars(OBJECT), "text_chars": (300, 2000)})
    printed = render.render_pdf(
        content.object_labels([artifact], template, BASE), template, PANEL
    )
    left = (OBJECT.margin_mm * 2 + OBJECT.column_mm) * MM
    column = pdf_text(
        printed.pdf,
        tmp_path,
        left,
        OBJECT.margin_mm * MM,
        OBJECT.column_mm * MM + 2,
        OBJECT.body_mm * MM,
    )
    lines = [line for line in column.splitlines() if line.strip()]
    assert len(lines) > 8  # the text really wrapped
    for line in lines:
        assert line[0] not in CLOSING, line
        assert line.rstrip()[-1] not in OPENING, line
    shown = squeeze("".join(lines))
    assert squeeze(text)[:200] in shown


@pytest.mark.django_db
def test_a_panel_too_long_for_its_type_size_is_set_smaller_on_one_page(poppler):
    section = make_section(
        make_exhibition(),
        introduction_en="\n\n".join(["A long paragraph of introduction. " * 22] * 3),
        introduction_zh_hans="\n\n".join(["一段很长的单元介绍文字。" * 30] * 3),
    )
    sheets = content.section_sheets([section], OBJECT, BASE)
    printed = render.render_pdf(sheets, OBJECT, PANEL)
    assert (printed.pages, printed.clipped) == (1, [])


@pytest.mark.django_db
def test_a_panel_too_long_even_in_small_type_is_cut_and_named(poppler):
    section = make_section(
        make_exhibition(),
        title_en="Far too long",
        introduction_en="\n\n".join(["Words upon words. " * 80] * 12),
    )
    later = make_artifact()
    hang(section, later)
    sheets = content.section_sheets([section], OBJECT, BASE)
    printed = render.render_pdf(sheets, OBJECT, PANEL)
    assert (printed.pages, printed.clipped) == (2, ["Far too long"])


def test_a_character_the_font_lacks_is_refused_by_name(poppler):
    with pytest.raises(fonts.FontMissing, match="𓀀"):
        fonts.check_coverage(["A title 标题 𓀀"])
    fonts.check_coverage(["Title, 1938–1945 · 标题：“测试”（一）。"])


def test_a_font_that_is_not_installed_is_named_with_how_to_install_it():
    with pytest.raises(fonts.FontMissing, match="fonts-noto-cjk"):
        fonts.font_file("No Such Family Anywhere")


@pytest.mark.django_db
def test_each_half_of_a_label_has_the_qr_caption_in_its_own_language(poppler, tmp_path):
    artifact = make_artifact(title_en="Caption test", title_zh_hans="说明测试")
    printed = render.render_pdf(
        content.object_labels([artifact], OBJECT, BASE), OBJECT, PANEL
    )
    foot_top = (OBJECT.height_mm - OBJECT.margin_mm - OBJECT.qr_mm - 1) * MM
    half = OBJECT.width_mm / 2 * MM
    height = (OBJECT.qr_mm + 1) * MM
    english = pdf_text(printed.pdf, tmp_path, 0, foot_top, half, height)
    chinese = pdf_text(printed.pdf, tmp_path, half, foot_top, half, height)
    with translation.override("zh-hans"):
        scan_zh = translation.gettext("Scan for more")
    assert scan_zh != "Scan for more"  # the catalogue is compiled (make messages)
    assert "Scan for more" in english and scan_zh not in english
    assert scan_zh in chinese and "Scan for more" not in chinese
