"""Security: headers and CSP, login throttling, uploads, injection, leaks, bad input."""

import io
import os
import random
import re
import subprocess
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urljoin, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from catalog.images import validate_image_file
from catalog.images.renditions import make_renditions
from catalog.models import Artifact, Person, Photograph, Status
from tests.factories import (
    hang,
    image_bytes,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    section = make_section(make_exhibition(slug="first"), slug="rescue")
    person = make_person(slug="norman-bethune", name_en="Norman Bethune")
    artifact = make_artifact(
        slug="rib-shears", title_en="Rib shears", year_from=1938, year_to=1938
    )
    artifact.people.add(person)
    photograph = make_photograph(
        slug="operating", title_en="Operating", year_from=1939, year_to=1939
    )
    photograph.people.add(person)
    hang(section, artifact)
    hang(section, photograph)
    return section


def test_deploy_checks_pass_with_production_settings():
    env = {
        # The browser tests' conftest sets DJANGO_ALLOW_ASYNC_UNSAFE for this
        # process; a deployment would not have it.
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        },
        "DJANGO_ENV": "production",
        "SECRET_KEY": "a-production-secret-" + "k" * 50,
        "ALLOWED_HOSTS": "museum.example",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_public_pages_send_strict_security_headers(client, site):
    response = client.get("/exhibitions/first/rescue/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


class InlineCodeFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.problems = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if (
            tag == "script"
            and "src" not in attrs
            and attrs.get("type") != ("application/ld+json")
        ):
            self.problems.append("inline <script>")
        if tag == "style":
            self.problems.append("<style> element")
        if "style" in attrs:
            self.problems.append(f"style attribute on <{tag}>")
        self.problems += [
            f"{a} handler on <{tag}>" for a in attrs if a.startswith("on")
        ]


PAGES = [
    "/",
    "/exhibitions/first/rescue/",
    "/collection/",
    "/artifacts/rib-shears/",
    "/photographs/operating/",
    "/people/",
    "/people/norman-bethune/",
    "/exhibitions/first/timeline/",
    "/search/?q=rib",
    "/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_have_no_inline_scripts_or_styles(client, site, path):
    finder = InlineCodeFinder()
    finder.feed(client.get(path).content.decode())
    assert finder.problems == []


def test_the_admin_gets_its_own_relaxed_policy(curator_client):
    policy = curator_client.get("/admin/")["Content-Security-Policy"]
    assert "unsafe-inline" in policy


def test_repeated_failed_logins_lock_the_account(client, settings, curator):
    settings.AXES_ENABLED = True
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "head", "password": "wrong"})
    response = client.post(
        url, {"username": "head", "password": "not-a-real-password-42"}
    )
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()


def test_passwords_must_be_strong(curator):
    from django.contrib.auth.password_validation import validate_password

    with pytest.raises(ValidationError):
        validate_password("museum1", curator)


def test_health_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok", "storage": "ok"}


def test_readiness_reports_a_broken_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "exhibition.redis_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"].startswith("failed")


def test_pages_are_served_uncached_when_the_cache_is_down(client, settings, site):
    settings.CACHES = {
        "default": {
            "BACKEND": "exhibition.redis_cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    assert client.get("/exhibitions/first/rescue/").status_code == 200
    assert client.get("/collection/").status_code == 200


def test_a_database_outage_gets_a_friendly_503(client, site, monkeypatch):
    from django.db import OperationalError

    from exhibition.gallery.views import exhibitions as views

    def unreachable(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    client.get("/")  # the museum's name, remembered for outage pages
    monkeypatch.setattr(views, "by_state", unreachable)
    response = client.get("/")
    assert response.status_code == 503
    assert "back in a moment" in response.content.decode()
    assert "· Exhibitions</title>" in response.content.decode()  # no museum yet
    assert response["Retry-After"] == "30"
    monkeypatch.undo()
    assert client.get("/").status_code == 200  # and it recovers by itself


def jpeg_with_exif(orientation=6, gps=True):
    image = Image.new("RGB", (60, 40), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = orientation  # rotate 90° clockwise when shown
    if gps:
        exif[0x8825] = {1: "N", 2: (39.0, 54.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_renditions_apply_orientation_and_drop_private_metadata(isolated_media):
    photograph = make_photograph(
        image=SimpleUploadedFile("phone.jpg", jpeg_with_exif(), "image/jpeg")
    )
    widths = make_renditions(photograph.image)
    from django.core.files.storage import default_storage

    from catalog.images.renditions import rendition_name

    with default_storage.open(
        rendition_name(photograph.image.name, widths[-1], "jpg")
    ) as f:
        rendition = Image.open(f)
        assert rendition.size == (40, 60)  # upright
        assert not rendition.getexif()  # no GPS, no camera details


@pytest.mark.parametrize(
    "name, data, message",
    [
        (
            "page.html",
            b"<!doctype html><html><script>alert(1)</script></html>",
            "web page code",
        ),
        (
            "polyglot.jpg",
            image_bytes() + b"<script>alert(document.cookie)</script>",
            "web page code",
        ),
        (
            "truncated.png",
            image_bytes(image_format="PNG", size=(300, 300))[:200],
            "damaged or incomplete",
        ),
    ],
)
def test_dangerous_uploads_are_refused_with_a_clear_message(name, data, message):
    with pytest.raises(ValidationError, match=message):
        validate_image_file(SimpleUploadedFile(name, data))


INJECTION = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_script_injection_through_every_text_field_is_rendered_inert(client, site):
    records = [
        Artifact.objects.get(slug="rib-shears"),
        Photograph.objects.get(slug="operating"),
        Person.objects.get(slug="norman-bethune"),
    ]
    for record in records:
        for field in record._meta.get_fields():
            if getattr(field, "get_internal_type", lambda: "")() in (
                "CharField",
                "TextField",
            ) and field.name not in (
                "slug",
                "status",
                "kind",
                "nationality",
                "object_type",
                "accession_number",
            ):
                if field.max_length and field.max_length < len(INJECTION):
                    continue
                setattr(record, field.attname, INJECTION)
        record.save()
    for path in PAGES + ["/search/?q=%3Cscript%3E"]:
        html = client.get(path).content.decode()
        assert '<script>alert("x")</script>' not in html, path
        assert "<img src=x onerror" not in html, path


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_crawling_the_whole_site_finds_nothing_unpublished(client, site):
    hidden_titles = []
    for status in (Status.DRAFT, Status.REVIEW, Status.WITHDRAWN):
        artifact = make_artifact(title_en=f"Hidden artifact {status}", status=status)
        photograph = make_photograph(title_en=f"Hidden photo {status}", status=status)
        person = make_person(name_en=f"Hidden person {status}", status=status)
        artifact.people.add(person)
        hang(site, artifact)
        hang(site, photograph)
        make_section(
            site.exhibition, title_en=f"Hidden section {status}", status=status
        )
        hidden_titles += [
            f"Hidden artifact {status}",
            f"Hidden photo {status}",
            f"Hidden person {status}",
            f"Hidden section {status}",
        ]
    queue = ["/", "/zh-hans/", "/sitemap.xml", "/robots.txt"]
    queue += [
        f"/api/v1/{kind}/?lang=all&page_size=100"
        for kind in ("exhibitions", "artifacts", "photographs", "people")
    ]
    queue += [f"/search/?q={title.replace(' ', '+')}" for title in hidden_titles]
    queue += [
        "/iiif/collection",
        "/oai?verb=ListRecords&metadataPrefix=oai_dc",
        "/oai?verb=ListSets",
    ]
    seen = set()
    while queue and len(seen) < 400:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        body = b"".join(
            response.streaming_content if response.streaming else [response.content]
        ).decode(errors="replace")
        echoed = parse_qs(urlsplit(path).query).get("q", [""])[0]
        if echoed:  # the search page repeats the visitor's own words back
            body = body.replace(escape(echoed), "").replace(quote_plus(echoed), "")
        for title in hidden_titles:
            assert title not in body, (path, title)
        if "html" in response.get("Content-Type", "") or path.endswith(".xml"):
            collector = LinkCollector()
            collector.feed(body)
            links = collector.links + re.findall(r"<loc>([^<]+)</loc>", body)
        elif "json" in response.get("Content-Type", ""):  # the API, IIIF
            links = re.findall(r'"(http://testserver/(?:api|iiif)/[^"]+)"', body)
        elif "xml" in response.get("Content-Type", ""):  # OAI-PMH
            links = re.findall(r">(http://testserver/[^<]+)<", body)
        else:
            links = []
        for link in links:
            parts = urlsplit(urljoin("http://testserver" + path, link))
            if parts.netloc == "testserver" and not parts.path.startswith(
                ("/static/", "/media/")
            ):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    assert len(seen) > 20
    assert any(path.startswith("/api/v1/artifacts/") for path in seen)
    assert any(path.endswith("/manifest") for path in seen)


def test_staff_pages_need_a_login(client):
    for path in ("/admin/", "/admin/catalog/artifact/", "/admin/exhibition/section/"):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


FUZZ_PATHS = [
    "/",
    "/collection/",
    "/people/",
    "/search/",
    "/exhibitions/first/timeline/",
    "/exhibitions/first/rescue/",
    "/artifacts/rib-shears/",
    "/sitemap.xml",
    "/sitemap-artifacts.xml",
]
FUZZ_PARAMS = [
    "q",
    "page",
    "section",
    "type",
    "person",
    "nationality",
    "role",
    "decade",
    "year_min",
    "year_max",
    "has_image",
    "sort",
    "kind",
    "affiliation",
    "p",
    "lang",
]
FUZZ_VALUES = [
    "",
    "0",
    "-1",
    "99999999999999999999",
    "abc",
    "%00",
    "\x00",
    "'; DROP TABLE x;--",
    "<script>",
    "1e309",
    "NaN",
    "🙂" * 50,
    "白求恩",
    "a" * 5000,
    "../../etc/passwd",
    "true",
    "None",
    "[]",
]


def test_fuzzing_public_urls_never_gives_a_server_error(client, site):
    rng = random.Random(1937)
    for _ in range(300):
        path = rng.choice(FUZZ_PATHS)
        params = {
            rng.choice(FUZZ_PARAMS): rng.choice(FUZZ_VALUES)
            for _ in range(rng.randint(1, 4))
        }
        response = client.get(path, params)
        assert response.status_code < 500, (path, params, response.status_code)
    for path in (
        "/zz/",
        "/xx-yy/artifacts/rib-shears/",
        "/artifacts/%E2%80%AE/",
        "/people/" + "a" * 300 + "/",
    ):
        assert client.get(path).status_code == 404
