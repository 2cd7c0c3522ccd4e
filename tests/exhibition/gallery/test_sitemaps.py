"""/sitemap.xml lists pages for people to read, not tools' pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_docs_are_not_in_the_sitemap_but_stay_in_robots(client):
    index = client.get("/sitemap.xml").content.decode()
    pages = [
        client.get(f"/sitemap-{name}.xml").content.decode()
        for name in ("pages", "sharing", "exhibitions")
    ]
    assert "/api/v1/docs/" not in index + "".join(pages)
    assert "/oai" in pages[1]  # the other systems' addresses stay listed
    assert (
        "http://testserver/api/v1/docs/" in client.get("/robots.txt").content.decode()
    )
