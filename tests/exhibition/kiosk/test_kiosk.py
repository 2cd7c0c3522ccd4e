"""Kiosks: profiles, their screens, offline copy, version and loading (the heartbeat
is in test_heartbeat.py)."""

import json
import re
import shutil
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.models import Artifact, Status
from exhibition.demo.loader import ContentError, load_exhibition, read_content
from exhibition.kiosk.content import KioskContent
from exhibition.models import Exhibition, Kiosk, KioskItem
from tests.factories import (
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)
from tests.worlds import built_once

pytestmark = pytest.mark.django_db
HIDDEN = [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]
SAMPLE = Path(__file__).resolve().parents[1] / "demo" / "sample_content"


def make_kiosk(*sections, **fields):
    defaults = {
        "slug": "hall",
        "name_en": "Hall kiosk",
        "name_zh_hans": "大厅触摸屏",
        "location": "S9",
    }
    if "exhibition" not in fields:
        fields["exhibition"] = (
            sections[0].exhibition
            if sections
            else Exhibition.objects.order_by("pk").first() or make_exhibition()
        )
    kiosk = Kiosk.objects.create(**{**defaults, **fields})
    kiosk.sections.set(sections)
    return kiosk


@pytest.fixture
def world():
    return build_world()


def build_world():
    exhibition = make_exhibition(
        title_en="International Friends", title_zh_hans="国际友人"
    )
    rescue = make_section(
        exhibition, slug="rescue", title_en="Rescue", title_zh_hans="救护", position=1
    )
    support = make_section(
        exhibition, slug="support", title_en="Support", title_zh_hans="援助", position=2
    )
    elsewhere = make_section(exhibition, slug="reporting", title_en="Reporting")
    bethune = make_person(
        slug="norman-bethune", name_en="Norman Bethune", name_zh_hans="白求恩"
    )
    snow = make_person(slug="edgar-snow", name_en="Edgar Snow")
    shears = make_artifact(
        slug="rib-shears",
        title_en="Rib shears",
        title_zh_hans="肋骨剪",
        description_en="A surgical instrument.",
        date_display_en="1938",
    )
    shears.people.add(bethune)
    photo = make_photograph(
        slug="bethune-operating",
        title_en="Bethune operating",
        title_zh_hans="白求恩在手术",
        caption_en="In a temple.",
    )
    photo.people.add(bethune)
    truck = make_artifact(
        slug="ambulance", title_en="Ambulance", title_zh_hans="救护车"
    )
    book = make_artifact(slug="red-star", title_en="Red Star Over China")
    book.people.add(snow, bethune)
    hang(rescue, shears, 2)
    hang(rescue, photo, 1)
    hang(support, truck, 1)
    hang(support, shears, 5)  # in both of the kiosk's sections: shown once
    hang(elsewhere, book, 1)  # published, but not on this kiosk
    hidden_sections = []
    for status in HIDDEN:
        person = make_person(
            slug=f"secret-person-{status}",
            name_en=f"Secret person {status}",
            status=status,
        )
        shears.people.add(person)
        artifact = make_artifact(
            slug=f"secret-artifact-{status}",
            title_en=f"Secret artifact {status}",
            status=status,
        )
        artifact.people.add(bethune)
        photograph = make_photograph(
            slug=f"secret-photo-{status}",
            title_en=f"Secret photo {status}",
            status=status,
        )
        hang(rescue, artifact, 10)
        hang(rescue, photograph, 11)
        section = make_section(
            exhibition,
            slug=f"secret-section-{status}",
            title_en=f"Secret section {status}",
            status=status,
        )
        only_there = make_artifact(
            slug=f"in-secret-section-{status}", title_en=f"Secret placement {status}"
        )
        hang(section, only_there)
        hidden_sections.append(section)
    kiosk = make_kiosk(rescue, support, *hidden_sections)
    return {
        "kiosk": kiosk,
        "rescue": rescue,
        "support": support,
        "bethune": bethune,
        "snow": snow,
        "shears": shears,
        "photo": photo,
        "truck": truck,
        "book": book,
    }


LEAKS = ("Secret", "secret-", "Red Star", "red-star", "edgar-snow", "Edgar Snow")


def kiosk_pages(kiosk):
    content = KioskContent(kiosk)
    return content.pages()


def heartbeat(client, kiosk, body):
    """A heartbeat as the screen sends it, with its device key (see test_heartbeat)."""
    return client.post(
        f"/kiosk/{kiosk.slug}/heartbeat",
        json.dumps(body),
        content_type="application/json",
        headers={"X-Kiosk-Key": kiosk.rotate_device_key()},
    )


class Attributes(HTMLParser):
    """Every tag and attribute of a page, to check where it can lead."""

    def __init__(self):
        super().__init__()
        self.tags = []
        self.inline_scripts = 0
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts += 1


def parse(html):
    parser = Attributes()
    parser.feed(html)
    return parser


# -- the profile ------------------------------------------------------------------


def test_a_kiosk_has_sensible_defaults_and_offers_its_default_language_first():
    kiosk = make_kiosk(default_language="zh-hans")
    assert kiosk.idle_timeout == 90
    assert kiosk.orientation == "portrait" and kiosk.screen == (1080, 1920)
    assert kiosk.languages == ["zh-hans", "en"]
    assert kiosk.get_absolute_url() == "/kiosk/hall/"
    kiosk.language_switch = False
    assert kiosk.languages == ["zh-hans"]
    kiosk.orientation = "landscape"
    assert kiosk.screen == (1920, 1080)


def test_a_kiosk_not_heard_from_for_five_minutes_is_offline():
    now = timezone.now()
    quiet = make_kiosk(slug="quiet", last_seen=now - timedelta(minutes=6))
    alive = make_kiosk(slug="alive", last_seen=now - timedelta(minutes=1))
    never = make_kiosk(slug="never")
    make_kiosk(slug="retired", active=False)
    assert set(Kiosk.objects.offline()) == {quiet, never}
    assert list(Kiosk.objects.online()) == [alive]
    assert quiet.is_offline() and not alive.is_offline()


def test_the_playlist_holds_artifacts_or_photographs_once_each():
    from django.db import IntegrityError, transaction

    kiosk = make_kiosk()
    artifact = make_artifact()
    KioskItem.objects.create(kiosk=kiosk, artifact=artifact)
    with pytest.raises(IntegrityError), transaction.atomic():
        KioskItem.objects.create(kiosk=kiosk, artifact=artifact)
    with pytest.raises(IntegrityError), transaction.atomic():
        KioskItem.objects.create(kiosk=kiosk)


# -- the screens ------------------------------------------------------------------


def test_home_shows_the_sections_items_in_hanging_order_and_an_attract_loop(
    client, world
):
    response = client.get("/kiosk/hall/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert html.index("Rescue") < html.index("Support")
    assert html.index("Bethune operating") < html.index("Rib shears")
    assert html.index("Rib shears") < html.index("Ambulance")
    assert html.count('href="/kiosk/hall/en/artifacts/rib-shears/"') == 1
    assert 'class="attract"' in html and "Touch to explore" in html
    assert "/kiosk/hall/en/people/norman-bethune/" in html
    assert response["Content-Language"] == "en"


def test_the_default_language_and_the_other_one_render_from_modeltranslation(
    client, world
):
    kiosk = world["kiosk"]
    kiosk.default_language = "zh-hans"
    kiosk.save()
    html = client.get("/kiosk/hall/").content.decode()
    assert '<html lang="zh-hans"' in html and "肋骨剪" in html and "救护" in html
    assert 'href="/kiosk/hall/en/#explore"' in html and ">English</a>" in html
    html = client.get("/kiosk/hall/en/").content.decode()
    assert "Rib shears" in html and 'href="/kiosk/hall/zh-hans/#explore"' in html
    # No translation: the fallback language, as on the public site.
    assert "Ambulance" in html
    assert "救护车" in client.get("/kiosk/hall/zh-hans/").content.decode()


def test_without_the_language_switch_only_the_default_language_exists(client, world):
    kiosk = world["kiosk"]
    kiosk.language_switch = False
    kiosk.save()
    html = client.get("/kiosk/hall/").content.decode()
    assert "language-switch" not in html
    assert client.get("/kiosk/hall/zh-hans/").status_code == 404
    assert not any("/zh-hans/" in url for url in kiosk_pages(kiosk))


@pytest.mark.parametrize(
    "path",
    [
        "/kiosk/{slug}/",
        "/kiosk/{slug}/en/",
        "/kiosk/{slug}/en/artifacts/rib-shears/",
        "/kiosk/{slug}/version.json",
        "/kiosk/{slug}/precache.json",
        "/kiosk/{slug}/sw.js",
    ],
)
def test_an_unknown_or_inactive_kiosk_is_not_found(client, world, path):
    make_kiosk(world["rescue"], slug="retired", active=False)
    assert client.get(path.format(slug="nowhere")).status_code == 404
    assert client.get(path.format(slug="retired")).status_code == 404
    assert client.get(path.format(slug="hall")).status_code == 200


def test_an_item_page_shows_its_images_text_people_and_neighbours(client, world):
    html = client.get("/kiosk/hall/en/artifacts/rib-shears/").content.decode()
    assert "<h1" in html and "Rib shears" in html and "A surgical instrument." in html
    assert "data-viewer-open" in html and "/media/renditions/" in html
    assert 'href="/kiosk/hall/en/people/norman-bethune/"' in html
    assert 'rel="prev" data-previous' in html
    assert 'href="/kiosk/hall/en/photographs/bethune-operating/" rel="prev"' in html
    assert 'href="/kiosk/hall/en/artifacts/ambulance/" rel="next"' in html
    assert "2 / 3" in html
    photo = client.get("/kiosk/hall/zh-hans/photographs/bethune-operating/")
    assert "白求恩在手术" in photo.content.decode()


def test_an_item_or_person_not_on_this_kiosk_is_not_found(client, world):
    assert client.get("/kiosk/hall/en/artifacts/red-star/").status_code == 404
    assert client.get("/kiosk/hall/en/photographs/rib-shears/").status_code == 404
    assert client.get("/kiosk/hall/en/people/edgar-snow/").status_code == 404
    assert client.get("/kiosk/hall/en/people/secret-person-draft/").status_code == 404


def test_a_persons_page_leads_only_to_their_items_on_this_kiosk(client, world):
    html = client.get("/kiosk/hall/en/people/norman-bethune/").content.decode()
    assert "Norman Bethune" in html
    assert "/kiosk/hall/en/artifacts/rib-shears/" in html
    assert "/kiosk/hall/en/photographs/bethune-operating/" in html
    assert "red-star" not in html and "Ambulance" not in html


def test_a_playlist_replaces_the_sections_in_its_own_order(client, world):
    kiosk = world["kiosk"]
    KioskItem.objects.create(kiosk=kiosk, artifact=world["book"], position=2)
    KioskItem.objects.create(kiosk=kiosk, photograph=world["photo"], position=1)
    KioskItem.objects.create(
        kiosk=kiosk,
        artifact=Artifact.objects.get(slug="secret-artifact-draft"),
        position=0,
    )
    html = client.get("/kiosk/hall/").content.decode()
    assert html.index("Bethune operating") < html.index("Red Star Over China")
    assert "Rib shears" not in html and "Secret" not in html
    assert "Highlights" in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_no_unpublished_or_foreign_record_appears_anywhere_on_the_kiosk(
    client, world, language
):
    pages = [url for url in kiosk_pages(world["kiosk"]) if f"/{language}/" in url]
    pages += ["/kiosk/hall/", "/kiosk/hall/version.json", "/kiosk/hall/precache.json"]
    assert len(pages) == 8  # home, 3 items, 1 person, the bare home and two lists
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        for leak in LEAKS:
            assert leak not in text, (url, leak)


def test_the_precache_list_holds_every_page_image_and_asset_of_the_kiosk(client, world):
    # Imported here: a storage object at module level is set up during collection,
    # before the test settings swap the static files storage.
    from django.core.files.storage import default_storage

    data = client.get("/kiosk/hall/precache.json").json()
    assert data["version"] == client.get("/kiosk/hall/version.json").json()["version"]
    assert "/kiosk/hall/" in data["pages"] and "/kiosk/hall/zh-hans/" in data["pages"]
    assert "/kiosk/hall/zh-hans/people/norman-bethune/" in data["pages"]
    assert len(data["pages"]) == 1 + 2 * (1 + 3 + 1)
    assert data["assets"] == [
        "/static/kiosk/kiosk.css",
        "/static/kiosk/kiosk.js",
        "/static/kiosk/icon.svg",
    ]
    for url in data["images"]:
        assert url.startswith("/media/renditions/")
        assert default_storage.exists(url.removeprefix("/media/"))
    pages = "".join(client.get(url).content.decode() for url in data["pages"])
    used = set(re.findall(r'src="(/media/[^"]+)"', pages))
    assert used <= set(data["images"]), used - set(data["images"])


def test_every_link_stays_inside_the_kiosk_and_nothing_runs_inline(client, world):
    for url in kiosk_pages(world["kiosk"]):
        page = parse(client.get(url).content.decode())
        assert page.inline_scripts == 0, url
        for tag, attrs in page.tags:
            assert "style" not in attrs, (url, tag)
            assert not any(name.startswith("on") for name in attrs), (url, tag)
            if tag == "a":
                href = attrs.get("href", "")
                assert href.startswith(("/kiosk/hall/", "#")), (url, href)
            if tag == "form":
                pytest.fail(f"{url}: a form could leave the kiosk")
            if tag in ("link", "script"):
                source = attrs.get("href") or attrs.get("src") or ""
                assert source.startswith("/static/kiosk/"), (url, source)
            if tag == "img" and "src" in attrs:
                assert attrs["src"].startswith("/media/renditions/"), (url, attrs)
            for value in attrs.values():
                assert "://" not in (value or ""), (url, tag, value)


def test_pages_carry_their_configuration_in_a_data_attribute(client, world):
    html = client.get("/kiosk/hall/en/people/norman-bethune/").content.decode()
    raw = re.search(r'data-kiosk="([^"]+)"', html).group(1)
    config = json.loads(raw.replace("&quot;", '"'))
    assert config["home"] == "/kiosk/hall/"
    assert config["serviceWorker"] == "/kiosk/hall/sw.js"
    assert config["idleSeconds"] == 90 and config["defaultLanguage"] == "en"
    assert config["version"] == KioskContent(world["kiosk"]).version


def test_the_shared_page_cache_never_hides_a_new_version(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/kiosk/hall/version.json").json()["version"]
    assert (
        heartbeat(client, world["kiosk"], {"version": first, "uptime": 1}).status_code
        == 204
    )
    assert client.get("/kiosk/hall/version.json")["X-Page-Cache"] == "hit"
    shears = world["shears"]
    shears.title_en = "Rib shears, revised"
    with django_capture_on_commit_callbacks(execute=True):
        shears.save()  # the page cache moves on once the change is committed
    assert client.get("/kiosk/hall/version.json").json()["version"] != first
    assert "Rib shears, revised" in client.get("/kiosk/hall/").content.decode()


# -- version -----------------------------------------------------------------------


def version(client):
    response = client.get("/kiosk/hall/version.json")
    assert "no-store" in response["Cache-Control"]
    return response.json()["version"]


def test_the_version_changes_when_curators_publish_edit_or_withdraw(client, world):
    first = version(client)
    assert re.fullmatch(r"[0-9a-f]{20}", first)
    assert version(client) == first

    secret = Artifact.objects.get(slug="secret-artifact-draft")
    Artifact.objects.filter(pk=secret.pk).update(status=Status.PUBLISHED)
    published = version(client)
    assert published != first

    shears = world["shears"]
    shears.title_zh_hans = "肋骨剪（修订）"
    shears.save()
    edited = version(client)
    assert edited != published

    Artifact.objects.filter(pk=shears.pk).update(status=Status.WITHDRAWN)
    assert version(client) not in (first, published, edited)


def test_the_version_changes_with_the_profile_and_order_but_not_a_heartbeat(
    client, world
):
    first = version(client)
    assert (
        heartbeat(client, world["kiosk"], {"version": first, "uptime": 5}).status_code
        == 204
    )
    assert version(client) == first
    item = world["rescue"].items.get(photograph=world["photo"])
    item.position = 99
    item.save()
    reordered = version(client)
    assert reordered != first
    kiosk = world["kiosk"]
    kiosk.attract_count = 3
    kiosk.save()
    assert version(client) != reordered


def test_the_version_ignores_unpublished_changes(client, world):
    first = version(client)
    secret = Artifact.objects.get(slug="secret-artifact-review")
    secret.title_en = "Still secret"
    secret.save()
    assert version(client) == first


# -- service worker ----------------------------------------------------------------


def test_the_service_worker_is_served_inside_the_kiosk_uncached(client, world):
    response = client.get("/kiosk/hall/sw.js")
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    body = response.content.decode()
    assert "precache.json" in body and 'addEventListener("fetch"' in body


# -- query counts ------------------------------------------------------------------


def add_items(world, count):
    for n in range(count):
        artifact = make_artifact(title_en=f"Extra {n}")
        artifact.people.add(world["bethune"], make_person())
        photograph = make_photograph()
        photograph.people.add(world["bethune"])
        hang(world["rescue"], artifact, 100 + n)
        hang(world["support"], photograph, 100 + n)


KIOSK_PAGES = [
    "/kiosk/hall/",
    "/kiosk/hall/zh-hans/",
    "/kiosk/hall/en/artifacts/rib-shears/",
    "/kiosk/hall/en/photographs/bethune-operating/",
    "/kiosk/hall/en/people/norman-bethune/",
    "/kiosk/hall/version.json",
    "/kiosk/hall/precache.json",
]


@pytest.fixture(scope="module")
def page_queries(django_db_setup, django_db_blocker):
    """The SQL of each of KIOSK_PAGES with three more items shown, then with 43: the
    records are made once for the module, not once per page."""
    small, large = {}, {}
    with built_once(django_db_blocker):
        world = build_world()
        client = Client()
        for count, queries in ((3, small), (40, large)):
            add_items(world, count)
            for path in KIOSK_PAGES:
                client.get(path)  # renditions are made on first view
                with CaptureQueriesContext(connection) as captured:
                    client.get(path)
                queries[path] = [query["sql"] for query in captured.captured_queries]
    return small, large


@pytest.mark.parametrize("path", KIOSK_PAGES)
def test_each_kiosk_page_runs_a_fixed_number_of_queries(page_queries, path):
    small, large = (queries[path] for queries in page_queries)
    assert len(small) == len(large), (path, len(small), len(large))
    # 13: one of them reads the clips of every record, person and section shown.
    assert len(large) <= 13, [sql[:100] for sql in large]


# -- the curators' admin ---------------------------------------------------------


def test_the_admin_flags_offline_kiosks_and_out_of_date_content(curator_client, world):
    now = timezone.now()
    current = KioskContent(world["kiosk"]).version
    Kiosk.objects.filter(slug="hall").update(
        last_seen=now - timedelta(minutes=10), reported_version="0" * 20
    )
    fresh = make_kiosk(world["support"], slug="fresh", name_en="Fresh kiosk")
    Kiosk.objects.filter(slug="fresh").update(
        last_seen=now, reported_version=KioskContent(fresh).version
    )
    html = curator_client.get("/admin/exhibition/kiosk/").content.decode()
    assert "⚠ offline" in html and "✓ online" in html
    assert "out of date" in html and current[:8] in html
    offline = curator_client.get("/admin/exhibition/kiosk/?connection=offline")
    assert "Hall kiosk" in offline.content.decode()
    assert "Fresh kiosk" not in offline.content.decode()
    change = curator_client.get(f"/admin/exhibition/kiosk/{world['kiosk'].pk}/change/")
    assert change.status_code == 200
    assert "/kiosk/hall/" in change.content.decode()
    assert curator_client.get("/admin/exhibition/kiosk/add/").status_code == 200


# -- loading the shipped kiosks ----------------------------------------------------


KIOSKS_TOML = """
[[kiosk]]
slug = "s8"
name.en = "Gallery S8 touchscreen"
name.zh_hans = "S8展厅触摸屏"
location = "S8"
orientation = "portrait"
sections = ["military"]
idle_timeout = 60

[[kiosk]]
slug = "s9"
name.en = "Gallery S9 touchscreen"
location = "S9"
orientation = "landscape"
sections = ["support"]
default_language = "zh-hans"
playlist = [{ photograph = "bomber-salvaged" }, { artifact = "T-A-001" }]
"""


@pytest.fixture
def sample_with_kiosks(tmp_path):
    target = tmp_path / "content"
    shutil.copytree(SAMPLE, target)
    with (target / "exhibition.toml").open("a", encoding="utf-8") as handle:
        handle.write(KIOSKS_TOML)
    return target


def test_the_shipped_exhibition_has_one_kiosk_per_gallery_room():
    kiosks = {k["slug"]: k for k in read_content()["kiosks"]}
    assert kiosks["s8"]["orientation"] == "portrait"
    assert kiosks["s8"]["sections"] == ["reporting", "military"]
    assert kiosks["s9"]["orientation"] == "landscape"
    assert kiosks["s9"]["sections"] == ["rescue", "support"]


def test_kiosks_are_loaded_idempotently_with_their_sections_and_playlist(
    sample_with_kiosks,
):
    load_exhibition(sample_with_kiosks)
    s8 = Kiosk.objects.get(slug="s8")
    assert s8.name_zh_hans == "S8展厅触摸屏" and s8.idle_timeout == 60
    assert list(s8.sections.values_list("slug", flat=True)) == ["military"]
    s9 = Kiosk.objects.get(slug="s9")
    assert s9.default_language == "zh-hans" and s9.orientation == "landscape"
    assert [str(item.record.slug) for item in s9.playlist.all()] == [
        "bomber-salvaged",
        "salvaged-engine-part",
    ]
    report = load_exhibition(sample_with_kiosks)
    assert report.counts[("exhibition.Kiosk", "unchanged")] == 2
    assert KioskItem.objects.count() == 2


def test_loaded_kiosks_get_a_device_key_whose_start_address_is_shown_once(
    sample_with_kiosks, client
):
    report = load_exhibition(sample_with_kiosks)
    addresses = [line for line in report.lines() if "#key=" in line]
    assert len(addresses) == 2
    key = next(line for line in addresses if "kiosk s8:" in line).split("#key=")[1]
    s8 = Kiosk.objects.get(slug="s8")
    assert s8.has_device_key(key) and s8.device_key_hash != key
    beat = client.post(
        "/kiosk/s8/heartbeat",
        json.dumps({"version": "0123456789abcdef", "uptime": 1}),
        content_type="application/json",
        headers={"X-Kiosk-Key": key},
    )
    assert beat.status_code == 204
    again = load_exhibition(sample_with_kiosks)
    assert not [line for line in again.lines() if "#key=" in line]
    assert Kiosk.objects.get(slug="s8").has_device_key(key)


def test_a_curators_kiosk_edit_is_kept_when_the_files_change(sample_with_kiosks):
    load_exhibition(sample_with_kiosks)
    kiosk = Kiosk.objects.get(slug="s8")
    kiosk.idle_timeout = 120
    kiosk.save()
    path = sample_with_kiosks / "exhibition.toml"
    path.write_text(path.read_text().replace("idle_timeout = 60", "idle_timeout = 45"))
    report = load_exhibition(sample_with_kiosks)
    assert "exhibition.Kiosk s8" in report.kept
    kiosk.refresh_from_db()
    assert kiosk.idle_timeout == 120


@pytest.mark.parametrize(
    "change, problem",
    [
        (('sections = ["military"]', 'sections = ["nowhere"]'), "unknown section"),
        (('orientation = "portrait"', 'orientation = "round"'), "unknown orientation"),
        (("idle_timeout = 60", "idle_timeout = 5"), "idle_timeout 5 is out of range"),
        (('artifact = "T-A-001"', 'artifact = "T-A-999"'), "unknown artifact"),
        (('default_language = "zh-hans"', 'default_language = "fr"'), "language"),
        (('slug = "s9"', 'slug = "s8"'), "used 2 times"),
    ],
)
def test_bad_kiosk_entries_are_reported_and_nothing_is_written(
    sample_with_kiosks, change, problem
):
    path = sample_with_kiosks / "exhibition.toml"
    path.write_text(path.read_text().replace(*change))
    with pytest.raises(ContentError, match=problem):
        load_exhibition(sample_with_kiosks)
    assert not Kiosk.objects.exists()
