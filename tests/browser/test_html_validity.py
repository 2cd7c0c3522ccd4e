"""Every public page type, fetched anonymously, is valid HTML and links a served icon.

The pages are fetched from the served demo site in both languages, saved to files
and checked in one run of vnu.jar (one JVM start: it is slow to start). The checker
comes from `npm ci` (package.json pins vnu-jar) and needs Java. Locally a missing
Java or jar skips; with REQUIRE_BROWSER set (CI) it fails, like a missing browser.
"""

import json
import os
import re
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = {"en": "", "zh": "/zh-hans"}
PAGES = {
    "home": "/",
    "exhibitions": "/exhibitions/",
    "exhibition": "/exhibitions/international-friends/",
    "exhibition-online": "/exhibitions/foreign-expertise/",
    "section": "/exhibitions/international-friends/rescue/",
    "section-online": "/exhibitions/foreign-expertise/medical/",
    "collection": "/collection/?section=rescue&sort=date",
    "collection-exhibition": "/collection/?exhibition=foreign-expertise",
    "collection-filtered": "/collection/?section=rescue&type=instrument",
    "photographs": "/collection/?kind=photographs&section=rescue",
    "artifact": "/artifacts/kulishenko-bomber-salvaged-engine-part/",
    "photograph": None,  # the first photograph listed on the photographs tab
    "people": "/people/",
    "people-filtered": "/people/?nationality=CA",
    "biography": "/people/norman-bethune/",
    "group-biography": "/people/flying-tigers/",
    "timeline": "/exhibitions/international-friends/timeline/",
    "timeline-online": "/exhibitions/foreign-expertise/timeline/",
    "search": "/search/?q=%E7%99%BD%E6%B1%82%E6%81%A9",
    "search-empty": "/search/",
    "search-no-results": "/search/?q=zzzxqnothing",
    "audio-guide": "/exhibitions/international-friends/audio/",
    "audio-guide-unknown": "/exhibitions/foreign-expertise/audio/?stop=99",
    "audio-stop": "/exhibitions/international-friends/audio/2/",
    "audio-stop-online": "/exhibitions/foreign-expertise/audio/4/",
    "not-found": "/no-such-page/",
}
KIOSKS = ["s8", "s9"]
# Served by the web server without Django; checked from the files themselves.
STATIC_ERROR_PAGES = ["500.html", "503.html"]


def java_and_checker():
    """The java command, or skip (locally) / fail (REQUIRE_BROWSER) without it."""
    java = shutil.which("java")
    missing = []
    if not java:
        missing.append("java (apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(PROJECT)} (npm ci)")
    if missing:
        message = "The Nu HTML checker needs " + " and ".join(missing)
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    return java


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def public_pages(site):
    """{file name: (expected status, URL)} for every public page type and language."""
    _, photographs = fetch(site.url + PAGES["photographs"])
    photograph = re.search(r'href="(/photographs/[^"]+/)"', photographs).group(1)
    pages = {}
    for language, prefix in LANGUAGES.items():
        for name, path in PAGES.items():
            status = 404 if name == "not-found" else 200
            pages[f"{language}-{name}"] = (
                status,
                site.url + prefix + (path or photograph),
            )
    for slug in KIOSKS:
        home = f"{site.url}/kiosk/{slug}/"
        pages[f"kiosk-{slug}"] = (200, home)
        _, precache = fetch(home + "precache.json")
        for path in json.loads(precache)["pages"]:
            # One page of each kind (home, artifact, photograph, person) per language.
            match = re.fullmatch(rf"/kiosk/{slug}/([\w-]+)/(?:(\w+)/[\w-]+/)?", path)
            if match:
                name = f"kiosk-{slug}-{match[1]}-{match[2] or 'home'}"
                pages.setdefault(name, (200, site.url + path))
    return pages


@pytest.fixture(scope="module")
def saved_pages(site, tmp_path_factory):
    """{name: file} of every public page as an anonymous visitor gets it."""
    folder = tmp_path_factory.mktemp("pages")
    pages = public_pages(site)
    assert sum(name.startswith("kiosk-s8-") for name in pages) >= 8, sorted(pages)
    files = {}
    for name, (status, url) in pages.items():
        got, html = fetch(url)
        assert got == status, (url, got)
        files[name] = folder / f"{name}.html"
        files[name].write_text(html, encoding="utf-8")
    for template in STATIC_ERROR_PAGES:
        files[template] = folder / template
        shutil.copy(PROJECT / "templates" / template, files[template])
    return files


def test_every_public_page_type_is_valid_html(saved_pages):
    java = java_and_checker()
    files = saved_pages
    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]
        + [str(path) for path in files.values()],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(checked.stdout)["messages"]
    names = {path.as_uri(): name for name, path in files.items()}
    for path in files.values():
        names[f"file:{path}"] = names[path.as_uri()]  # vnu's "file:/…" spelling
    errors = [
        f"{names.get(m.get('url'), m.get('url'))} line {m.get('lastLine', '?')}: "
        f"{m.get('message')}\n    {(m.get('extract') or '').strip()}"
        for m in messages
        if m.get("type") in {"error", "non-document-error"}
    ]
    assert not errors, (
        f"{len(errors)} HTML errors in {len(files)} pages:\n" + "\n".join(errors)
    )


class IconLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.icons = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "icon" in (attrs.get("rel") or "").split():
            self.icons.append(attrs.get("href"))


def test_every_public_page_links_an_icon_that_is_served(site, saved_pages):
    served = {}
    for name, path in saved_pages.items():
        links = IconLinks()
        links.feed(path.read_text(encoding="utf-8"))
        assert links.icons, f"{name} links no icon"
        for href in links.icons:
            url = urllib.parse.urljoin(site.url + "/", href)
            if url not in served:
                served[url] = fetch_bytes(url)
            status, kind, body = served[url]
            assert status == 200 and kind.startswith("image/") and body, (name, href)


def test_favicon_ico_is_served_at_the_root(site):
    # Browsers and crawlers ask for it whatever a page links.
    status, kind, body = fetch_bytes(site.url + "/favicon.ico")
    assert status == 200
    assert kind in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file's header


def fetch_bytes(url):
    """Status, content type and body, after any redirects."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), b""
