"""The hall's touchscreens in Chromium: journeys, idle reset, offline, updates.

Both demo kiosks run here: S8 is portrait (1080 × 1920), S9 landscape (1920 × 1080).
Time is driven by Playwright's clock, so a 90-second idle reset takes no time.
"""

import json
import re
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.test_media import wait_for_metadata

KIOSKS = {
    "portrait": ("s8", {"width": 1080, "height": 1920}),
    "landscape": ("s9", {"width": 1920, "height": 1080}),
}
IDLE_SECONDS = 90
COUNTDOWN_SECONDS = 10


@pytest.fixture(scope="module")
def kiosk_site(site):
    """The demo site with every kiosk picture made before a browser waits on one,
    and each kiosk's start address (with a device key made for these tests)."""
    for slug, _ in KIOSKS.values():
        with urllib.request.urlopen(
            f"{site.url}/kiosk/{slug}/precache.json", timeout=600
        ) as response:
            response.read()
    slugs = [slug for slug, _ in KIOSKS.values()]
    made = site.manage("rotate_kiosk_key", *slugs, "--base-url", site.url)
    site.start_urls = dict(line.split(": ", 1) for line in made.splitlines())
    return site


@pytest.fixture
def screen(browser, kiosk_site):
    """Open a kiosk screen: a touch context at the kiosk's size, with a fake clock."""
    contexts = []

    def open_screen(orientation, service_workers="block", clock=True):
        slug, viewport = KIOSKS[orientation]
        context = browser.new_context(
            viewport=viewport, has_touch=True, service_workers=service_workers
        )
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        # What the kiosk's browser opens: the address with its key in the fragment.
        page.start_url = kiosk_site.start_urls[slug]
        if clock:
            page.clock.install()
        return context, page, f"{kiosk_site.url}/kiosk/{slug}/"

    yield open_screen
    for context in contexts:
        context.close()


def swipe(context, page, from_x, to_x, y):
    """A one-finger horizontal swipe, sent as real touch events."""
    cdp = context.new_cdp_session(page)
    cdp.send(
        "Input.dispatchTouchEvent",
        {"type": "touchStart", "touchPoints": [{"x": from_x, "y": y}]},
    )
    for step in range(1, 13):
        x = from_x + (to_x - from_x) * step / 12
        cdp.send(
            "Input.dispatchTouchEvent",
            {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]},
        )
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def pinch(context, page, x, y, start=60, end=260):
    """Two fingers moving apart around (x, y)."""
    cdp = context.new_cdp_session(page)

    def points(gap):
        return [{"x": x - gap, "y": y, "id": 1}, {"x": x + gap, "y": y, "id": 2}]

    cdp.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": points(start)}
    )
    for step in range(1, 11):
        gap = start + (end - start) * step / 10
        cdp.send(
            "Input.dispatchTouchEvent",
            {"type": "touchMove", "touchPoints": points(gap)},
        )
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def wait_for_offline_copy(page):
    # An attribute, not wait_for_function: the page's CSP forbids eval, rightly.
    expect(page.locator("html")).to_have_attribute(
        "data-offline", "ready", timeout=180_000
    )


def page_version(page):
    return json.loads(page.locator("body").get_attribute("data-kiosk"))["version"]


def server_version(url):
    with urllib.request.urlopen(url + "version.json", timeout=30) as response:
        return json.load(response)["version"]


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_visitors_journey_and_the_idle_reset(screen, screenshot, orientation):
    context, page, home = screen(orientation)
    page.goto(page.start_url)
    attract = page.locator(".attract")
    expect(attract).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    first_slide = page.locator(".slide.is-current .slide__title").inner_text()
    page.clock.run_for(8_500)
    expect(page.locator(".slide.is-current .slide__title")).not_to_have_text(
        first_slide
    )

    attract.tap()
    expect(attract).to_be_hidden()
    expect(page.locator(".masthead__title")).to_be_visible()
    page.clock.run_for(2_000)

    tile = page.locator(".tile").first
    title = tile.locator(".tile__title").inner_text()
    tile.tap()
    expect(page.locator("h1")).to_have_text(title)
    assert page.url.startswith(home + "en/")

    chip = page.locator(".chip").first
    name = chip.locator(".chip__name").inner_text()
    chip.tap()
    expect(page.locator("h1")).to_have_text(name)
    assert "/people/" in page.url

    page.locator(".shelf--person .tile").first.tap()
    expect(page.locator(".record")).to_be_visible()
    item_url = page.url
    next_url = page.locator("[data-next]").get_attribute("href")
    width = page.viewport_size["width"]
    swipe(context, page, width * 0.8, width * 0.2, page.viewport_size["height"] * 0.8)
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))
    assert page.url != item_url

    page.locator(".language-switch").tap()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    assert "/zh-hans/" in page.url

    page.clock.run_for(IDLE_SECONDS * 1000)
    idle = page.locator("[data-idle]")
    expect(idle).to_be_visible()
    expect(page.locator("[data-idle-count]")).to_have_text(str(COUNTDOWN_SECONDS))
    page.clock.run_for(3_000)
    expect(page.locator("[data-idle-count]")).to_have_text(str(COUNTDOWN_SECONDS - 3))
    screenshot(page, f"kiosk-idle-{orientation}")

    page.clock.run_for(COUNTDOWN_SECONDS * 1000)
    expect(page).to_have_url(home)
    expect(page.locator(".attract")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("[data-idle]")).to_be_hidden()
    assert not page.errors, page.errors


def test_a_touch_during_the_countdown_keeps_the_visitor_where_they_are(screen):
    context, page, home = screen("portrait")
    page.goto(home + "en/")
    page.locator(".attract").tap()
    page.locator(".tile").first.tap()
    expect(page.locator(".record")).to_be_visible()
    item_url = page.url
    page.clock.run_for(IDLE_SECONDS * 1000)
    expect(page.locator("[data-idle]")).to_be_visible()
    page.locator(".idle__button").tap()
    expect(page.locator("[data-idle]")).to_be_hidden()
    page.clock.run_for(COUNTDOWN_SECONDS * 1000 + 1000)
    assert page.url == item_url
    expect(page.locator("[data-idle]")).to_be_hidden()


def test_the_screen_is_locked_down_for_touch(screen):
    context, page, home = screen("portrait")
    page.goto(home + "#explore")
    locked = page.evaluate(
        """() => {
            const html = getComputedStyle(document.documentElement);
            const menu = new MouseEvent(
                "contextmenu", {bubbles: true, cancelable: true}
            );
            return {
                touchAction: html.touchAction,
                userSelect: html.userSelect,
                scrollbar: html.scrollbarWidth,
                noScrollbarWidth: document.documentElement.clientWidth === innerWidth,
                menuBlocked: !document.querySelector(".tile").dispatchEvent(menu),
                viewport: document.querySelector("meta[name=viewport]").content,
            };
        }"""
    )
    assert locked == {
        "touchAction": "pan-x pan-y",
        "userSelect": "none",
        "scrollbar": "none",
        "noScrollbarWidth": True,
        "menuBlocked": True,
        "viewport": "width=device-width, initial-scale=1",
    }
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('a, button')]
            .filter(el => el.offsetParent)
            .map(el => {
                const r = el.getBoundingClientRect();
                return [el.className, Math.round(r.width), Math.round(r.height)];
            })"""
    )
    small = [size for size in sizes if min(size[1], size[2]) < 48]
    assert not small, small
    pinch(context, page, 540, 900)
    assert page.evaluate("visualViewport.scale") == 1


def test_the_image_viewer_zooms_with_a_pinch(screen, screenshot):
    context, page, home = screen("landscape")
    page.goto(home + "#explore")
    page.locator(".tile").first.tap()
    page.locator("[data-viewer-open]").tap()
    viewer = page.locator("[data-viewer]")
    expect(viewer).to_be_visible()
    pinch(context, page, 960, 540)
    scale = page.locator(".viewer__image").evaluate(
        "img => new DOMMatrix(getComputedStyle(img).transform).a"
    )
    assert scale > 1.5
    screenshot(page, "kiosk-viewer-landscape")
    page.locator("[data-viewer-close]").tap()
    expect(viewer).to_be_hidden()


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_every_link_on_every_kiosk_page_stays_inside_the_kiosk(
    screen, kiosk_site, orientation
):
    context, page, home = screen(orientation, clock=False)
    with urllib.request.urlopen(home + "precache.json", timeout=60) as response:
        pages = json.load(response)["pages"]
    assert len(pages) > 50
    for path in pages:
        response = page.goto(kiosk_site.url + path, wait_until="domcontentloaded")
        assert response.status == 200, path
        found = page.evaluate(
            """() => ({
                links: [...document.querySelectorAll('a[href], area[href]')]
                    .map(a => a.href),
                forms: document.querySelectorAll('form').length,
                inline: [...document.scripts].filter(s => !s.src).length,
                styled: document.querySelectorAll('body [style]').length,
            })"""
        )
        assert found["forms"] == 0 and found["inline"] == 0, path
        assert found["styled"] == 0, path
        for link in found["links"]:
            assert link.startswith(home), (path, link)
    assert not page.errors, page.errors


def test_the_kiosk_keeps_running_offline_after_a_first_load(screen, kiosk_site):
    context, page, home = screen("portrait", service_workers="allow", clock=False)
    page.goto(page.start_url)
    wait_for_offline_copy(page)
    assert page.url == home  # the key left the address bar at once
    page.reload()
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")
    reported = kiosk_site.shell(
        "from exhibition.models import Kiosk; "
        "print(Kiosk.objects.get(slug='s8').reported_version)"
    ).split()[-1]
    assert reported == page_version(page)

    context.set_offline(True)
    page.locator(".attract").tap()
    tile = page.locator(".tile").nth(3)
    title = tile.locator(".tile__title").inner_text()
    with page.expect_response(lambda r: "/kiosk/s8/en/" in r.url) as answer:
        tile.tap()
    assert answer.value.from_service_worker
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator(".stage__image")).to_have_js_property("complete", True)
    assert page.locator(".stage__image").evaluate("img => img.naturalWidth") > 0

    page.locator(".chip").first.tap()
    expect(page.locator(".person__name")).to_be_visible()
    page.locator(".language-switch").tap()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    page.locator(".bar__back").tap()
    expect(page.locator(".masthead__title")).to_have_text("国际友人与中国抗战")
    context.set_offline(False)
    assert not page.errors, page.errors


def test_a_publish_is_picked_up_at_the_next_idle_reset_not_before(screen, kiosk_site):
    context, page, home = screen("landscape", service_workers="allow")
    page.goto(page.start_url)
    wait_for_offline_copy(page)
    page.locator(".attract").tap()
    tile = page.locator(".tile").first
    old_title = tile.locator(".tile__title").inner_text()
    tile.tap()
    expect(page.locator("h1")).to_have_text(old_title)
    slug = page.url.rstrip("/").rsplit("/", 1)[1]
    model = "Artifact" if "/artifacts/" in page.url else "Photograph"
    shown = page_version(page)
    new_title = old_title + " (revised)"
    change = (
        f"from catalog.models import {model}; r = {model}.objects.get(slug={slug!r}); "
        "r.title_en = {title!r}; r.save()"
    )
    kiosk_site.shell(change.format(title=new_title))
    try:
        assert server_version(home) != shown
        page.clock.run_for(61_000)
        expect(page.locator("html")).to_have_attribute(
            "data-update", "pending", timeout=30_000
        )
        # Not in the visitor's face: the page they are reading stays as it is.
        expect(page.locator("h1")).to_have_text(old_title)

        page.clock.run_for((IDLE_SECONDS - 61) * 1000 + 500)
        expect(page.locator("[data-idle]")).to_be_visible()
        page.clock.run_for(COUNTDOWN_SECONDS * 1000)
        expect(page).to_have_url(home, timeout=60_000)
        expect(page.locator(".attract")).to_be_visible()
        expect(page.locator(".tile__title").first).to_have_text(new_title)
        assert page_version(page) == server_version(home)
    finally:
        kiosk_site.shell(change.format(title=old_title))
    assert not page.errors, page.errors


def test_a_kiosk_taken_off_the_air_drops_its_offline_copy_at_the_reset(
    screen, kiosk_site
):
    context, page, home = screen("landscape", service_workers="allow")
    page.goto(page.start_url)
    wait_for_offline_copy(page)
    # Saved as a curator would in the admin, so every cache hears of it.
    switch = (
        "from exhibition.models import Kiosk; k = Kiosk.objects.get(slug='s9'); "
        "k.active = {active}; k.save()"
    )
    kiosk_site.shell(switch.format(active=False))
    try:
        page.clock.run_for(61_000)
        expect(page.locator("html")).to_have_attribute(
            "data-update", "retired", timeout=30_000
        )
        # The page clock also flows with real time while the offline copy is made
        # and the shell saves, so the resting kiosk's idle check (re-armed every
        # IDLE_SECONDS) can fall just before the retirement was noticed: a whole
        # idle period from here always holds the check that resets it.
        page.clock.run_for(IDLE_SECONDS * 1000 + 1000)
        expect(page.locator(".attract")).to_have_count(0, timeout=30_000)
        assert page.evaluate("navigator.serviceWorker.controller") is None
        assert page.evaluate("caches.keys()") == []
    finally:
        kiosk_site.shell(switch.format(active=True))


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_kiosk_pages_pass_axe(screen, screenshot, orientation, language):
    context, page, home = screen(orientation, clock=False)
    origin = home.split("/kiosk/")[0]
    suffix = "" if language == "en" else "-zh-hans"
    page.goto(f"{home}{language}/#explore")
    item = origin + page.locator(".tile").first.get_attribute("href")
    page.goto(item)
    person = origin + page.locator(".chip").first.get_attribute("href")
    states = {
        "attract": f"{home}{language}/",
        "home": f"{home}{language}/#explore",
        "item": item,
        "person": person,
    }
    for name, url in states.items():
        page.goto(url)
        page.wait_for_load_state("networkidle")
        if name == "attract":
            expect(page.locator(".attract")).to_be_visible()
        result = Axe().run(page)
        screenshot(page, f"kiosk-{name}-{orientation}{suffix}")
        assert result.violations_count == 0, (name, result.generate_report())

    # Open, the image viewer and the idle countdown pass too.
    page.goto(item)
    page.locator("[data-viewer-open]").tap()
    expect(page.locator("[data-viewer]")).to_be_visible()
    result = Axe().run(page)
    assert result.violations_count == 0, ("viewer", result.generate_report())
    page.locator("[data-viewer-close]").tap()
    page.evaluate("document.querySelector('[data-idle]').hidden = false")
    result = Axe().run(page)
    assert result.violations_count == 0, ("idle", result.generate_report())


def test_the_start_address_gives_the_screen_its_key_for_every_heartbeat(
    screen, kiosk_site
):
    """A kiosk of its own, so no other test's heartbeat shares its rate limit."""
    made = kiosk_site.shell(
        "from exhibition.models import Kiosk; s9 = Kiosk.objects.get(slug='s9'); "
        "k = Kiosk.objects.create(exhibition=s9.exhibition, slug='keyed', "
        "name_en='Keyed', orientation='landscape'); k.sections.set(s9.sections.all()); "
        "print(k.rotate_device_key())"
    )
    key = made.split()[-1]
    home = f"{kiosk_site.url}/kiosk/keyed/"
    seen = (
        "from exhibition.models import Kiosk; k = Kiosk.objects.get(slug='keyed'); "
        "print(k.last_seen is not None, k.reported_version or '-')"
    )
    try:
        context, page, _ = screen("landscape")
        beats = lambda request: request.url == home + "heartbeat"  # noqa: E731
        with page.expect_response(beats) as first:
            page.goto(f"{home}#key={key}")
        assert first.value.status == 204
        assert first.value.request.headers["x-kiosk-key"] == key
        assert page.url == home
        assert page.evaluate("localStorage.getItem('kiosk-key:/kiosk/keyed/')") == key
        assert kiosk_site.shell(seen).split()[-2:] == ["True", page_version(page)]

        # Kept across pages and the idle reset: the next minute's beat carries it
        # too. (This site takes every beat; the interval's 429 is a unit test's.)
        page.locator(".attract").tap()
        page.locator(".tile").first.tap()
        expect(page.locator(".record")).to_be_visible()
        with page.expect_response(beats) as second:
            page.clock.run_for(61_000)
        assert second.value.request.headers["x-kiosk-key"] == key
        assert second.value.ok

        # A screen opened without its start address has no key and stays silent.
        _, stranger, _ = screen("landscape")
        sent = []
        stranger.on("request", lambda request: beats(request) and sent.append(1))
        stranger.goto(home)
        stranger.clock.run_for(61_000)
        expect(stranger.locator(".attract")).to_be_visible()
        assert sent == []
        assert not page.errors and not stranger.errors
    finally:
        kiosk_site.shell(
            "from exhibition.models import Kiosk; "
            "Kiosk.objects.filter(slug='keyed').delete()"
        )


def test_the_kiosk_plays_a_stop_from_its_offline_copy(screen):
    context, page, home = screen("portrait", service_workers="allow", clock=False)
    page.goto(home)
    wait_for_offline_copy(page)
    page.reload()
    context.set_offline(True)
    page.goto(home + "en/#explore")
    audio = page.locator("audio.clip__audio").first
    state = wait_for_metadata(audio)
    assert state["error"] is None and state["duration"] > 5, state
    # A seek asks for a range; the worker answers it from the kept file.
    audio.evaluate("a => { a.currentTime = a.duration / 2; }")
    state = wait_for_metadata(audio)
    assert state["error"] is None, state
    context.set_offline(False)
    assert not page.errors, page.errors
