"""A Redis cache that treats an outage as a miss, so pages are served uncached."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ResilientRedisCache(RedisCache):
    def _quietly(self, method, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except (RedisError, OSError) as error:
            logger.warning("cache unavailable (%s): %s", method, error)
            return default

    def get(self, key, default=None, version=None):
        return self._quietly("get", default, key, default, version)

    def set(self, key, value, timeout=None, version=None):
        return self._quietly("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=None, version=None):
        return self._quietly("add", False, key, value, timeout, version)

    def delete(self, key, version=None):
        return self._quietly("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._quietly("get_many", {}, keys, version)

    def set_many(self, data, timeout=None, version=None):
        return self._quietly("set_many", [], data, timeout, version)

    def incr(self, key, delta=1, version=None):
        return self._quietly("incr", None, key, delta, version)

    def has_key(self, key, version=None):
        return self._quietly("has_key", False, key, version)

    def clear(self):
        return self._quietly("clear", None)
