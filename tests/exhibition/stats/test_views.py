"""The players' beacon: a loop of posts cannot inflate a clip's plays. One play per
visitor (address and browser) per clip an hour, a few per clip and a bounded number
in all from one address; nothing about the visitor is kept in clear."""

from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.core.cache.backends import locmem

from exhibition.models import Channel, UseCount
from exhibition.stats import views
from exhibition.stats.flush import flush
from tests.exhibition.stats.conftest import BROWSER
from tests.factories import make_artifact, make_clip, make_section

pytestmark = pytest.mark.django_db
ADDRESS = "198.51.100.7"


def plays(record):
    flush()
    return UseCount.objects.of(record).filter(channel=Channel.AUDIO).total()


def play(client, clip, address=ADDRESS, agent=BROWSER, **headers):
    response = client.post(
        f"/uses/play/{clip.pk}", REMOTE_ADDR=address, HTTP_USER_AGENT=agent, **headers
    )
    assert response.status_code == 204 and response.content == b""
    return response


@pytest.fixture
def later(monkeypatch):
    """Move the local-memory cache's clock on, as if seconds had passed."""
    if not isinstance(caches["default"], locmem.LocMemCache):
        pytest.skip("moves the local-memory cache's clock")
    real = locmem.time.time

    def move(seconds):
        monkeypatch.setattr(
            locmem, "time", SimpleNamespace(time=lambda: real() + seconds)
        )

    return move


def test_a_loop_of_posts_from_one_visitor_counts_one_play_per_clip(client, any_cache):
    """Fifty anonymous posts used to count fifty plays."""
    artifact = make_artifact()
    clip, other_clip = make_clip(artifact), make_clip(artifact)
    for _ in range(50):
        play(client, clip)
    assert plays(artifact) == 1
    play(client, other_clip)  # another clip of the same record is another play
    assert plays(artifact) == 2


def test_another_visitor_at_the_same_address_counts_up_to_a_cap_per_clip(client):
    """Visitors sharing the museum's network are told apart by their browsers, but
    one address cannot add more than a few plays of a clip, whatever it claims."""
    artifact = make_artifact()
    clip = make_clip(artifact)
    cap = views.PLAYS_PER_ADDRESS_AND_CLIP
    for n in range(cap + 5):
        play(client, clip, agent=f"{BROWSER} visitor/{n}")
    assert plays(artifact) == cap
    play(client, clip, address="203.0.113.20")  # another address is heard
    assert plays(artifact) == cap + 1


def test_one_address_adds_a_bounded_number_of_plays_in_all(client, monkeypatch):
    monkeypatch.setattr(views, "PLAYS_PER_ADDRESS", 3)
    section = make_section()
    clips = [make_clip(section) for _ in range(5)]
    for clip in clips:
        play(client, clip)
    assert plays(section) == 3
    play(client, clips[-1], address="203.0.113.20")
    assert plays(section) == 4


def test_the_same_visitor_counts_again_after_the_period(client, later):
    artifact = make_artifact()
    clip = make_clip(artifact)
    play(client, clip)
    later(views.PERIOD - 1)
    play(client, clip)
    assert plays(artifact) == 1
    later(views.PERIOD + 1)
    play(client, clip)
    assert plays(artifact) == 2


def test_behind_proxies_each_forwarded_address_is_its_own_client(client, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    artifact = make_artifact()
    clip = make_clip(artifact)
    cap = views.PLAYS_PER_ADDRESS_AND_CLIP
    for n in range(cap + 2):  # all through the proxy at 10.0.0.1
        forwarded = f"192.0.2.{n + 1}"
        play(client, clip, address="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert plays(artifact) == cap + 2


def test_a_refused_or_robot_play_uses_up_nothing(client):
    """A crawler's or a draft's beacon must not spend a visitor's allowance."""
    artifact = make_artifact()
    clip = make_clip(artifact)
    for _ in range(20):
        client.post(
            f"/uses/play/{clip.pk}", REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT="curl/8"
        )
        client.post("/uses/play/999999", REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=BROWSER)
    play(client, clip)
    assert plays(artifact) == 1


def test_the_limit_keeps_no_address_or_browser_in_clear(client):
    play(client, make_clip(make_artifact()))
    stored = " ".join(
        f"{key} {value!r}" for key, value in caches["default"]._cache.items()
    )
    assert ADDRESS not in stored
    assert "Chrome" not in stored
    assert "sessionid" not in client.cookies
