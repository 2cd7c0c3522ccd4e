"""Anonymous clients are rate-limited per address, counted in the cache."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }


def test_a_client_over_the_limit_gets_429_with_retry_after(
    client, world, three_a_minute
):
    for _ in range(3):
        assert client.get("/api/v1/people/").status_code == 200
    refused = client.get("/api/v1/artifacts/")
    assert refused.status_code == 429
    assert refused.json()["detail"]
    assert int(refused["Retry-After"]) > 0


def test_the_limit_counts_each_address_apart(client, world, three_a_minute):
    for _ in range(3):
        client.get("/api/v1/people/", REMOTE_ADDR="192.0.2.1")
    assert client.get("/api/v1/people/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/api/v1/people/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_a_forged_forwarded_for_header_does_not_reset_the_count(
    client, world, three_a_minute
):
    for n in range(3):
        client.get("/api/v1/people/", headers={"x-forwarded-for": f"198.51.100.{n}"})
    refused = client.get("/api/v1/people/", headers={"x-forwarded-for": "203.0.113.9"})
    assert refused.status_code == 429
