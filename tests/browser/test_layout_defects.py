"""Visitor-facing layout, measured in Chromium: boxes, colours and overflow, not pixels.

Sections without a hero image, the collection's and search's filters, the timeline's
markers, an empty search and the kiosk's section shelves, in both languages, on a
desk-sized window and a phone.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser import test_kiosk

# The kiosk tests' fixtures: the demo kiosks with their keys, and a kiosk screen.
kiosk_site = test_kiosk.kiosk_site
screen = test_kiosk.screen

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}
VIEWPORTS = pytest.mark.parametrize("viewport", [DESK, PHONE], ids=["desk", "phone"])
LANGUAGES = pytest.mark.parametrize("language", ["", "/zh-hans"], ids=["en", "zh"])
LONG_TITLE = {
    "en": "Trade, Ceramics and the Maritime Routes from the Southern Ports "
    "to the Far Shores of the Ocean",
    "zh": "从南方港口到大洋彼岸：贸易、陶瓷与海上航路以及一个很长的单元标题",
}

BOX = "e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; }"  # noqa: E501

# The effective background colour behind an element: the first opaque one up its
# ancestors (every background here is a plain colour or a colour under a gradient).
CONTRAST = """e => {
    const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
        const channel = (c) => {
            c /= 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    let node = e, background = null;
    while (node) {
        const colour = rgb(getComputedStyle(node).backgroundColor);
        if (colour.length === 3 || colour[3] === 1) {
            background = colour.slice(0, 3);
            break;
        }
        node = node.parentElement;
    }
    background = background || [255, 255, 255];
    const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(background)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def box(locator):
    return locator.evaluate(BOX)


def overlap(a, b):
    """The area two boxes share (0 when they only touch)."""
    width = min(a["right"], b["right"]) - max(a["left"], b["left"])
    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return max(0, width) * max(0, height)


def inside(inner, outer, slack=0.5):
    return (
        inner["left"] >= outer["left"] - slack
        and inner["right"] <= outer["right"] + slack
        and inner["top"] >= outer["top"] - slack
        and inner["bottom"] <= outer["bottom"] + slack
    )


@pytest.fixture(scope="module")
def heroless(site):
    """An exhibition whose sections have no hero image, one with a long title."""
    code = (
        "from tests.factories import make_exhibition, make_section\n"
        "e = make_exhibition(slug='no-heroes', title_en='Plain rooms', "
        "title_zh_hans='素室')\n"
        "make_section(e, slug='short', title_en='Northern Rooms', "
        "title_zh_hans='北厅', introduction_en='A room without a picture.', "
        "introduction_zh_hans='没有图片的展厅。', position=1)\n"
        f"make_section(e, slug='long', title_en='{LONG_TITLE['en']}', "
        f"title_zh_hans='{LONG_TITLE['zh']}', position=2)\n"
    )
    site.shell(code)
    yield "/exhibitions/no-heroes/"
    site.shell(
        "from exhibition.models import Exhibition, Section\n"
        "Section.objects.filter(exhibition__slug='no-heroes').delete()\n"
        "Exhibition.objects.filter(slug='no-heroes').delete()\n"
    )


# 6. Sections without a hero image -------------------------------------------------


@LANGUAGES
@VIEWPORTS
@pytest.mark.parametrize("slug", ["short", "long"])
def test_a_section_without_a_hero_image_shows_its_title_readably(
    page, site, heroless, screenshot, viewport, language, slug
):
    page.set_viewport_size(viewport)
    page.goto(site.url + language + heroless + slug + "/")
    header = page.locator(".section-hero")
    title = header.locator("h1")
    screenshot(
        page, f"layout-section-no-hero-{slug}{language[1:3]}-{viewport['width']}"
    )
    assert title.inner_text().strip()
    title_box, header_box = box(title), box(header)
    assert title_box["height"] > 20, title_box
    assert inside(title_box, header_box), (title_box, header_box)
    assert title.evaluate(CONTRAST) >= 4.5


@LANGUAGES
@VIEWPORTS
def test_a_section_cards_number_never_covers_its_title(
    page, site, heroless, screenshot, viewport, language
):
    page.set_viewport_size(viewport)
    page.goto(site.url + language + heroless)
    cards = page.locator(".section-card")
    assert cards.count() == 2
    screenshot(page, f"layout-section-cards-no-hero{language[1:3]}-{viewport['width']}")
    for index in range(cards.count()):
        card = cards.nth(index)
        number, title = (
            card.locator(".section-card__number"),
            card.locator(".section-card__title"),
        )
        assert overlap(box(number), box(title)) == 0, (box(number), box(title))
        assert inside(box(title), box(card)), (box(title), box(card))


@LANGUAGES
def test_pages_of_sections_without_hero_images_pass_axe(page, site, heroless, language):
    page.set_viewport_size(DESK)
    for path in ("", "short/", "long/"):
        page.goto(site.url + language + heroless + path)
        result = Axe().run(page)
        assert result.violations_count == 0, (path, result.generate_report())


@LANGUAGES
def test_a_section_cards_number_stays_on_its_picture(page, site, language):
    """Where there is a hero image, the number still sits on it, clear of the title."""
    page.set_viewport_size(DESK)
    page.goto(site.url + language + "/exhibitions/foreign-expertise/")
    card = page.locator(".section-card").first
    number, picture = card.locator(".section-card__number"), card.locator("img")
    assert inside(box(number), box(picture))
    assert overlap(box(number), box(card.locator(".section-card__title"))) == 0


# 7. The collection's and search's filters ------------------------------------------


def open_filters(page):
    panel = page.locator(".facets-panel")
    if not panel.evaluate("p => p.open"):
        panel.locator("> summary").click()


@LANGUAGES
@VIEWPORTS
def test_the_collection_filters_stay_in_their_column_and_show_every_value(
    page, site, screenshot, viewport, language
):
    page.set_viewport_size(viewport)
    page.goto(site.url + language + "/collection/")
    open_filters(page)
    screenshot(page, f"layout-collection{language[1:3]}-{viewport['width']}")
    form = box(page.locator("form.facets"))
    spilling = page.locator("form.facets *").evaluate_all(
        """(elements, form) => elements.filter(e => {
            const r = e.getBoundingClientRect();
            return r.width && (r.left < form.left - 0.5 || r.right > form.right + 0.5);
        }).map(e => e.outerHTML.slice(0, 80))""",
        form,
    )
    assert not spilling
    image_only = page.locator("input[name=has_image]").locator("xpath=..")
    label_text = box(image_only.locator("span").first)
    line = image_only.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    assert label_text["height"] < 2 * line, (label_text, line)
    if viewport == DESK:
        assert form["right"] <= box(page.locator(".results"))["left"]
    boxed_in = page.locator("form.facets ul").evaluate_all(
        "lists => lists.filter(l => l.scrollHeight > l.clientHeight + 1).length"
    )
    assert boxed_in == 0


def test_ticking_a_filter_applies_it_at_once_and_keeps_the_focus_on_it(page, site):
    page.set_viewport_size(DESK)
    page.goto(site.url + "/collection/")
    page.get_by_label("Only with an image").check()
    expect(page).to_have_url(re.compile(r"has_image=true"))
    expect(page.get_by_label("Only with an image")).to_be_checked()
    expect(page.get_by_label("Only with an image")).to_be_focused()
    exhibition = page.locator("input[name=exhibition]").first.get_attribute("value")
    page.locator(f"input[name=exhibition][value='{exhibition}']").check()
    expect(page).to_have_url(re.compile(rf"exhibition={exhibition}.*has_image=true"))


@VIEWPORTS
def test_a_long_facet_folds_its_tail_and_opens_it_on_a_click(page, site, viewport):
    page.set_viewport_size(viewport)
    page.goto(site.url + "/collection/")
    open_filters(page)
    facet = page.locator(".facet:has(.facet__more)").first
    more = facet.locator(".facet__more")
    hidden = more.locator("input")
    assert facet.locator("input").count() > 10
    assert facet.locator("input").count() - hidden.count() == 8
    expect(hidden.first).to_be_hidden()
    more.locator("summary").click()
    expect(hidden.last).to_be_visible()
    name, value = hidden.last.get_attribute("name"), hidden.last.get_attribute("value")
    ticked = page.locator(f"input[name={name}][value='{value}']")
    ticked.check()
    expect(page).to_have_url(re.compile(rf"{name}={value}"))
    expect(ticked).to_be_focused()


def test_ticking_a_search_facet_applies_it_at_once(page, site):
    page.set_viewport_size(PHONE)
    page.goto(site.url + "/zh-hans/search/?q=%E5%8C%BB%E7%96%97")
    open_filters(page)
    first = page.locator("form.facets input[type=checkbox]").first
    name, value = first.get_attribute("name"), first.get_attribute("value")
    ticked = page.locator(f"input[name={name}][value='{value}']")
    ticked.check()
    expect(page).to_have_url(re.compile(rf"{name}={re.escape(value)}"))
    expect(ticked).to_be_focused()


def test_without_scripts_the_apply_button_still_filters(browser, site):
    context = browser.new_context(java_script_enabled=False, viewport=DESK)
    page = context.new_page()
    page.goto(site.url + "/collection/")
    page.get_by_label("Only with an image").check()
    assert "has_image" not in page.url
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"has_image=true"))
    context.close()


# 13. The timeline's markers ---------------------------------------------------------

KINDS = {
    "": {"artifact": "Artifact", "photograph": "Photograph", "person": "Person"},
    "/zh-hans": {"artifact": "文物", "photograph": "照片", "person": "人物"},
}
GROUP = {"": "Group", "/zh-hans": "团体"}


@LANGUAGES
@VIEWPORTS
def test_the_timeline_explains_its_markers_to_eyes_and_screen_readers(
    page, site, screenshot, viewport, language
):
    page.set_viewport_size(viewport)
    page.goto(site.url + language + "/exhibitions/foreign-expertise/timeline/")
    screenshot(page, f"layout-timeline{language[1:3]}-{viewport['width']}")
    names = KINDS[language]
    legend = page.locator(".timeline-legend")
    expect(legend).to_be_visible()
    assert box(legend)["bottom"] <= box(page.locator(".timeline"))["top"]
    glyphs = {}
    for kind, name in names.items():
        item = legend.locator(f".timeline-legend__item--{kind}")
        expect(item).to_contain_text(name)
        assert box(item)["width"] > 20
        glyphs[kind] = item.locator(".timeline__marker").inner_text()
    assert len(set(glyphs.values())) == 3, glyphs
    entries = page.locator(".timeline__entry").evaluate_all(
        """entries => entries.map(e => {
            const marker = e.querySelector('.timeline__marker');
            const copy = e.cloneNode(true);
            copy.querySelectorAll('[aria-hidden=true]').forEach(h => h.remove());
            return {
                kind: e.className.match(/timeline__entry--(\\w+)/)[1],
                glyph: marker && marker.textContent,
                hidden: marker && marker.getAttribute('aria-hidden'),
                spoken: copy.textContent.trim(),
            };
        })"""
    )
    assert entries
    for entry in entries:
        assert entry["glyph"] == glyphs[entry["kind"]], entry
        assert entry["hidden"] == "true", entry
        spoken = names[entry["kind"]]
        if entry["kind"] == "person":  # a biography is of a person or a group
            spoken = (spoken, GROUP[language])
        assert entry["spoken"].startswith(spoken), entry


# 14. An empty search result ---------------------------------------------------------


@LANGUAGES
@VIEWPORTS
def test_an_empty_search_uses_the_width_of_the_page(
    page, site, screenshot, viewport, language
):
    page.set_viewport_size(viewport)
    page.goto(site.url + language + "/search/?q=zzzzqqq")
    screenshot(page, f"layout-search-empty{language[1:3]}-{viewport['width']}")
    form = box(page.locator(".big-search"))
    for part in (".results", ".results .empty"):
        assert box(page.locator(part))["width"] >= 0.95 * form["width"], part


# 16. The kiosk's section shelves ----------------------------------------------------


def shelves_with_clips(page):
    return page.locator(".shelf").evaluate_all(
        f"""shelves => shelves.filter(s => s.querySelector('.clip')).map(s => {{
            const box = {BOX};
            const pick = (selector) => {{
                const found = s.querySelector(selector);
                return found && box(found);
            }};
            return {{
                intro: pick('.shelf__intro'), clip: pick('.clip'), tile: pick('.tile'),
            }};
        }})"""
    )


def gap_between(a, b):
    """The space between two boxes that do not overlap, along either axis."""
    return max(
        b["top"] - a["bottom"],
        a["top"] - b["bottom"],
        b["left"] - a["right"],
        a["left"] - b["right"],
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_kiosk_shelf_keeps_its_intro_clear_of_its_audio_card(
    screen, screenshot, orientation, language
):
    context, page, home = screen(orientation, clock=False)
    page.goto(f"{home}{language}/#explore")
    page.wait_for_load_state("networkidle")
    screenshot(page, f"layout-kiosk-{orientation}-{language}")
    shelves = shelves_with_clips(page)
    assert shelves
    for shelf in shelves:
        if shelf["intro"]:
            assert gap_between(shelf["intro"], shelf["clip"]) >= 12, shelf
        assert gap_between(shelf["clip"], shelf["tile"]) >= 12, shelf


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_landscape_kiosk_shows_the_first_shelfs_items_above_the_fold(
    screen, language
):
    context, page, home = screen("landscape", clock=False)
    page.goto(f"{home}{language}/#explore")
    page.wait_for_load_state("networkidle")
    first = shelves_with_clips(page)[0]
    assert page.locator(".shelf").first.locator(".clip").count(), "no clip on top"
    height = page.viewport_size["height"]
    assert first["tile"]["bottom"] <= height, (first, height)
    assert first["clip"]["bottom"] <= height, (first, height)
