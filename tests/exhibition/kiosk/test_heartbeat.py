"""The kiosk heartbeat: only the kiosk's device key speaks for it, at a bounded rate."""

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.cache.backends import locmem
from django.db import connection
from django.test import Client
from django.utils import timezone

from exhibition.kiosk import heartbeat as heartbeat_module
from exhibition.models import Kiosk
from tests.factories import make_kiosk

pytestmark = pytest.mark.django_db
BEAT = {"version": "0123456789abcdef0123", "uptime": 3600}


@pytest.fixture
def kiosk():
    kiosk = make_kiosk(slug="hall", name_en="Hall kiosk")
    kiosk.key = kiosk.rotate_device_key()
    return kiosk


def heartbeat(client, body, key=None, slug="hall", content_type="application/json"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    headers = {} if key is None else {"X-Kiosk-Key": key}
    return client.post(
        f"/kiosk/{slug}/heartbeat", data, content_type=content_type, headers=headers
    )


def unchanged(kiosk):
    """The kiosk's heartbeat fields are as they were before any heartbeat."""
    kiosk.refresh_from_db()
    return (kiosk.last_seen, kiosk.reported_version, kiosk.uptime) == (None, "", None)


@pytest.fixture
def later(monkeypatch):
    """Move the (local-memory) cache's clock on, as if seconds had passed."""
    from django.core.cache import caches

    if not isinstance(caches["default"], locmem.LocMemCache):
        pytest.skip("moves the local-memory cache's clock")
    real = locmem.time.time

    def move(seconds):
        monkeypatch.setattr(
            locmem, "time", SimpleNamespace(time=lambda: real() + seconds)
        )

    return move


def test_a_heartbeat_with_the_key_is_recorded_without_an_account_or_csrf_token(kiosk):
    client = Client(enforce_csrf_checks=True, HTTP_USER_AGENT="Chromium kiosk")
    changed = kiosk.updated_at
    assert heartbeat(client, BEAT, kiosk.key).status_code == 204
    kiosk.refresh_from_db()
    assert kiosk.reported_version == "0123456789abcdef0123"
    assert kiosk.uptime == 3600
    assert kiosk.last_user_agent == "Chromium kiosk"
    assert kiosk.last_ip == "127.0.0.1"
    assert timezone.now() - kiosk.last_seen < timedelta(seconds=5)
    assert kiosk.updated_at == changed
    assert not kiosk.is_offline()


@pytest.mark.parametrize(
    "key",
    [None, "", "wrong", "x" * 43, "k" * 5000],
    ids=["no header", "empty", "wrong", "same length", "huge"],
)
def test_a_heartbeat_without_the_right_key_is_refused_and_changes_nothing(
    client, kiosk, key
):
    response = heartbeat(client, BEAT, key)
    assert response.status_code == 403
    assert response.json()["error"]
    assert unchanged(kiosk)


def test_another_kiosks_key_or_a_kiosk_with_no_key_yet_is_refused(client, kiosk):
    other = make_kiosk(slug="other")
    assert heartbeat(client, BEAT, kiosk.key, slug="other").status_code == 403
    assert other.device_key_hash == ""
    assert heartbeat(client, BEAT, "", slug="other").status_code == 403
    assert unchanged(other) and unchanged(kiosk)


def test_after_rotation_the_old_key_is_refused_and_the_new_one_accepted(client, kiosk):
    old = kiosk.key
    new = Kiosk.objects.get(pk=kiosk.pk).rotate_device_key()
    assert new != old
    assert heartbeat(client, BEAT, old).status_code == 403
    assert unchanged(kiosk)
    assert heartbeat(client, BEAT, new).status_code == 204
    kiosk.refresh_from_db()
    assert kiosk.last_seen is not None


def test_a_key_is_never_stored_in_clear(kiosk):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM {Kiosk._meta.db_table} WHERE id = %s", [kiosk.pk]
        )
        row = cursor.fetchone()
    assert not any(kiosk.key in str(value) for value in row)
    stored = Kiosk.objects.get(pk=kiosk.pk)
    assert stored.device_key_hash != kiosk.key
    assert len(stored.device_key_hash) == 64
    assert len(kiosk.key) >= 43  # 256 random bits
    assert stored.device_key_made_at is not None


def test_rotating_a_key_is_not_a_curators_edit_of_the_profile(kiosk):
    changed = Kiosk.objects.get(pk=kiosk.pk).updated_at
    kiosk.rotate_device_key()
    assert Kiosk.objects.get(pk=kiosk.pk).updated_at == changed


def test_heartbeats_are_accepted_at_most_once_per_interval_per_kiosk(
    client, kiosk, later
):
    assert heartbeat(client, BEAT, kiosk.key).status_code == 204
    kiosk.refresh_from_db()
    first_seen = kiosk.last_seen
    again = heartbeat(client, {**BEAT, "uptime": 3601}, kiosk.key)
    assert again.status_code == 429
    assert again["Retry-After"] == str(heartbeat_module.min_interval())
    kiosk.refresh_from_db()
    assert (kiosk.last_seen, kiosk.uptime) == (first_seen, 3600)

    other = make_kiosk(slug="other")
    other_key = other.rotate_device_key()
    assert heartbeat(client, BEAT, other_key, slug="other").status_code == 204

    later(heartbeat_module.min_interval() - 1)
    assert heartbeat(client, BEAT, kiosk.key).status_code == 429
    later(heartbeat_module.min_interval() + 1)
    assert heartbeat(client, {**BEAT, "uptime": 3700}, kiosk.key).status_code == 204
    kiosk.refresh_from_db()
    assert kiosk.uptime == 3700


def test_refused_heartbeats_do_not_use_up_the_kiosks_interval(client, kiosk):
    """Someone without the key cannot keep the real screen from being heard."""
    for _ in range(5):
        assert heartbeat(client, BEAT, "wrong").status_code == 403
    assert heartbeat(client, {"version": "bad"}, kiosk.key).status_code == 400
    assert heartbeat(client, BEAT, kiosk.key).status_code == 204


def test_a_cache_outage_lets_heartbeats_through_rather_than_show_kiosks_offline(
    client, kiosk, monkeypatch
):
    down = SimpleNamespace(add=lambda *a, **k: False, get=lambda *a, **k: None)
    monkeypatch.setattr(heartbeat_module, "cache", down)
    assert heartbeat(client, BEAT, kiosk.key).status_code == 204
    assert heartbeat(client, BEAT, kiosk.key).status_code == 204


@pytest.mark.parametrize(
    "body",
    [
        " ",
        "not json",
        "[]",
        "null",
        '"version"',
        b"\xff\xfe",
        {"version": "abc", "uptime": 1},
        {"version": "0123456789ABCDEF", "uptime": 1},
        {"version": "0123456789abcdef", "uptime": -1},
        {"version": "0123456789abcdef", "uptime": 1.5},
        {"version": "0123456789abcdef", "uptime": True},
        {"version": "0123456789abcdef", "uptime": "60"},
        {"version": "0123456789abcdef", "uptime": 10**12},
        {"version": "0123456789abcdef"},
        {"version": "0123456789abcdef", "uptime": 1, "admin": True},
        {"version": ["0123456789abcdef"], "uptime": 1},
        "[" * 250 + "]" * 250,
    ],
)
def test_a_garbage_heartbeat_is_refused_with_a_json_error(client, kiosk, body):
    response = heartbeat(client, body, kiosk.key)
    assert response.status_code == 400
    assert response.json()["error"]
    assert unchanged(kiosk)


def test_a_heartbeat_must_be_a_small_json_post_to_a_known_kiosk(client, kiosk):
    big = {"version": "0123456789abcdef", "uptime": 1, "pad": "x" * 20_000}
    key = kiosk.key
    assert heartbeat(client, big, key).status_code == 413
    assert (
        heartbeat(client, "version=1", key, content_type="text/plain").status_code
        == 415
    )
    form = client.post(
        "/kiosk/hall/heartbeat",
        {"version": "0123456789abcdef"},
        headers={"X-Kiosk-Key": key},
    )
    assert form.status_code == 415
    assert client.get("/kiosk/hall/heartbeat").status_code == 405
    empty = client.post("/kiosk/hall/heartbeat", headers={"X-Kiosk-Key": key})
    assert empty.status_code in (400, 415)
    missing = heartbeat(client, BEAT, key, slug="none")
    assert missing.status_code == 404 and missing.json()["error"]
    Kiosk.objects.filter(pk=kiosk.pk).update(active=False)
    assert heartbeat(client, BEAT, key).status_code == 404
    assert unchanged(kiosk)


@pytest.mark.parametrize(
    "body",
    [
        "[" * 5000,
        "[" * 5000 + "]" * 5000,
        '{"a":' * 3000,
        '{"version": "0123456789abcdef", "uptime": 1, "opens": '
        + "[" * 4000
        + "]" * 4000
        + "}",
        '{"version": "0123456789abcdef", "uptime": ' + "9" * 5000 + "}",
        '{"version": "0123456789abcdef", "uptime": 1e400}',
        '{"version": "0123456789abcdef", "uptime": NaN}',
        '{"version": "\\ud800", "uptime": 1}',
        "\u0662\u0660",
    ],
    ids=[
        "unclosed arrays",
        "deep arrays",
        "deep objects",
        "deep opens",
        "huge number",
        "infinite number",
        "NaN",
        "lone surrogate",
        "Arabic-Indic digits",
    ],
)
def test_a_hostile_body_with_the_right_key_gets_a_json_400_not_a_server_error(
    client, kiosk, body
):
    """``[`` x 5000 with the kiosk's key answered 500 (RecursionError)."""
    response = heartbeat(client, body.encode("utf-8", "surrogatepass"), kiosk.key)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]
    assert unchanged(kiosk)


def test_control_characters_in_the_user_agent_are_not_stored(kiosk):
    """PostgreSQL refuses a NUL in text: the heartbeat answered 500 there."""
    client = Client(HTTP_USER_AGENT="Chromium\x00 kiosk\x1b[31m\n")
    assert heartbeat(client, BEAT, kiosk.key).status_code == 204
    kiosk.refresh_from_db()
    assert kiosk.last_user_agent == "Chromium kiosk[31m"
