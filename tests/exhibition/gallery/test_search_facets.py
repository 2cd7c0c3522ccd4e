"""The search page's facets as a visitor sees them."""

import pytest

from tests.exhibition.gallery.test_facets import facet_labels

pytestmark = pytest.mark.django_db


def test_a_section_slug_two_exhibitions_share_says_which_exhibitions(
    client, shared_slug
):
    html = client.get("/search/", {"q": "Artifact"}).content.decode()
    assert facet_labels(html, "section", "military") == [
        "Military: Combat (Friends Abroad) / Military: Training (Skills as Tools)"
    ]
