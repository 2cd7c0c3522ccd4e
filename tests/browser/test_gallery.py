"""A visitor's journeys through the gallery in Chromium, and axe-core on every page."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1440, "height": 900}
PAGE_TYPES = {
    "home": "/",
    "exhibitions": "/exhibitions/",
    "exhibition": "/exhibitions/international-friends/",
    "exhibition-online": "/exhibitions/foreign-expertise/",
    "section": "/exhibitions/international-friends/rescue/",
    "section-online": "/exhibitions/foreign-expertise/medical/",
    "collection": "/collection/?section=rescue&sort=date",
    "collection-exhibition": "/collection/?exhibition=foreign-expertise",
    "photographs": "/collection/?kind=photographs",
    "artifact": "/artifacts/kulishenko-bomber-salvaged-engine-part/",
    "photograph": None,  # the first photograph on the rescue section page
    "people": "/people/",
    "biography": "/people/norman-bethune/",
    "timeline": "/exhibitions/international-friends/timeline/",
    "timeline-online": "/exhibitions/foreign-expertise/timeline/",
    "search": "/search/?q=%E7%99%BD%E6%B1%82%E6%81%A9",
    "audio-guide": "/exhibitions/international-friends/audio/",
    "audio-guide-unknown": "/exhibitions/foreign-expertise/audio/?stop=99",
    "audio-stop": "/exhibitions/international-friends/audio/1/",
    "not-found": "/no-such-page/",
}


def scroll_through(page):
    """Scroll to the bottom and back so lazy images load before a screenshot."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 700) {
                window.scrollTo(0, y);
                await new Promise(r => setTimeout(r, 30));
            }
            window.scrollTo(0, 0);
        }"""
    )


def first_photograph_path(page, site):
    page.goto(site.url + "/collection/?kind=photographs&section=rescue")
    return page.locator(".card__link").first.get_attribute("href")


def test_home_to_section_to_artifact_to_person(page, site):
    page.goto(site.url + "/")
    expect(page.locator("h1")).to_contain_text("National Museum of China")
    page.get_by_role("link", name=re.compile("International Friends")).first.click()
    expect(page.locator("h1")).to_contain_text("International Friends")
    page.get_by_role("link", name=re.compile("Rescue: Medical Aid")).first.click()
    expect(page.locator("h1")).to_have_text(re.compile("Rescue"))
    page.locator(".card-grid .card__link").first.click()
    expect(page.locator(".record h1")).to_be_visible()
    person_link = page.locator(".chips-list a").first
    name = person_link.inner_text()
    person_link.click()
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator(".biography__body p").first).to_be_visible()


def test_filtering_gives_a_shareable_url(page, site, browser):
    page.goto(site.url + "/collection/")
    page.get_by_label("Rescue: Medical Aid").check()  # applied at once
    expect(page).to_have_url(re.compile(r"section=rescue"))
    page.get_by_label("Instrument").check()
    expect(page).to_have_url(re.compile(r"section=rescue.*type=instrument"))
    heading = page.locator("#results-heading").inner_text()
    shared_url = page.url

    other = browser.new_page()
    other.goto(shared_url)
    expect(other.locator("#results-heading")).to_have_text(heading)
    expect(other.locator(".chip", has_text="Instrument")).to_be_visible()
    other.locator(".chip", has_text="Instrument").click()
    expect(other).not_to_have_url(re.compile("type=instrument"))
    other.close()


def test_switching_language_keeps_the_record(page, site):
    page.goto(site.url + "/people/norman-bethune/")
    page.get_by_role("link", name="中文").click()
    expect(page).to_have_url(site.url + "/zh-hans/people/norman-bethune/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.locator("h1")).to_contain_text("白求恩")
    page.get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text("Norman Bethune")


def test_searching_in_chinese(page, site):
    page.goto(site.url + "/zh-hans/")
    page.locator("#site-search").fill("医疗")
    page.locator("#site-search").press("Enter")
    expect(page).to_have_url(re.compile(r"/zh-hans/search/\?q="))
    expect(page.locator(".result-count")).not_to_contain_text("共 0")
    assert page.locator(".search-result").count() > 0


def test_zoom_viewer_works_by_keyboard(page, site):
    page.goto(site.url + PAGE_TYPES["artifact"])
    page.locator(".zoomable__open").first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator(".zoom-dialog")
    expect(dialog).to_be_visible()
    page.keyboard.press("+")
    transform = page.locator(".zoom-dialog__stage img").evaluate(
        "i => i.style.transform"
    )
    assert "scale(1.25)" in transform
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()


@pytest.mark.parametrize("language", ["", "/zh-hans"])
@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_every_page_type_passes_axe(
    page, site, screenshot, page_type, viewport, language
):
    page.set_viewport_size(viewport)
    path = PAGE_TYPES[page_type] or first_photograph_path(page, site)
    page.goto(site.url + language + path)
    scroll_through(page)
    result = Axe().run(page)
    name = f"{page_type}{language.replace('/', '-')}-{viewport['width']}"
    screenshot(page, name)
    assert result.violations_count == 0, result.generate_report()
