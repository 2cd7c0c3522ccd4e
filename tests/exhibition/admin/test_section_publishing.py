"""A section goes in front of the public only by a head curator, as a record does:
its status field offers a curator only what the workflow's rule allows."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from catalog.models import Status
from tests.catalog.admin_forms import form_values, post_change_form
from tests.factories import make_exhibition, make_section

pytestmark = pytest.mark.django_db


def signed_in(django_user_model, role):
    user = django_user_model.objects.create_user(
        username=role.lower().replace(" ", "-"), is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def change_url(section):
    return reverse("admin:exhibition_section_change", args=[section.pk])


def public_status(section):
    return Client().get(section.get_absolute_url()).status_code


def test_a_curator_cannot_publish_a_section_directly(django_user_model):
    section = make_section(make_exhibition(), status=Status.DRAFT)
    client = signed_in(django_user_model, "Curator")
    response = post_change_form(client, change_url(section), {"status": "published"})
    assert response.status_code == 200  # the form again, with the error
    section.refresh_from_db()
    assert section.status == Status.DRAFT
    assert public_status(section) == 404
    page = client.get(change_url(section)).content.decode()
    assert '<option value="published"' not in page
    assert '<option value="review"' in page


def test_a_curator_submits_a_section_for_review(django_user_model):
    section = make_section(make_exhibition(), status=Status.DRAFT)
    client = signed_in(django_user_model, "Curator")
    response = post_change_form(client, change_url(section), {"status": "review"})
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.status == Status.REVIEW


def test_a_curators_edit_of_a_published_section_never_goes_live(django_user_model):
    section = make_section(make_exhibition(), title_en="Reviewed")
    client = signed_in(django_user_model, "Curator")
    page = client.get(change_url(section)).content.decode()
    data = {**form_values(page), "title_en": "Unreviewed", "status": "draft"}
    assert client.post(change_url(section), data).status_code == 403
    section.refresh_from_db()
    assert section.title_en == "Reviewed"
    assert section.status == Status.PUBLISHED
    assert public_status(section) == 200


def test_a_head_curator_publishes_and_withdraws_a_section(
    django_user_model, django_capture_on_commit_callbacks
):
    section = make_section(make_exhibition(), status=Status.REVIEW)
    client = signed_in(django_user_model, "Head curator")
    post_change_form(client, change_url(section), {"status": "published"})
    section.refresh_from_db()
    assert section.status == Status.PUBLISHED
    assert public_status(section) == 200
    with django_capture_on_commit_callbacks(execute=True):  # the new version
        post_change_form(client, change_url(section), {"status": "withdrawn"})
    section.refresh_from_db()
    assert section.status == Status.WITHDRAWN
    assert public_status(section) == 404


def test_a_curator_cannot_publish_a_section_from_the_exhibitions_page(
    django_user_model,
):
    exhibition = make_exhibition()
    make_section(exhibition, status=Status.DRAFT)
    client = signed_in(django_user_model, "Curator")
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    page = client.get(url).content.decode()
    assert 'name="sections-0-status"' not in page
