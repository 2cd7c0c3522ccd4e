"""Many exhibitions from one catalogue: a second exhibition on another subject,
century and culture renders on every page type with nothing of the first."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from catalog.models import Status
from exhibition.models import Exhibition
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
FIRST_TITLE = "International Friends and the War of Resistance"


def today():
    """The museum's date, read when a test builds its data, never at import."""
    return timezone.localdate()


@pytest.fixture
def museum():
    return build_museum()


def build_museum():
    first = make_exhibition(
        slug="friends",
        title_en=FIRST_TITLE,
        title_zh_hans="国际友人与中国抗战",
        opening_date=today() - datetime.timedelta(days=400),
        timeline_start=1931,
        timeline_end=1945,
    )
    reporting = make_section(first, slug="reporting", title_en="Reporting", position=0)
    rescue = make_section(first, slug="hoards", title_en="Rescue", position=1)
    bethune = make_person(slug="norman-bethune", name_en="Norman Bethune")
    shears = make_artifact(slug="rib-shears", title_en="Rib shears", year_from=1938)
    shears.people.add(bethune)
    hang(rescue, shears)
    hang(reporting, make_photograph(title_en="Yan'an, 1937", year_from=1937))
    feature(first, bethune)

    bronze = make_exhibition(
        slug="bronze-age-hoards",
        title_en="Bronze Age Hoards of the North Sea",
        title_zh_hans="北海青铜时代窖藏",
        kind=Exhibition.Kind.TEMPORARY,
        venue_en="Harbour Gallery",
        opening_date=today() - datetime.timedelta(days=10),
        closing_date=today() + datetime.timedelta(days=200),
        introduction_en="Swords, axes and ornaments buried around the North Sea.",
        timeline_start=-1200,
        timeline_end=-500,
        timeline_title_en="The Bronze Age, 1200–500 BCE",
    )
    # The same slug as a section of the first exhibition: unique per exhibition.
    hoards = make_section(bronze, slug="hoards", title_en="Buried Hoards", position=0)
    ritual = make_section(bronze, slug="ritual", title_en="Ritual Deposits", position=1)
    smith = make_person(
        slug="the-smith-of-wessex", name_en="The Smith of Wessex", active_from=-1100
    )
    sword = make_artifact(
        slug="flange-hilted-sword",
        title_en="Flange-hilted sword",
        title_zh_hans="凸缘柄剑",
        object_type="equipment",
        date_display_en="c. 1100 BCE",
        year_from=-1150,
        year_to=-1050,
    )
    sword.people.add(smith)
    axe = make_artifact(
        slug="socketed-axe", title_en="Socketed axe", year_from=-800, year_to=-700
    )
    lur = make_photograph(
        slug="lur-in-the-bog", title_en="A lur found in the bog", year_from=-600
    )
    hang(hoards, sword, 0)
    hang(hoards, axe, 1)
    hang(ritual, lur, 0)
    feature(bronze, smith)
    draft = make_section(
        bronze, slug="secret-draft", title_en="Secret section", status=Status.DRAFT
    )
    hang(draft, make_artifact(title_en="Secret artifact", status=Status.DRAFT))
    hidden = make_exhibition(
        slug="secret-exhibition", title_en="Secret exhibition", status=Status.DRAFT
    )
    make_section(hidden, slug="hidden", title_en="Secret hidden section")
    for record in (first, bronze, hoards, ritual, sword, axe):
        cite(record)
    upcoming = make_exhibition(
        slug="glass-of-the-levant",
        title_en="Glass of the Levant",
        opening_date=today() + datetime.timedelta(days=60),
    )
    past = make_exhibition(
        slug="clocks",
        title_en="Clocks of the Guilds",
        opening_date=today() - datetime.timedelta(days=900),
        closing_date=today() - datetime.timedelta(days=700),
    )
    return {
        "first": first,
        "bronze": bronze,
        "hoards": hoards,
        "sword": sword,
        "upcoming": upcoming,
        "past": past,
    }


BRONZE_PAGES = [
    "/exhibitions/bronze-age-hoards/",
    "/exhibitions/bronze-age-hoards/hoards/",
    "/exhibitions/bronze-age-hoards/timeline/",
    "/collection/?exhibition=bronze-age-hoards",
]


@pytest.mark.parametrize("language", ["", "/zh-hans"])
@pytest.mark.parametrize("path", BRONZE_PAGES)
def test_the_second_exhibition_shows_its_own_subject_and_nothing_of_the_first(
    client, museum, language, path
):
    response = client.get(language + path)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bronze Age Hoards of the North Sea" in html or "北海青铜时代窖藏" in html
    if path != "/exhibitions/bronze-age-hoards/":
        assert "Flange-hilted sword" in html or "凸缘柄剑" in html
    for first in (FIRST_TITLE, "国际友人", "Rib shears", "Norman Bethune", "1938"):
        assert first not in html, first
    assert "Secret" not in html


def test_its_timeline_groups_by_century_and_shows_bce_years(client, museum):
    html = client.get("/exhibitions/bronze-age-hoards/timeline/").content.decode()
    assert "The Bronze Age, 1200–500 BCE" in html
    assert "12th century BCE" in html and "8th century BCE" in html
    assert html.index("12th century BCE") < html.index("8th century BCE")
    assert "c. 1100 BCE" in html and "The Smith of Wessex" in html
    chinese = client.get(
        "/zh-hans/exhibitions/bronze-age-hoards/timeline/"
    ).content.decode()
    assert "公元前12世纪" in chinese and "公元前1200年" in chinese


def test_a_timeline_without_a_range_spans_its_records_years(client, museum):
    html = client.get("/exhibitions/friends/timeline/").content.decode()
    assert 'id="year-1938"' in html  # 1931–1945: by year
    museum["bronze"].timeline_start = None
    museum["bronze"].save()
    html = client.get("/exhibitions/bronze-age-hoards/timeline/").content.decode()
    assert "from 1150 BCE to 1945" not in html
    assert "from 1150 BCE to 500 BCE" in html


def test_exhibitions_index_lists_current_upcoming_and_past(client, museum):
    html = client.get("/exhibitions/").content.decode()
    current = html.index('id="current-heading"')
    upcoming = html.index('id="upcoming-heading"')
    past = html.index('id="past-heading"')
    assert current < html.index("Bronze Age Hoards", current) < upcoming
    assert upcoming < html.index("Glass of the Levant", current) < past
    assert past < html.index("Clocks of the Guilds", current)
    assert "Secret exhibition" not in html
    assert html.count('"ExhibitionEvent"') == 4


def test_states_come_from_dates_and_kind(museum):
    published = Exhibition.objects.published()
    assert set(published.current()) == {museum["first"], museum["bronze"]}
    assert list(published.upcoming()) == [museum["upcoming"]]
    assert list(published.past()) == [museum["past"]]
    museum["past"].kind = Exhibition.Kind.PERMANENT
    museum["past"].save()
    assert museum["past"] in published.current()
    museum["upcoming"].kind = Exhibition.Kind.ONLINE
    assert museum["upcoming"].state() == Exhibition.State.UPCOMING


def test_the_exhibition_page_shows_sections_with_counts_featured_and_timeline(
    client, museum
):
    html = client.get("/exhibitions/bronze-age-hoards/").content.decode()
    assert "Buried Hoards" in html and "2 items" in html
    assert html.index("Buried Hoards") < html.index("Ritual Deposits")
    assert "The Smith of Wessex" in html
    assert "/exhibitions/bronze-age-hoards/timeline/" in html
    assert "Harbour Gallery" in html and '"ExhibitionEvent"' in html
    # Breadcrumbs: museum home › exhibitions › this exhibition.
    section = client.get("/exhibitions/bronze-age-hoards/hoards/").content.decode()
    crumbs = section.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/"' in crumbs and "/exhibitions/bronze-age-hoards/" in crumbs


def test_a_section_slug_is_unique_only_within_its_exhibition(client, museum):
    first = client.get("/exhibitions/friends/hoards/").content.decode()
    second = client.get("/exhibitions/bronze-age-hoards/hoards/").content.decode()
    assert "Rib shears" in first and "Flange-hilted sword" not in first
    assert "Flange-hilted sword" in second and "Rib shears" not in second


def test_the_home_page_presents_current_and_coming_exhibitions(client, museum):
    html = client.get("/").content.decode()
    assert FIRST_TITLE in html and "Bronze Age Hoards of the North Sea" in html
    assert "Glass of the Levant" in html and "Clocks of the Guilds" not in html


def test_with_one_current_exhibition_the_home_page_leads_into_it(client, museum):
    museum["first"].status = Status.WITHDRAWN
    museum["first"].save()
    html = client.get("/").content.decode()
    assert "Swords, axes and ornaments" in html and "Buried Hoards" in html
    assert "The Smith of Wessex" in html and FIRST_TITLE not in html


@pytest.mark.parametrize("language", ["", "/zh-hans"])
def test_old_addresses_redirect_permanently_to_the_oldest_exhibition(
    client, museum, language
):
    response = client.get(f"{language}/sections/hoards/")
    assert response.status_code == 301
    assert response["Location"] == f"{language}/exhibitions/friends/hoards/"
    response = client.get(f"{language}/timeline/")
    assert response.status_code == 301
    assert response["Location"] == f"{language}/exhibitions/friends/timeline/"
    assert client.get(f"{language}/sections/secret-draft/").status_code == 404


def test_the_collection_filters_and_counts_by_exhibition(client, museum):
    html = client.get("/collection/?exhibition=bronze-age-hoards").content.decode()
    results = html.split('id="results-heading"')[1]
    assert "Flange-hilted sword" in results and "Rib shears" not in results
    facet = html.split('name="exhibition"')
    assert len(facet) > 1
    assert 'value="bronze-age-hoards" checked> <span>Bronze Age Hoards' in html
    assert (
        '<span>Bronze Age Hoards of the North Sea</span> <span class="count">2</span>'
        in html
    )
    # Only the chosen exhibition's sections, though slugs repeat.
    assert "Buried Hoards" in html and ">Rescue<" not in html
    everything = client.get("/collection/").content.decode()
    assert f'<span>{FIRST_TITLE}</span> <span class="count">1</span>' in everything


def test_a_section_slug_two_exhibitions_share_is_one_choice_counted_once(
    client, museum
):
    """With no exhibition chosen, both exhibitions' "hoards" sections are one value
    (the filter takes the slug): not two boxes that tick as one, and a record hung
    in both counted once."""
    hang(museum["first"].sections.get(slug="hoards"), museum["sword"], 5)
    html = client.get("/collection/").content.decode()
    boxes = re.findall(r'name="section" value="hoards"', html)
    assert len(boxes) == 1
    # Rib shears, the sword (in both) and the axe.
    counted = re.search(
        r'name="section" value="hoards"[^>]*> <span>[^<]+</span> '
        r'<span class="count">(\d+)</span>',
        html,
    )
    assert counted and counted.group(1) == "3"
    chosen = client.get("/collection/?section=hoards").content.decode()
    results = chosen.split('id="results-heading"')[1]
    assert "Rib shears" in results and "Socketed axe" in results


def test_a_record_page_lists_every_exhibition_and_section_it_hangs_in(client, museum):
    rescue = museum["first"].sections.get(slug="hoards")
    hang(rescue, museum["sword"], 5)
    html = client.get("/artifacts/flange-hilted-sword/").content.decode()
    listed = html.split("In the exhibitions")[1].split("</dd>")[0]
    assert "Bronze Age Hoards of the North Sea" in listed and FIRST_TITLE in listed
    assert "/exhibitions/bronze-age-hoards/hoards/" in listed
    assert "/exhibitions/friends/hoards/" in listed


def test_visitors_never_see_a_draft_exhibition_or_section(client, museum):
    for path in [
        "/exhibitions/secret-exhibition/",
        "/exhibitions/secret-exhibition/timeline/",
        "/exhibitions/secret-exhibition/hidden/",
        "/exhibitions/bronze-age-hoards/secret-draft/",
        "/collection/?exhibition=secret-exhibition",
    ]:
        assert client.get(path).status_code in (400, 404), path
    for path in ["/", "/exhibitions/", "/sitemap-exhibitions.xml", "/collection/"]:
        assert "secret" not in client.get(path).content.decode().lower(), path


def grow(museum, count):
    for n in range(count):
        artifact = make_artifact(year_from=-900 + n, year_to=-900 + n)
        artifact.people.add(make_person(active_from=-1000 + n))
        hang(museum["hoards"], artifact, 100 + n)
        cite(artifact)
        exhibition = make_exhibition(opening_date=today())
        make_section(exhibition)
        feature(museum["bronze"], make_person(), 10 + n)


QUERY_PAGES = [
    "/",
    "/exhibitions/",
    "/exhibitions/bronze-age-hoards/",
    "/exhibitions/bronze-age-hoards/hoards/",
    "/exhibitions/bronze-age-hoards/timeline/",
    "/collection/?exhibition=bronze-age-hoards",
    "/artifacts/flange-hilted-sword/",
    "/sitemap-exhibitions.xml",
    "/sitemap.xml",
]


@pytest.fixture(scope="module")
def page_queries(django_db_setup, django_db_blocker):
    """The SQL of each of QUERY_PAGES in the museum grown by three, then by 33: grown
    once for the module, not once per page."""
    with built_once(django_db_blocker):
        museum = build_museum()
        client = Client()
        grow(museum, 3)
        small = steady_queries(client, QUERY_PAGES)
        grow(museum, 30)
        large = steady_queries(client, QUERY_PAGES)
    return small, large


@pytest.mark.parametrize("path", QUERY_PAGES)
def test_new_pages_run_a_fixed_number_of_queries(page_queries, path):
    small, large = (queries[path] for queries in page_queries)
    assert len(small) == len(large), (path, len(small), len(large))
    # A record page reads its record, images, sources, people, sections, clips and
    # related records: the most of any page, and the same for any collection.
    assert len(large) <= 14, [sql[:120] for sql in large]


@pytest.mark.parametrize(
    ("language", "title", "separator"),
    [("", "A Long Study of Experts", "; "), ("/zh-hans", "专家群体的长篇研究", "；")],
)
def test_an_exhibition_lists_each_source_once_with_its_distinct_locators(
    client, language, title, separator
):
    from tests.factories import make_source

    exhibition = make_exhibition(slug="experts")
    paper = make_source(title_en="A Long Study of Experts", title_zh_hans=title)
    news = make_source(title_en="A News Report", publisher="Daily Wire")
    for source, locator in [
        (paper, "§1.1, para 1"),
        (paper, "§1.2, para 2"),
        (news, "para 4"),
        (paper, "§1.1, para 1"),  # cited twice at the same place
        (paper, "§2.1, para 3"),
    ]:
        cite(exhibition, source, locator)
    html = client.get(f"{language}/exhibitions/experts/").content.decode()
    sources = html.split('id="sources-heading"')[1].split("</section>")[0]
    items = [
        re.sub(r"<[^>]+>|\s+", " ", item).strip()
        for item in re.findall(r"<li>(.*?)</li>", sources, re.S)
    ]
    assert items == [
        f"{title}, " + separator.join(["§1.1, para 1", "§1.2, para 2", "§2.1, para 3"]),
        "A News Report, para 4 (Daily Wire)",
    ]


@pytest.mark.parametrize(
    ("language", "shown", "hidden"),
    [("", "Gallery 3", "第三展厅"), ("/zh-hans", "第三展厅", "Gallery 3")],
)
def test_an_exhibition_s_galleries_are_in_the_visitor_s_language(
    client, language, shown, hidden
):
    make_exhibition(
        slug="tides", galleries_en="Gallery 3", galleries_zh_hans="第三展厅"
    )
    html = client.get(f"{language}/exhibitions/tides/").content.decode()
    facts = html.split('class="facts"')[1].split("</dl>")[0]
    assert shown in facts and hidden not in facts
