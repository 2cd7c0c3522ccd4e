"""Answers are cached per content version and carry an ETag: a repeat costs one
query, a conditional repeat gets 304, and a content change is seen at once."""

import pytest

from catalog.models import Status

pytestmark = pytest.mark.django_db
BOWL = "/api/v1/artifacts/blue-bowl/"


@pytest.fixture
def caching(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_a_repeat_is_served_from_the_cache_in_one_query(
    client, world, caching, django_assert_num_queries
):
    first = client.get("/api/v1/artifacts/")
    with django_assert_num_queries(0):  # the content version comes from the cache
        again = client.get("/api/v1/artifacts/")
    assert again.json() == first.json()
    assert again["Cache-Control"] == "public, max-age=60"


def test_a_content_change_is_seen_at_once(
    client, world, caching, django_capture_on_commit_callbacks
):
    assert client.get(BOWL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        world.bowl.status = Status.WITHDRAWN
        world.bowl.save()
    assert client.get(BOWL).status_code == 404
    assert "blue-bowl" not in client.get("/api/v1/artifacts/").content.decode()


def test_each_language_is_cached_apart(client, world, caching):
    assert client.get(BOWL).json()["title"] == "Blue bowl"
    chinese = client.get(BOWL, headers={"accept-language": "zh-CN"})
    assert chinese.json()["title"] == "青碗"
    assert chinese["ETag"] != client.get(BOWL)["ETag"]


def test_the_site_page_cache_leaves_the_api_alone(client, world, caching):
    client.get(BOWL)
    response = client.get(BOWL, headers={"accept-language": "zh"})
    assert "X-Page-Cache" not in response
    assert response.json()["title"] == "青碗"


def test_a_conditional_repeat_gets_304_until_content_changes(
    client, world, django_capture_on_commit_callbacks, django_assert_num_queries
):
    tag = client.get(BOWL)["ETag"]
    assert tag.startswith('W/"')
    with django_assert_num_queries(0):
        unchanged = client.get(BOWL, headers={"if-none-match": tag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    with django_capture_on_commit_callbacks(execute=True):
        world.bowl.title_en = "Blue bowl, restored"
        world.bowl.save()
    changed = client.get(BOWL, headers={"if-none-match": tag})
    assert changed.status_code == 200
    assert changed.json()["title"] == "Blue bowl, restored"
    assert changed["ETag"] != tag
