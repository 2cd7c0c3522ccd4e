"""exhibition/admin/kiosks.py: a kiosk's playlist is built on its own form."""

import pytest
from django.urls import reverse

from tests.catalog.admin_forms import post_with_new_row
from tests.factories import make_artifact, make_kiosk, make_photograph

pytestmark = pytest.mark.django_db


def test_a_record_added_to_a_kiosks_playlist_plays_after_the_others(admin_client):
    kiosk = make_kiosk()
    artifact, photograph = make_artifact(), make_photograph()
    kiosk.playlist.create(artifact=artifact, position=4)
    url = reverse("admin:exhibition_kiosk_change", args=[kiosk.pk])
    response = post_with_new_row(
        admin_client, url, "playlist", {"photograph": photograph.pk}
    )
    assert response.status_code == 302
    playlist = kiosk.playlist.order_by("position")
    assert [item.record for item in playlist] == [artifact, photograph]
    assert playlist[1].position == 5 and playlist[1].kiosk == kiosk
