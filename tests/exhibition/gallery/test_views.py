"""The public gallery: every page, filter and language, and nothing unpublished."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from catalog.models import Person, Role, Status
from tests.factories import (
    cite,
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)
from tests.worlds import built_once, steady_queries

pytestmark = pytest.mark.django_db
HIDDEN = [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]


@pytest.fixture
def world():
    return build_world()


def build_world():
    exhibition = make_exhibition(
        slug="friends", title_en="International Friends", title_zh_hans="国际友人"
    )
    rescue = make_section(
        exhibition,
        slug="rescue",
        title_en="Rescue: Medical Aid",
        title_zh_hans="救护",
        position=1,
    )
    reporting = make_section(
        exhibition,
        slug="reporting",
        title_en="Reporting",
        title_zh_hans="报道",
        position=0,
    )
    physician = Role.objects.create(
        slug="physician", name_en="Physician", name_zh_hans="医生"
    )
    bethune = make_person(
        slug="norman-bethune",
        name_en="Norman Bethune",
        name_zh_hans="白求恩",
        nationalities="CA",
        featured=True,
        active_from=1938,
    )
    bethune.roles.add(physician)
    feature(exhibition, bethune)
    snow = make_person(
        slug="edgar-snow",
        name_en="Edgar Snow",
        name_zh_hans="埃德加·斯诺",
        nationalities="US",
    )
    shears = make_artifact(
        slug="rib-shears",
        title_en="Rib shears",
        title_zh_hans="肋骨剪",
        description_en="Surgical instrument",
        description_zh_hans="医疗器械",
        object_type="instrument",
        year_from=1938,
        year_to=1939,
    )
    shears.people.add(bethune)
    book = make_artifact(
        slug="red-star",
        title_en="Red Star Over China",
        title_zh_hans="红星照耀中国",
        object_type="publication",
        year_from=1937,
        year_to=1937,
        with_image=False,
    )
    book.people.add(snow)
    photo = make_photograph(
        slug="bethune-operating",
        title_en="Bethune operating",
        title_zh_hans="白求恩在手术",
        year_from=1939,
        year_to=1939,
    )
    photo.people.add(bethune)
    hang(rescue, shears, 1)
    hang(rescue, photo, 0)
    hang(reporting, book, 0)
    # Real content cites a source on nearly everything, each often several times.
    for record in (exhibition, rescue, reporting, bethune, snow, shears, book, photo):
        for locator in ("§1, para 2", "§3.2, para 4"):
            cite(record, locator=locator)
    secret = {}
    for status in HIDDEN:
        person = make_person(
            slug=f"secret-person-{status}",
            name_en=f"Secret person {status}",
            status=status,
            nationalities="GB",
        )
        artifact = make_artifact(
            slug=f"secret-artifact-{status}",
            title_en=f"Secret artifact {status}",
            status=status,
            year_from=1938,
            year_to=1938,
        )
        artifact.people.add(bethune)
        photograph = make_photograph(
            slug=f"secret-photo-{status}",
            title_en=f"Secret photo {status}",
            status=status,
            year_from=1940,
            year_to=1940,
        )
        photograph.people.add(person)
        shears.people.add(person)
        hang(rescue, artifact, 5)
        hang(rescue, photograph, 6)
        section = make_section(
            exhibition,
            slug=f"secret-section-{status}",
            title_en=f"Secret section {status}",
            status=status,
        )
        secret[status] = (person, artifact, photograph, section)
    return {
        "exhibition": exhibition,
        "rescue": rescue,
        "reporting": reporting,
        "bethune": bethune,
        "snow": snow,
        "shears": shears,
        "book": book,
        "photo": photo,
        "secret": secret,
    }


PUBLIC_PAGES = [
    "/",
    "/exhibitions/friends/rescue/",
    "/exhibitions/friends/reporting/",
    "/collection/",
    "/collection/?kind=photographs",
    "/collection/?person=norman-bethune",
    "/artifacts/rib-shears/",
    "/artifacts/red-star/",
    "/photographs/bethune-operating/",
    "/people/",
    "/people/norman-bethune/",
    "/people/edgar-snow/",
    "/exhibitions/",
    "/exhibitions/friends/",
    "/exhibitions/friends/timeline/",
    "/search/?q=Secret",
    "/search/?q=a",
]
SITEMAPS = [
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-exhibitions.xml",
    "/sitemap-artifacts.xml",
    "/sitemap-photographs.xml",
    "/sitemap-people.xml",
]
# Sitemaps have one address each, covering both languages.
LOCALISED_PAGES = [
    language + path for language in ("", "/zh-hans") for path in PUBLIC_PAGES
] + SITEMAPS


@pytest.mark.parametrize("path", LOCALISED_PAGES)
def test_no_unpublished_record_appears_on_any_public_page(client, world, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for leaked in (
        "Secret artifact",
        "Secret photo",
        "Secret person",
        "Secret section",
        "secret-",
    ):
        assert leaked not in html


@pytest.mark.parametrize("status", HIDDEN)
@pytest.mark.parametrize("kind", ["person", "artifact", "photograph", "section"])
def test_unpublished_detail_pages_are_404_for_visitors(client, world, status, kind):
    record = world["secret"][status][
        ["person", "artifact", "photograph", "section"].index(kind)
    ]
    assert client.get(record.get_absolute_url()).status_code == 404


def test_a_curator_with_change_permission_previews_a_draft_with_a_banner(
    client, world, django_user_model
):
    artifact = world["secret"][Status.DRAFT][1]
    user = django_user_model.objects.create_user(
        "cataloguer", password="x-long-password-1"
    )
    user.user_permissions.add(Permission.objects.get(codename="change_artifact"))
    client.force_login(user)
    response = client.get(artifact.get_absolute_url())
    assert response.status_code == 200
    assert "This record is not published" in response.content.decode()
    # Permission on artifacts does not open photographs.
    photograph = world["secret"][Status.DRAFT][2]
    assert client.get(photograph.get_absolute_url()).status_code == 404


BANNER = "draft-banner"


@pytest.mark.parametrize("path", [p for p in LOCALISED_PAGES if "sitemap" not in p])
def test_visitors_never_see_a_preview_banner(client, world, path):
    assert BANNER not in client.get(path).content.decode()


@pytest.mark.parametrize(
    "path", ["/", "/exhibitions/friends/rescue/", "/artifacts/rib-shears/"]
)
def test_pages_served_from_the_page_cache_carry_no_banner(
    client, world, settings, path
):
    settings.PAGE_CACHE_SECONDS = 300
    first, second = client.get(path), client.get(path)
    assert second["X-Page-Cache"] == "hit"
    for response in (first, second):
        assert BANNER not in response.content.decode()


@pytest.mark.parametrize("kind", ["section", "artifact"])
def test_a_curator_previewing_a_draft_sees_the_banner_and_visitors_never_do(
    client, world, settings, django_user_model, kind
):
    settings.PAGE_CACHE_SECONDS = 300
    record = world["secret"][Status.DRAFT][3 if kind == "section" else 1]
    curator = django_user_model.objects.create_user(
        "previewer", password="x-long-password-1"
    )
    curator.user_permissions.add(Permission.objects.get(codename=f"change_{kind}"))
    client.force_login(curator)
    previewed = client.get(record.get_absolute_url())
    assert previewed.status_code == 200
    assert BANNER in previewed.content.decode()
    client.logout()
    client.cookies.clear()
    assert client.get(record.get_absolute_url()).status_code == 404
    # A published section, seen by the same curator, has no banner either.
    client.force_login(curator)
    assert BANNER not in client.get("/exhibitions/friends/rescue/").content.decode()


def test_home_shows_title_sections_in_order_and_featured_people(client, world):
    html = client.get("/").content.decode()
    assert "International Friends" in html
    assert html.index("Reporting") < html.index("Rescue: Medical Aid")
    assert "Norman Bethune" in html


def test_section_lists_items_in_curators_order_with_people_and_neighbours(
    client, world
):
    html = client.get("/exhibitions/friends/rescue/").content.decode()
    assert html.index("Bethune operating") < html.index("Rib shears")
    assert "/people/norman-bethune/" in html
    assert 'rel="prev"' in html and "/exhibitions/friends/reporting/" in html


@pytest.mark.parametrize(
    "query, shown, hidden",
    [
        ("section=reporting", ["Red Star Over China"], ["Rib shears"]),
        ("type=instrument", ["Rib shears"], ["Red Star Over China"]),
        ("person=edgar-snow", ["Red Star Over China"], ["Rib shears"]),
        ("nationality=CA", ["Rib shears"], ["Red Star Over China"]),
        ("role=physician", ["Rib shears"], ["Red Star Over China"]),
        ("decade=1930", ["Rib shears", "Red Star Over China"], []),
        ("year_min=1938", ["Rib shears"], ["Red Star Over China"]),
        ("year_max=1937", ["Red Star Over China"], ["Rib shears"]),
        ("has_image=true", ["Rib shears"], ["Red Star Over China"]),
        (
            "section=rescue&section=reporting&type=publication",
            ["Red Star Over China"],
            ["Rib shears"],
        ),
        (
            "section=rescue&role=physician&decade=1930",
            ["Rib shears"],
            ["Red Star Over China"],
        ),
    ],
)
def test_collection_filters(client, world, query, shown, hidden):
    html = client.get(f"/collection/?{query}").content.decode()
    results = html.split('id="results-heading"')[1]
    for title in shown:
        assert title in results
    for title in hidden:
        assert title not in results


def test_collection_shows_counts_per_facet_value_and_removable_chips(client, world):
    html = client.get("/collection/?section=rescue").content.decode()
    facet = re.search(
        r'value="rescue" checked> <span>Rescue: Medical Aid</span> '
        r'<span class="count">(\d+)</span>',
        html,
    )
    assert facet and facet.group(1) == "1"
    # The chip names the filter and links to the same view without it.
    chip = re.search(
        r'<a class="chip" href="([^"]*)">Section: Rescue: Medical Aid', html
    )
    assert chip and "rescue" not in chip.group(1)


def test_collection_facet_counts_ignore_unpublished_people(client, world):
    html = client.get("/collection/").content.decode()
    assert "Secret person" not in html
    assert 'value="GB"' not in html  # only unpublished people are British


def test_collection_sorts_by_title_and_date(client, world):
    by_title = client.get("/collection/?sort=title").content.decode()
    assert by_title.index("Red Star Over China") < by_title.index("Rib shears")
    by_date = client.get("/collection/?sort=date").content.decode()
    assert by_date.index("Red Star Over China") < by_date.index("Rib shears")


def test_collection_refuses_malformed_filters_with_400(client, world):
    response = client.get("/collection/?section=nowhere&year_min=abc")
    assert response.status_code == 400
    assert "not understood" in response.content.decode()


def test_collection_pagination_handles_wild_page_numbers(client, world):
    for page in ("999999", "-1", "abc"):
        assert client.get(f"/collection/?page={page}").status_code == 200


@pytest.mark.parametrize(
    "query, expected",
    [
        ("白求恩", "Bethune operating"),
        ("医疗", "Rib shears"),
        ("肋", "Rib shears"),
        ("rib", "Rib shears"),
        ("斯诺", "Edgar Snow"),
    ],
)
def test_search_finds_records_in_both_languages(client, world, query, expected):
    html = client.get("/search/", {"q": query}).content.decode()
    assert expected in re.sub(r"</?mark>", "", html)  # the matched words are marked


def test_search_in_chinese_under_the_language_prefix(client, world):
    html = client.get("/zh-hans/search/", {"q": "白求恩"}).content.decode()
    assert "<mark>白求恩</mark>在手术" in html
    assert '<html lang="zh-hans">' in html


def test_timeline_links_dated_records_and_their_people(client, world):
    html = client.get("/exhibitions/friends/timeline/").content.decode()
    assert 'id="year-1937"' in html and "/artifacts/red-star/" in html
    assert 'href="/people/norman-bethune/">Norman Bethune</a>' in html


def test_person_page_lists_their_published_records(client, world):
    html = client.get("/people/norman-bethune/").content.decode()
    assert "Rib shears" in html and "Bethune operating" in html
    assert "Secret" not in html


def test_people_filter_by_nationality_and_role(client, world):
    html = client.get("/people/?nationality=CA").content.decode()
    assert "Norman Bethune" in html and "Edgar Snow" not in html
    html = client.get("/people/?role=physician").content.decode()
    assert "Norman Bethune" in html and "Edgar Snow" not in html


def test_pages_declare_language_and_alternates(client, world):
    html = client.get("/zh-hans/artifacts/rib-shears/").content.decode()
    assert '<html lang="zh-hans">' in html
    assert 'hreflang="en" href="http://testserver/artifacts/rib-shears/"' in html
    assert (
        'hreflang="zh-hans" href="http://testserver/zh-hans/artifacts/rib-shears/"'
        in html
    )
    assert "肋骨剪" in html


@pytest.mark.parametrize("short_name", ["", "HM"])
def test_no_page_title_names_the_museum_twice(client, world, short_name):
    from exhibition.models import Museum

    Museum.objects.create(
        name_en="Harbour Museum", name_zh_hans="海港博物馆", short_name_en=short_name
    )
    pages = [*(p for p in LOCALISED_PAGES if "sitemap" not in p), "/no-such-page/"]
    for path in pages:
        html = client.get(path).content.decode()
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
        name = "海港博物馆" if path.startswith("/zh-hans") else "Harbour Museum"
        assert title.count(name) + title.count(" · HM") <= 1, (path, title)
        if path.rstrip("/") in ("", "/zh-hans"):
            assert title == name, (path, title)  # the home page: the name alone
        else:
            assert title.endswith(f" · {short_name or name}"), (path, title)


def test_language_switch_keeps_the_visitor_on_the_same_record(client, world):
    html = client.get("/artifacts/rib-shears/").content.decode()
    assert 'class="language-switch" href="/zh-hans/artifacts/rib-shears/"' in html
    html = client.get("/zh-hans/artifacts/rib-shears/").content.decode()
    assert 'class="language-switch" href="/artifacts/rib-shears/"' in html


def test_chinese_falls_back_to_english_where_a_translation_is_missing(client, world):
    make_artifact(slug="untranslated", title_en="Only in English", title_zh_hans="")
    assert (
        "Only in English"
        in client.get("/zh-hans/artifacts/untranslated/").content.decode()
    )


def test_detail_pages_carry_json_ld_and_open_graph(client, world):
    html = client.get("/artifacts/rib-shears/").content.decode()
    assert '<script type="application/ld+json">' in html and '"VisualArtwork"' in html
    assert 'property="og:image"' in html
    assert '"Person"' in client.get("/people/norman-bethune/").content.decode()
    assert (
        '"Photograph"' in client.get("/photographs/bethune-operating/").content.decode()
    )
    assert '"ExhibitionEvent"' in client.get("/").content.decode()


def test_images_are_responsive_renditions_not_originals(client, world):
    html = client.get("/collection/").content.decode()
    # The test images are 64 px wide, so their one rendition is 64 px.
    assert 'type="image/webp"' in html and ".webp 64w" in html and ".jpg 64w" in html
    assert re.search(r'<img [^>]*width="\d+" height="\d+"', html)
    original = world["shears"].images.first().image.url
    assert original not in html


def test_sitemap_lists_every_published_page_in_both_languages(client, world):
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-artifacts.xml" in index
    xml = "".join(
        client.get(f"/sitemap-{name}.xml").content.decode()
        for name in ("pages", "exhibitions", "artifacts", "photographs", "people")
    )
    assert "http://testserver/artifacts/rib-shears/" in xml
    assert "http://testserver/zh-hans/artifacts/rib-shears/" in xml
    assert 'hreflang="zh-hans"' in xml
    assert "/exhibitions/friends/rescue/" in xml and "/people/edgar-snow/" in xml


def test_robots_points_to_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_robots_and_the_sitemap_point_other_systems_to_iiif_oai_and_the_api(
    client, world
):
    robots = client.get("/robots.txt").content.decode()
    sitemap = client.get("/sitemap-sharing.xml").content.decode()
    for address in (
        "http://testserver/iiif/collection",
        "http://testserver/oai",
        "http://testserver/api/v1/docs/",
    ):
        assert address in robots
        if "/api/" not in address:  # a tool's page: robots.txt only
            assert f"<loc>{address}</loc>" in sitemap
        assert client.get(address.removeprefix("http://testserver")).status_code == 200


def test_a_record_page_links_its_data_for_machines(client, world):
    artifact = world["shears"]
    html = client.get(artifact.get_absolute_url()).content.decode()
    api = f'href="/api/v1/artifacts/{artifact.slug}/"'
    assert f'<link rel="alternate" type="application/json" {api}>' in html
    assert client.get(f"/api/v1/artifacts/{artifact.slug}/").status_code == 200
    assert f"/iiif/artifacts/{artifact.slug}/manifest" in html
    # ... and its OAI-PMH record, which a harvester can fetch as it is linked.
    snow = world["snow"]
    for record, name in ((artifact, artifact.title_en), (snow, snow.name_en)):
        page = client.get(record.get_absolute_url()).content.decode()
        found = re.search(r'<link rel="alternate" type="text/xml" title="OAI-PMH" '
                          r'href="([^"]+)">', page)  # fmt: skip
        assert found, record
        answer = client.get(unescape(found.group(1))).content.decode()
        assert "<GetRecord>" in answer and name in answer


def test_unknown_pages_get_the_designed_404(client, world):
    response = client.get("/zh-hans/no-such-page/")
    assert response.status_code == 404
    assert "site-header" in response.content.decode()


def make_many(world, count):
    """More of everything a page shows: records with images, people, placements
    and citations, and more citations on the sections themselves."""
    for n in range(count):
        artifact = make_artifact(year_from=1938, year_to=1939)
        artifact.people.add(world["bethune"])
        photograph = make_photograph(year_from=1940, year_to=1940)
        photograph.people.add(world["snow"])
        hang(world["rescue"], artifact, 100 + n)
        hang(world["rescue"], photograph, 100 + n)
        person = make_person(nationalities="US")
        person.artifacts.add(artifact)
        for record in (artifact, photograph, person):
            cite(record)
        if n % 20 == 0:
            for record in (world["rescue"], world["exhibition"], world["shears"]):
                cite(record)


QUERY_PAGES = [
    "/sitemap-artifacts.xml",
    "/",
    "/exhibitions/friends/rescue/",
    "/collection/",
    "/collection/?kind=photographs",
    "/collection/?section=rescue&role=physician&decade=1930",
    "/artifacts/rib-shears/",
    "/photographs/bethune-operating/",
    "/people/",
    "/people/norman-bethune/",
    "/exhibitions/",
    "/exhibitions/friends/",
    "/exhibitions/friends/timeline/",
    "/search/?q=Artifact",
    "/search/?q=白求恩",
    "/sitemap.xml",
]


@pytest.fixture(scope="module")
def page_queries(django_db_setup, django_db_blocker):
    """The SQL of each of QUERY_PAGES with the world and five more of everything,
    then with 200 more: the records with images are made once for the module, not
    once per page (about 15 s each)."""
    with built_once(django_db_blocker):
        world = build_world()
        client = Client()
        make_many(world, 5)
        small = steady_queries(client, QUERY_PAGES)
        make_many(world, 195)
        large = steady_queries(client, QUERY_PAGES)
    return small, large


@pytest.mark.parametrize("path", QUERY_PAGES)
def test_each_page_runs_a_fixed_number_of_queries(page_queries, path):
    small, large = (queries[path] for queries in page_queries)
    assert len(small) == len(large), (path, len(small), len(large))
    # A record's page reads its record, images, sources, people, sections, clips
    # and related records: the most of any page, the same for any collection.
    budget = 14 if path.startswith(("/artifacts/", "/photographs/", "/people/")) else 10
    assert len(large) <= budget, [sql[:120] for sql in large]


def test_people_page_counts_only_published_biographies(client, world):
    assert Person.objects.published().count() == 2
    assert "2 biographies" in client.get("/people/").content.decode()


def test_collection_sorts_in_the_curators_order(client, world):
    world["reporting"].position = 30000  # large positions must not overflow
    world["reporting"].save()
    html = client.get("/collection/?sort=curated").content.decode()
    assert html.index("Rib shears") < html.index("Red Star Over China")


def test_favicon_ico_is_answered_and_every_page_links_an_icon(client, world):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICO
    for path in ["/", "/zh-hans/people/", "/no-such-page/"]:
        assert '<link rel="icon"' in client.get(path).content.decode(), path


@pytest.mark.django_db
def test_the_year_boxes_take_any_collections_years(client):
    """No fixed span in the form: a browser refused to send 960 for a Song
    dynasty collection while the boxes said 1900 to 2000."""
    from tests.factories import make_artifact

    make_artifact(
        slug="celadon-bowl", title_en="Celadon bowl", year_from=960, year_to=1000
    )
    html = client.get("/collection/?year_min=950&year_max=1279").content.decode()
    boxes = re.findall(r'<input id="year-m(?:in|ax)"[^>]*>', html)
    assert len(boxes) == 2 and not any(" min=" in b or " max=" in b for b in boxes)
    assert "Celadon bowl" in html
