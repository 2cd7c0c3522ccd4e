"""The curators' admin in a real browser: change forms fit the window."""

import itertools
import time
from base64 import b32decode
from binascii import unhexlify

import pytest
from django_otp.oath import TOTP

PASSWORD = "layout-check-password-1"
# The layout login's authenticator key; it accepts codes a few steps ahead, so
# each test's login can give a code not used before (codes are single use).
KEY = "3132333435363738393031323334353637383930"
STEPS = itertools.count()


def code(key=KEY, steps_ahead=0):
    totp = TOTP(unhexlify(key))
    totp.time = time.time() + steps_ahead * totp.step
    return f"{totp.token():06d}"


# One of each kind of record, as the demo ships them, plus the empty add forms.
CHANGE_FORMS = [
    "catalog/artifact/{artifact}/change/",
    "catalog/artifact/add/",
    "catalog/photograph/{photograph}/change/",
    "catalog/person/{person}/change/",
    "catalog/source/{source}/change/",
    "catalog/role/{role}/change/",
    "exhibition/exhibition/{exhibition}/change/",
    "exhibition/section/{section}/change/",
    "exhibition/kiosk/{kiosk}/change/",
]


@pytest.fixture(scope="module")
def admin_pages(site):
    ids = (
        site.shell(
            "from django.contrib.auth import get_user_model\n"
            "from catalog.models import Artifact, Person, Photograph, Role, Source\n"
            "from exhibition.models import Exhibition, Kiosk, Section\n"
            "User = get_user_model()\n"
            "User.objects.filter(username='layout').delete()\n"
            "u = User.objects.create_superuser("
            f"'layout', 'l@example.org', '{PASSWORD}')\n"
            "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
            "TOTPDevice.objects.create("
            f"user=u, name='phone', key='{KEY}', tolerance=40)\n"
            "print(' '.join(str(m.objects.order_by('pk').first().pk) for m in "
            "(Artifact, Photograph, Person, Source, Role, Exhibition, Section, Kiosk)))"
        )
        .splitlines()[-1]
        .split()
    )
    keys = "artifact photograph person source role exhibition section kiosk".split()
    values = dict(zip(keys, ids, strict=True))
    return [path.format(**values) for path in CHANGE_FORMS]


@pytest.fixture
def curator_page(browser, site, admin_pages):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "layout")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{site.url}/admin/login/code/")
    page.fill("#id_code", code(steps_ahead=next(STEPS)))
    page.click("input[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    yield page
    context.close()


@pytest.mark.parametrize("width", [1280, 1440])
def test_every_admin_change_form_fits_the_window(
    curator_page, site, admin_pages, width, screenshot
):
    curator_page.set_viewport_size({"width": width, "height": 900})
    too_wide = {}
    for path in admin_pages:
        curator_page.goto(f"{site.url}/admin/{path}")
        scroll, client = curator_page.evaluate(
            "[document.documentElement.scrollWidth,"
            " document.documentElement.clientWidth]"
        )
        if scroll > client:
            too_wide[path] = scroll
    curator_page.goto(f"{site.url}/admin/{admin_pages[0]}")
    screenshot(curator_page, f"admin-artifact-change-{width}")
    assert not too_wide, f"wider than {width} px: {too_wide}"


def test_the_change_form_offers_view_on_site_once(curator_page, site, admin_pages):
    for path in admin_pages:
        if "/add/" in path:
            continue
        curator_page.goto(f"{site.url}/admin/{path}")
        links = curator_page.locator(".object-tools a.viewsitelink")
        assert links.count() <= 1, path


@pytest.mark.parametrize("width, side_by_side", [(1440, True), (800, False)])
def test_translated_fields_stand_side_by_side_on_wide_screens(
    curator_page, site, admin_pages, width, side_by_side, screenshot
):
    curator_page.set_viewport_size({"width": width, "height": 900})
    curator_page.goto(f"{site.url}/admin/{admin_pages[0]}")
    english = curator_page.locator("#id_description_en").bounding_box()
    chinese = curator_page.locator("#id_description_zh_hans").bounding_box()
    screenshot(curator_page, f"admin-side-by-side-{width}")
    if side_by_side:
        assert abs(english["y"] - chinese["y"]) < 2 and chinese["x"] > english["x"]
    else:
        assert chinese["y"] > english["y"] + english["height"] - 1
    # Each field fits its column: nothing runs past the window.
    assert chinese["x"] + chinese["width"] <= width
    scroll = curator_page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width


# The admin pages this project adds or changes: start page, tools, record forms.
OWN_ADMIN_PAGES = [
    "",
    "catalog/readiness/",
    "catalog/collectionimport/",
    "catalog/artifact/deleted/",
]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_projects_own_admin_pages_pass_axe(
    curator_page, site, admin_pages, language, screenshot
):
    from axe_playwright_python.sync_playwright import Axe

    curator_page.goto(f"{site.url}/admin/")
    curator_page.select_option("#admin-language-choice", language)
    curator_page.click(".admin-language button")
    problems = {}
    for path in [*OWN_ADMIN_PAGES, admin_pages[0]]:
        curator_page.goto(f"{site.url}/admin/{path}")
        assert curator_page.locator("html").get_attribute("lang") == language
        result = Axe().run(curator_page)
        if result.violations_count:
            problems[path] = result.generate_report()
    screenshot(curator_page, f"admin-artifact-{language}")
    curator_page.goto(f"{site.url}/admin/")
    screenshot(curator_page, f"admin-start-page-{language}")
    assert not problems, "\n".join(problems.values())


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_two_step_login_pages_pass_axe(browser, site, language, screenshot):
    """Set-up, recovery codes, the overview and the login's code step (with and
    without an error), for a superuser meeting two-step login the first time."""
    from axe_playwright_python.sync_playwright import Axe

    name = f"new-{language}"
    site.shell(
        "from django.contrib.auth import get_user_model\n"
        f"get_user_model().objects.filter(username='{name}').delete()\n"
        "get_user_model().objects.create_superuser("
        f"'{name}', 'n@example.org', '{PASSWORD}')"
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = {}

    def check(what):
        assert page.locator("html").get_attribute("lang") == language, what
        screenshot(page, f"admin-two-factor-{what}-{language}")
        result = Axe().run(page)
        if result.violations_count:
            problems[what] = result.generate_report()

    def log_in():
        page.goto(f"{site.url}/{language}/admin/")
        page.fill("#id_username", name)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")

    log_in()
    page.wait_for_url("**/admin/two-factor/set-up/**")
    check("password-again")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_selector(".two-factor-secret code")
    check("set-up")
    secret = page.locator(".two-factor-secret code").inner_text().replace(" ", "")
    key = b32decode(secret).hex()
    page.fill("#id_code", code(key))
    page.click(".two-factor input[type=submit]")
    assert page.locator(".two-factor-codes li").count() == 10
    check("recovery-codes")
    page.goto(f"{site.url}/admin/two-factor/")
    check("overview")
    page.click("#logout-form button")
    log_in()
    page.wait_for_url("**/admin/login/code/")
    check("code-step")
    page.fill("#id_code", "000000")
    page.click("#login-form input[type=submit]")
    assert page.locator("#id_code_error").count() == 1
    check("code-step-error")
    page.wait_for_timeout(1100)  # django-otp pauses a device after a wrong code
    page.fill("#id_code", code(key, steps_ahead=1))
    page.click("#login-form input[type=submit]")
    page.wait_for_url(f"{site.url}/admin/")
    context.close()
    assert not problems, "\n".join(problems.values())


@pytest.mark.parametrize("width", [1280, 390])
def test_the_chinese_login_page_keeps_each_label_on_one_line(browser, site, width):
    """Chinese may break between any two characters: squeezed beside the site
    name, "后台语言" once stood one character a line."""
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        extra_http_headers={"Accept-Language": "zh-CN,zh"},
    )
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    assert page.locator(".admin-language label").inner_text() == "后台语言"
    for selector in (".admin-language label", ".admin-language button"):
        element = page.locator(selector)
        size = element.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert element.bounding_box()["height"] < 2 * size, (selector, width)
    context.close()
