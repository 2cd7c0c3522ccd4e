"""Each role can manage the exhibition pieces its job needs: clips, featured
people, audio-guide stops and kiosk playlists (not only superusers)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from catalog.models import Status
from tests.catalog.admin_forms import inline_prefixes
from tests.factories import make_artifact, make_clip, make_exhibition, make_kiosk

pytestmark = pytest.mark.django_db

CLIPS = "catalog-mediaitem-content_type-object_id"


def signed_in(django_user_model, role):
    user = django_user_model.objects.create_user(
        username=role.lower().replace(" ", "-"), is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, response.status_code
    return response.content.decode()


@pytest.mark.parametrize("role", ["Curator", "Head curator"])
def test_curators_add_and_change_clips_on_a_drafts_page(django_user_model, role):
    artifact = make_artifact(status=Status.DRAFT)
    clip = make_clip(artifact)
    client = signed_in(django_user_model, role)
    html = page(client, "admin:catalog_artifact_change", artifact.pk)
    assert CLIPS in inline_prefixes(html)
    assert f'name="{CLIPS}-0-title_en"' in html
    html = page(client, "admin:catalog_mediaitem_change", clip.pk)
    assert 'name="transcript_en"' in html


@pytest.mark.parametrize("role", ["Registrar", "Translator"])
def test_registrars_and_translators_see_clips_without_changing_them(
    django_user_model, role
):
    clip = make_clip(make_artifact(status=Status.DRAFT))
    client = signed_in(django_user_model, role)
    html = page(client, "admin:catalog_mediaitem_change", clip.pk)
    assert 'name="transcript_en"' not in html


def test_a_curator_may_not_change_a_published_records_clip(django_user_model):
    clip = make_clip(make_artifact(status=Status.PUBLISHED))
    client = signed_in(django_user_model, "Curator")
    html = page(client, "admin:catalog_mediaitem_change", clip.pk)
    assert 'name="transcript_en"' not in html


def test_a_head_curator_manages_featured_people_and_audio_stops(django_user_model):
    exhibition = make_exhibition()
    client = signed_in(django_user_model, "Head curator")
    html = page(client, "admin:exhibition_exhibition_change", exhibition.pk)
    prefixes = inline_prefixes(html)
    assert "featured" in prefixes
    assert "audio_stops" in prefixes


def test_a_curator_manages_kiosk_playlists(django_user_model):
    kiosk = make_kiosk()
    client = signed_in(django_user_model, "Curator")
    html = page(client, "admin:exhibition_kiosk_change", kiosk.pk)
    assert "playlist" in inline_prefixes(html)
