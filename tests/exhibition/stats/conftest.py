"""What the statistics tests share: a browser's User-Agent and the uses in the cache."""

import pytest

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537"


@pytest.fixture
def visitor(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture(params=["locmem", "redis"])
def any_cache(request, settings):
    """The tests run on the local-memory cache and on Redis (db 11, our own, or
    one below it per pytest-xdist worker)."""
    from django.core.cache import caches

    from tests.services import redis_location, redis_or_skip

    if request.param == "redis":
        redis_or_skip()
        settings.CACHES = {
            "default": {
                "BACKEND": "exhibition.redis_cache.ResilientRedisCache",
                "LOCATION": redis_location(11),
                "KEY_PREFIX": "exhibition-stats-tests",
            }
        }
    caches["default"].clear()
    yield request.param
    caches["default"].clear()
