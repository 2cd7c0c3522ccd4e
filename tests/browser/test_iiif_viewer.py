"""A real IIIF viewer (Mirador, from npm, served from another origin) opens a
record's manifest from the demo site and paints its first canvas from the tiles."""

import functools
import http.server
import threading
from pathlib import Path

import pytest

MIRADOR = (
    Path(__file__).resolve().parents[2] / "node_modules/mirador/dist/mirador.min.js"
)
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Mirador</title>
<style>html,body,#viewer{margin:0;height:100%}</style></head><body>
<div id="viewer"></div><script src="mirador.min.js"></script>
<script>
Mirador.viewer({id: "viewer", windows: [{manifestId: new URLSearchParams(
  location.search).get("manifest"), thumbnailNavigationPosition: "off"}],
  window: {sideBarOpen: false}, workspaceControlPanel: {enabled: false}});
</script></body></html>"""


@pytest.fixture
def viewer_origin(tmp_path):
    """Mirador's dist bundle on a local server of its own (another origin, so the
    IIIF responses must carry CORS headers)."""
    if not MIRADOR.exists():
        message = "Mirador not installed (npm ci)"
        import os

        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    (tmp_path / "mirador.min.js").symlink_to(MIRADOR)
    (tmp_path / "index.html").write_text(PAGE)
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(tmp_path)
    )
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_mirador_shows_the_first_canvas_of_a_manifest(
    page, site, viewer_origin, screenshot
):
    output = site.shell(
        "from catalog.models import Artifact;"
        "a = Artifact.objects.published().filter(images__isnull=False).first();"
        "print('RECORD', a.slug, a.title_en, sep='\\t')"
    )
    line = next(row for row in output.splitlines() if row.startswith("RECORD\t"))
    _marker, slug, title = line.split("\t")
    manifest = f"{site.url}/iiif/artifacts/{slug}/manifest"
    tiles = []
    page.on(
        "response",
        lambda r: (
            tiles.append(r.status)
            if "/iiif/image/" in r.url and r.url.endswith("/default.jpg")
            else None
        ),
    )
    page.goto(f"{viewer_origin}/index.html?manifest={manifest}")
    page.get_by_text(title).first.wait_for(timeout=30_000)
    page.locator(".openseadragon-canvas canvas").first.wait_for(timeout=30_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.openseadragon-canvas canvas')]"
        ".some(c => c.width > 0 && c.height > 0)",
        timeout=30_000,
    )
    page.wait_for_timeout(1500)  # let the first tiles arrive
    screenshot(page, "iiif-mirador")
    assert tiles and all(status == 200 for status in tiles), tiles
