"""Only a head curator puts a record in front of the public or takes it away,
whichever admin page is used: the change form, a revert from the history."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog import workflow
from catalog.models import Artifact, Status
from tests.catalog.admin_forms import form_values, post_change_form
from tests.factories import make_ready_artifact, make_ready_photograph

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    """``staff("Registrar")``: a staff user in that role group."""

    def make(role):
        user = django_user_model.objects.create_user(
            username=role.lower().replace(" ", "-"), is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


@pytest.fixture
def head(staff):
    return staff("Head curator")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def public_status(record):
    return Client().get(record.get_absolute_url()).status_code


def change_url(record):
    name = record._meta.model_name
    return reverse(f"admin:catalog_{name}_change", args=[record.pk])


def revert_url(record, version):
    name = record._meta.model_name
    return reverse(f"admin:catalog_{name}_simple_history", args=[record.pk, version.pk])


def published_version(record):
    return record.history.filter(status=Status.PUBLISHED).latest("history_date")


# -- a revert restores content, never the workflow state ---------------------------


@pytest.mark.parametrize("role", ["Registrar", "Curator"])
def test_a_revert_to_a_published_version_does_not_republish_a_withdrawn_record(
    staff, head, role
):
    artifact = make_ready_artifact(title_en="As published")
    workflow.publish(artifact, head)
    version = published_version(artifact)
    workflow.withdraw(artifact, head)
    assert public_status(artifact) == 404

    client = signed_in(staff(role))
    url = revert_url(artifact, version)
    response = client.post(url, form_values(client.get(url).content.decode()))

    assert response.status_code == 302
    artifact.refresh_from_db()
    assert artifact.status == Status.WITHDRAWN
    assert artifact.withdrawn_by == head
    assert public_status(artifact) == 404


def test_a_head_curators_revert_restores_the_text_and_keeps_the_status(head):
    artifact = make_ready_artifact(title_en="As published")
    workflow.publish(artifact, head)
    version = published_version(artifact)
    workflow.withdraw(artifact, head)
    Artifact.objects.filter(pk=artifact.pk).update(title_en="Later")

    client = signed_in(head)
    url = revert_url(artifact, version)
    client.post(url, form_values(client.get(url).content.decode()))

    artifact.refresh_from_db()
    assert artifact.title_en == "As published"
    assert artifact.status == Status.WITHDRAWN
    assert artifact.withdrawn_at is not None


@pytest.mark.parametrize("role", ["Registrar", "Curator"])
def test_a_revert_of_a_published_record_by_someone_who_may_not_publish_is_refused(
    staff, head, role
):
    artifact = make_ready_artifact(title_en="First")
    workflow.publish(artifact, head)
    first = published_version(artifact)
    post_change_form(signed_in(head), change_url(artifact), {"title_en": "Second"})

    client = signed_in(staff(role))
    url = revert_url(artifact, first)
    page = client.get(url).content.decode()
    assert 'name="_save"' not in page  # no Revert button
    assert client.post(url, form_values(page)).status_code == 403
    artifact.refresh_from_db()
    assert artifact.title_en == "Second"
    assert artifact.status == Status.PUBLISHED


# -- an edit of a published record is a head curator's -------------------------------


@pytest.mark.parametrize("role", ["Registrar", "Curator", "Translator"])
def test_an_edit_of_a_published_record_by_someone_who_may_not_publish_never_goes_live(
    staff, head, role
):
    artifact = make_ready_artifact(title_en="Reviewed title")
    workflow.publish(artifact, head)
    client = signed_in(staff(role))
    url = change_url(artifact)

    page = client.get(url).content.decode()
    data = {**form_values(page), "title_en": "Unreviewed title"}
    assert client.post(url, data).status_code == 403
    artifact.refresh_from_db()
    assert artifact.title_en == "Reviewed title"
    assert artifact.status == Status.PUBLISHED
    assert "Unreviewed title" not in Client().get(artifact.get_absolute_url()).text
    # The form says why it is read-only.
    assert "only a head curator may change what visitors see" in page
    assert 'name="title_en"' not in page


def test_a_head_curators_edit_of_a_published_record_goes_live(head):
    artifact = make_ready_artifact(title_en="Old title")
    workflow.publish(artifact, head)
    response = post_change_form(
        signed_in(head), change_url(artifact), {"title_en": "Corrected title"}
    )
    assert response.status_code == 302
    assert "Corrected title" in Client().get(artifact.get_absolute_url()).text


def test_a_published_records_images_are_read_only_to_a_registrar(staff, head):
    artifact = make_ready_artifact()
    workflow.publish(artifact, head)
    page = signed_in(staff("Registrar")).get(change_url(artifact)).content.decode()
    assert 'name="images-0-alt_text_en"' not in page
    assert 'name="images-0-DELETE"' not in page


# -- an approval is of the version approved ------------------------------------------


def test_a_registrars_edit_after_a_scheduled_approval_is_not_published_unreviewed(
    staff, head
):
    photograph = make_ready_photograph(caption_en="Approved caption")
    workflow.schedule(photograph, head, timezone.now() - timedelta(minutes=1))

    client = signed_in(staff("Registrar"))
    response = post_change_form(
        client, change_url(photograph), {"caption_en": "Unreviewed caption"}
    )
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("scheduled publication" in m and "cancelled" in m for m in messages)

    call_command("publish_scheduled", stdout=StringIO(), stderr=StringIO())
    photograph.refresh_from_db()
    assert photograph.status != Status.PUBLISHED
    assert photograph.publish_at is None
    assert photograph.published_by is None
    assert public_status(photograph) == 404


def test_a_head_curators_edit_keeps_the_schedule_in_their_name(head):
    photograph = make_ready_photograph()
    workflow.schedule(photograph, head, timezone.now())
    other = Group.objects.get(name="Head curator").user_set.create(
        username="other-head", is_staff=True
    )
    post_change_form(signed_in(other), change_url(photograph), {"caption_en": "Fixed"})
    photograph.refresh_from_db()
    assert photograph.publish_at is not None
    assert photograph.reviewed_by == other


def test_the_scheduler_refuses_a_version_changed_after_approval_and_says_why(
    staff, head
):
    """Whatever path changed it (here a save outside the admin)."""
    photograph = make_ready_photograph(caption_en="Approved caption")
    due = timezone.now() - timedelta(minutes=1)
    workflow.schedule(photograph, head, due)
    photograph.caption_en = "Unreviewed caption"
    photograph._history_user = staff("Registrar")
    photograph.save()

    err = StringIO()
    call_command("publish_scheduled", stdout=StringIO(), stderr=err)
    photograph.refresh_from_db()
    assert photograph.status != Status.PUBLISHED
    assert "Changed by registrar after it was approved" in err.getvalue()


def test_the_scheduler_refuses_an_approval_by_someone_who_may_not_publish(staff):
    photograph = make_ready_photograph()
    photograph.publish_at = timezone.now() - timedelta(minutes=1)
    photograph.reviewed_by = staff("Curator")
    photograph.reviewed_at = timezone.now() - timedelta(hours=1)
    photograph.save()
    err = StringIO()
    call_command("publish_scheduled", stdout=StringIO(), stderr=err)
    photograph.refresh_from_db()
    assert photograph.status == Status.DRAFT
    assert "No one who may publish it approved it." in err.getvalue()
