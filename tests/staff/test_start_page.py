"""The admin's start page lists what is waiting for the person who signed in."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog.models import Artifact, Status
from exhibition.models import Kiosk, StaffPreference
from tests.factories import hang, make_exhibition, make_ready_artifact, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(django_user_model):
    def sign_in(role, name):
        user = django_user_model.objects.create_user(username=name, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        return client, user

    return sign_in


def start_page(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_head_curator_sees_what_waits_for_review_with_its_exhibition(signed_in):
    head, _user = signed_in("Head curator", "head")
    section = make_section(title_en="Rescue")
    waiting = make_ready_artifact(title_en="Rib shears", status=Status.REVIEW)
    hang(section, waiting)
    html = start_page(head)
    assert "In review, waiting for you to publish" in html
    assert "Rib shears" in html and section.exhibition.title in html


def test_a_registrar_is_not_asked_to_publish_but_sees_their_drafts(signed_in):
    registrar, user = signed_in("Registrar", "reg")
    make_ready_artifact(title_en="Someone's review", status=Status.REVIEW)
    url = reverse("admin:catalog_artifact_add")
    page = registrar.get(url)
    assert page.status_code == 200
    draft = make_ready_artifact(title_en="My own draft")
    draft.history.update(history_user=user)
    html = start_page(registrar)
    assert "waiting for you to publish" not in html
    assert "My own draft" in html and "Someone&#x27;s review" not in html


def test_records_changed_since_the_last_visit_are_listed(signed_in):
    head, user = signed_in("Head curator", "head")
    StaffPreference.objects.update_or_create(
        user=user, defaults={"previous_visit": timezone.now() - timedelta(days=1)}
    )
    make_ready_artifact(title_en="Changed yesterday by a colleague")
    Artifact.objects.filter(title_en__startswith="Changed").update(
        updated_at=timezone.now() - timedelta(hours=2)
    )
    html = start_page(head)
    assert "Changed by others since your last visit" in html
    assert "Changed yesterday by a colleague" in html


def test_logging_in_moves_the_visit_on(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="v", password="not-a-real-password-42", is_staff=True
    )
    client.login(username="v", password="not-a-real-password-42")
    first = StaffPreference.objects.get(user=user).this_visit
    client.logout()
    client.login(username="v", password="not-a-real-password-42")
    preference = StaffPreference.objects.get(user=user)
    assert preference.previous_visit == first and preference.this_visit > first


def test_kiosks_not_heard_from_are_on_the_start_page(signed_in):
    head, _user = signed_in("Head curator", "head")
    Kiosk.objects.create(
        slug="hall", name_en="Hall screen", active=True, exhibition=make_exhibition()
    )
    html = start_page(head)
    assert "Kiosks not heard from" in html and "Hall screen" in html
