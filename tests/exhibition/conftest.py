"""Fixtures of the page cache's tests (tests/exhibition/test_page_cache.py and
test_public_changes.py): a cache of each kind, a published page to cache."""

import pytest
from django.core.cache import caches

from tests.factories import hang, make_artifact, make_exhibition, make_section
from tests.services import redis_location, redis_or_skip


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    if request.param == "redis":
        redis_or_skip()
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_location(15),
                "KEY_PREFIX": "exhibition-tests",
            }
        }
    settings.PAGE_CACHE_SECONDS = 300
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


@pytest.fixture
def version_trusted_from_the_cache(monkeypatch):
    """No database check of the version during a test unless it asks: what a
    worker does within a second of its last check, and the case where only the
    publisher's write to the cache can make a change show at once."""
    from exhibition import page_cache

    monkeypatch.setattr(page_cache, "CHECK_EVERY", 3600)
    monkeypatch.setattr(page_cache, "_last_check", [float("-inf")])


@pytest.fixture
def shown(page_cache):
    section = make_section(make_exhibition(slug="first"), slug="rescue")
    artifact = make_artifact(slug="rib-shears", title_en="Rib shears")
    hang(section, artifact)
    return artifact
