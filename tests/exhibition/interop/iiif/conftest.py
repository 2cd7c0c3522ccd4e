"""What the IIIF tests share: fetching JSON as a visitor and checking language maps."""

import json

import pytest


@pytest.fixture
def fetch(client):
    """GET a IIIF address as an anonymous visitor; (response, parsed JSON)."""

    def get(path, status=200, **headers):
        response = client.get(path, **headers)
        assert response.status_code == status, response.content[:300]
        assert response["Access-Control-Allow-Origin"] == "*"
        return response, json.loads(response.content)

    return get


def assert_language_map(value):
    """A IIIF language map: languages to lists of non-empty strings."""
    assert isinstance(value, dict) and value, value
    for language, texts in value.items():
        assert language in {"en", "zh-Hans", "none"}, language
        assert isinstance(texts, list) and texts, value
        assert all(isinstance(text, str) and text.strip() for text in texts), value
