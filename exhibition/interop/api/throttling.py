"""The anonymous rate limit, counted in the configured cache per client address."""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRate(AnonRateThrottle):
    """DRF's anonymous throttle, reading its rate when used rather than at import,
    so a changed setting (``API_RATE_LIMIT``, a test) takes effect."""

    def get_rate(self):
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]
