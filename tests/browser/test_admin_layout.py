"""The curators' admin in a real browser: change forms fit the window."""

import pytest

PASSWORD = "layout-check-password-1"

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
            f"User.objects.create_superuser('layout', 'l@example.org', '{PASSWORD}')\n"
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
def curator_page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    page.fill("#id_username", "layout")
    page.fill("#id_password", PASSWORD)
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
