"""Visitor figures in a real browser: a kiosk's opens made offline reach the counts
once it is back, and the admin's figures page passes axe in both languages."""

import ast
import collections
import json
import urllib.request

import pytest
from playwright.sync_api import TimeoutError, expect

from tests.browser.test_admin_layout import admin_pages, curator_page  # noqa: F401
from tests.browser.test_kiosk import wait_for_offline_copy

KIOSK_USES = (
    "from exhibition.models import UseCount; "
    "print(sorted((u.kind, u.record_id, u.count) for u in "
    "UseCount.objects.filter(channel='kiosk', kiosk__slug='counting')))"
)


@pytest.fixture
def counting_kiosk(site):
    """A kiosk of its own (no other test's heartbeat shares its rate limit), whose
    idle reset (an hour) never falls in the test's minutes: a reset's page load
    would abort the beat in flight and leave the next one a minute away."""
    made = site.shell(
        "from exhibition.models import Kiosk; s8 = Kiosk.objects.get(slug='s8'); "
        "k = Kiosk.objects.create(exhibition=s8.exhibition, slug='counting', "
        "name_en='Counting', orientation='portrait', idle_timeout=3600); "
        "k.sections.set(s8.sections.all()); print(k.rotate_device_key())"
    )
    with urllib.request.urlopen(
        f"{site.url}/kiosk/counting/precache.json", timeout=600
    ) as response:
        response.read()
    yield made.split()[-1]
    site.shell(
        "from exhibition.models import Kiosk; "
        "Kiosk.objects.filter(slug='counting').delete()"
    )


def kiosk_uses(site):
    return ast.literal_eval(site.shell(KIOSK_USES).strip().splitlines()[-1])


def opened(page):
    return json.loads(page.locator("body").get_attribute("data-kiosk"))["opened"]


# Where the kiosk keeps the batch it is sending and the opens not yet in a batch.
BATCH = "localStorage.getItem('kiosk-opens-batch:/kiosk/counting/')"
TALLY = "localStorage.getItem('kiosk-opens:/kiosk/counting/')"


def delivered(page, beats):
    try:
        page.wait_for_function(f"() => {BATCH} === null")
    except TimeoutError:
        raise AssertionError(
            f"the kept batch was not accepted; beats: {beats}"
        ) from None


def kept_offline(page):
    """Every open the kiosk holds, in its batch and its tally, as (kind, id, n)."""
    batch, tally = page.evaluate(f"[{BATCH}, {TALLY}]")
    kept = collections.Counter()
    for _day, kind, record, n in json.loads(batch or '{"counts": []}')["counts"]:
        kept[kind, record] += n
    for key, n in json.loads(tally or "{}").items():
        _day, kind, record = key.split("|")
        kept[kind, int(record)] += n
    return {(*record, n) for record, n in kept.items()}


def test_opens_made_offline_are_counted_once_the_kiosk_is_back(
    browser, site, counting_kiosk
):
    home = f"{site.url}/kiosk/counting/"
    context = browser.new_context(
        viewport={"width": 1080, "height": 1920}, has_touch=True,
        service_workers="allow",
    )  # fmt: skip
    # Chromium's offline emulation does not cover requests of a page its service
    # worker controls, and navigator.onLine has read true on a page the worker served
    # (beats got through in CI runs): while the test's own switch says the network is
    # down, the page's fetch fails as on a kiosk whose network is down.
    context.add_init_script(
        "const online = window.fetch.bind(window);"
        "window.fetch = (...args) => sessionStorage.getItem('network-down')"
        " ? Promise.reject(new TypeError('offline')) : online(...args);"
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    beats = []  # what became of each heartbeat, for a failure's message
    page.on(
        "requestfinished",
        lambda r: (
            r.url.endswith("/heartbeat")
            and beats.append((r.response().status, r.post_data))
        ),
    )
    page.on(
        "requestfailed",
        lambda r: r.url.endswith("/heartbeat") and beats.append((r.failure, "")),
    )
    page.clock.install()
    page.goto(f"{home}#key={counting_kiosk}")
    wait_for_offline_copy(page)
    page.reload()
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")

    page.evaluate("sessionStorage.setItem('network-down', '1')")
    context.set_offline(True)
    page.locator(".attract").tap()
    page.locator(".tile").nth(0).tap()
    expect(page.locator(".record")).to_be_visible()
    first = opened(page)
    page.locator(".bar__back").tap()  # back to the shelves, past the attract loop
    page.locator(".tile").nth(1).tap()
    expect(page.locator(".record")).to_be_visible()
    second = opened(page)
    page.reload()  # the same record opened again, from the offline copy
    expect(page.locator(".record")).to_be_visible()

    # A heartbeat while offline fails: the opens are moved into a batch and kept.
    # (On a slow machine a page load a minute after the last beat has already
    # made a batch of the first open; the later ones then wait in the tally.)
    page.clock.run_for(61_000)
    assert kept_offline(page) == {(*first, 1), (*second, 2)}
    assert kiosk_uses(site) == []

    # Back online, the kept batch goes with the next heartbeat, and opens that
    # waited in the tally with the one after (a beat carries one batch). A batch
    # leaves the kiosk's storage only once the server has accepted it.
    page.evaluate("sessionStorage.removeItem('network-down')")
    context.set_offline(False)
    page.clock.run_for(61_000)
    delivered(page, beats)
    page.clock.run_for(61_000)  # the tally became a batch before this returned
    delivered(page, beats)
    assert kept_offline(page) == set()
    expected = sorted([(*first, 1), (*second, 2)])
    assert [tuple(u) for u in kiosk_uses(site)] == [tuple(e) for e in expected]
    context.close()
    assert not errors, errors


@pytest.fixture(scope="module")
def figures_page(site):
    pk = site.shell(
        "from exhibition.models import UseCount; UseCount.objects.all().delete()\n"
        "from tests.browser.usage_data import seed; print(seed())"
    ).split()[-1]
    return f"figures/exhibition/{pk}/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_visitor_figures_page_passes_axe(
    curator_page,  # noqa: F811
    site,
    figures_page,
    language,
    screenshot,
):
    from axe_playwright_python.sync_playwright import Axe

    curator_page.goto(f"{site.url}/admin/")
    curator_page.select_option("#admin-language-choice", language)
    curator_page.click(".admin-language button")
    curator_page.goto(f"{site.url}/admin/{figures_page}")
    assert curator_page.locator("html").get_attribute("lang") == language
    expect(curator_page.locator("svg.usage-chart polyline")).to_have_count(5)
    assert curator_page.locator(".usage-records tbody tr").count() >= 10
    screenshot(curator_page, f"admin-visitor-figures-{language}")
    result = Axe().run(curator_page)
    assert result.violations_count == 0, result.generate_report()
    curator_page.locator(".usage-details summary").click()  # the table alternative
    result = Axe().run(curator_page)
    assert result.violations_count == 0, result.generate_report()
    curator_page.goto(f"{site.url}/admin/{figures_page}?days=7")
    assert curator_page.locator(".usage-periods [aria-current=page]").count() == 1
    with curator_page.expect_download() as download:
        curator_page.locator(".usage-downloads a").first.click()
    assert download.value.suggested_filename.endswith("-7-days-records.csv")
