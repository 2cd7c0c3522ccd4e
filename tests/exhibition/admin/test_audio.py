"""exhibition/admin/audio.py: audio-guide stops are numbered on their exhibition."""

import pytest
from django.urls import reverse

from exhibition.models import AudioStop
from tests.catalog.admin_forms import post_with_new_row
from tests.factories import make_artifact, make_clip, make_exhibition

pytestmark = pytest.mark.django_db


def test_a_stop_added_on_the_exhibitions_form_keeps_its_number(admin_client):
    exhibition = make_exhibition()
    clip = make_clip(make_artifact())
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    response = post_with_new_row(
        admin_client, url, "audio_stops", {"number": "12", "media": clip.pk}
    )
    assert response.status_code == 302
    stop = AudioStop.objects.get(exhibition=exhibition)
    assert (stop.number, stop.media) == (12, clip)
