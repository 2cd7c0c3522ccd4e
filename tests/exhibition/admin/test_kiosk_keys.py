"""Kiosk device keys in the admin: made on add, shown once, rotated, never stored."""

import json
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission

from exhibition.models import Kiosk
from tests.factories import make_exhibition, make_kiosk

pytestmark = pytest.mark.django_db
START_URL = re.compile(r'value="(http://testserver/kiosk/[\w-]+/#key=([\w-]+))"')


def start_urls(response):
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return START_URL.findall(response.content.decode())


def beat(client, slug, key):
    return client.post(
        f"/kiosk/{slug}/heartbeat",
        json.dumps({"version": "0123456789abcdef", "uptime": 1}),
        content_type="application/json",
        headers={"X-Kiosk-Key": key},
    )


def add_form(exhibition, slug):
    return {
        "exhibition": exhibition.pk,
        "name_en": "Harbour kiosk",
        "name_zh_hans": "",
        "slug": slug,
        "active": "on",
        "location": "H1",
        "orientation": "portrait",
        "default_language": "en",
        "language_switch": "on",
        "idle_timeout": "90",
        "attract_count": "12",
        "attract_interval": "8",
        "media_budget_mb": "200",
        "playlist-TOTAL_FORMS": "0",
        "playlist-INITIAL_FORMS": "0",
        "playlist-MIN_NUM_FORMS": "0",
        "playlist-MAX_NUM_FORMS": "1000",
    }


def test_adding_a_kiosk_shows_its_start_address_once(curator_client, client):
    exhibition = make_exhibition()
    response = curator_client.post(
        "/admin/exhibition/kiosk/add/", add_form(exhibition, "harbour")
    )
    [(url, key)] = start_urls(response)
    assert url.startswith("http://testserver/kiosk/harbour/#key=")
    kiosk = Kiosk.objects.get(slug="harbour")
    assert kiosk.device_key_hash and kiosk.device_key_hash != key
    assert key not in kiosk.device_key_hash
    assert beat(client, "harbour", key).status_code == 204

    change = curator_client.get(f"/admin/exhibition/kiosk/{kiosk.pk}/change/")
    assert key not in change.content.decode()
    assert "Make a new device key" in change.content.decode()
    listing = curator_client.get("/admin/exhibition/kiosk/")
    assert key not in listing.content.decode()


def test_a_new_key_replaces_the_old_one_only_when_confirmed(curator_client, client):
    kiosk = make_kiosk(slug="hall")
    old = kiosk.rotate_device_key()
    page = f"/admin/exhibition/kiosk/{kiosk.pk}/device-key/"
    confirm = curator_client.get(page)
    assert confirm.status_code == 200
    assert "stops working at once" in confirm.content.decode()
    assert beat(client, "hall", old).status_code == 204  # a look changes nothing

    [(url, new)] = start_urls(curator_client.post(page))
    assert new != old and url.endswith(f"#key={new}")
    assert beat(client, "hall", old).status_code == 403
    assert LogEntry.objects.filter(
        object_id=str(kiosk.pk), change_message="Made a new device key."
    ).exists()


def test_a_kiosk_without_a_key_says_so_and_offers_to_make_one(curator_client):
    kiosk = make_kiosk(slug="old")
    html = curator_client.get(f"/admin/exhibition/kiosk/{kiosk.pk}/change/")
    assert "heartbeats are refused" in html.content.decode()
    assert "Make a device key" in html.content.decode()


def test_the_list_action_makes_new_keys_for_the_chosen_kiosks(curator_client, client):
    first, second, untouched = (make_kiosk(slug=s) for s in ("k1", "k2", "k3"))
    kept = untouched.rotate_device_key()
    response = curator_client.post(
        "/admin/exhibition/kiosk/",
        {
            "action": "make_new_device_keys",
            "_selected_action": [first.pk, second.pk],
        },
    )
    made = {
        url.split("/kiosk/")[1].split("/")[0]: key for url, key in start_urls(response)
    }
    assert set(made) == {"k1", "k2"}
    for slug, key in made.items():
        assert beat(client, slug, key).status_code == 204
    assert beat(client, "k3", kept).status_code == 204


def test_someone_who_may_only_view_kiosks_cannot_make_keys(django_user_model, client):
    viewer = django_user_model.objects.create_user(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_kiosk"))
    client.force_login(viewer)
    kiosk = make_kiosk(slug="hall")
    before = Kiosk.objects.get(pk=kiosk.pk).device_key_hash
    page = f"/admin/exhibition/kiosk/{kiosk.pk}/device-key/"
    assert client.get(page).status_code == 403
    assert client.post(page).status_code == 403
    assert Kiosk.objects.get(pk=kiosk.pk).device_key_hash == before


def test_the_key_pages_need_a_login(client):
    kiosk = make_kiosk(slug="hall")
    response = client.post(f"/admin/exhibition/kiosk/{kiosk.pk}/device-key/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert Kiosk.objects.get(pk=kiosk.pk).device_key_hash == ""
