"""Every change is kept, shown field by field, revertible; deletions are restorable."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.urls import reverse

from catalog import history
from catalog.models import Artifact, ArtifactImage, Citation, Person, Photograph
from tests.catalog.admin_forms import form_values, post_change_form
from tests.factories import (
    make_person,
    make_ready_artifact,
    make_ready_photograph,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_client(client, django_user_model):
    user = django_user_model.objects.create_user(username="boss", is_staff=True)
    user.groups.add(Group.objects.get(name="Head curator"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", [Artifact, ArtifactImage, Photograph, Person])
def test_historical_tables_have_both_language_columns(model):
    table = model.history.model._meta.db_table
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(cursor, table)
        }
    translated = {
        Artifact: "title",
        ArtifactImage: "alt_text",
        Photograph: "caption",
        Person: "summary",
    }[model]
    assert {f"{translated}_en", f"{translated}_zh_hans"} <= columns


def test_an_admin_edit_is_kept_with_who_and_what_changed(head_client):
    artifact = make_ready_artifact(title_zh_hans="旧标题")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    post_change_form(
        head_client, url, {"title_zh_hans": "新标题", "place_en": "Yan'an"}
    )

    latest, previous = artifact.history.order_by("-history_id")[:2]
    assert latest.history_user.username == "boss"
    changes = {c.field: (c.old, c.new) for c in latest.diff_against(previous).changes}
    assert changes["title_zh_hans"] == ("旧标题", "新标题")
    assert changes["place_en"][1] == "Yan'an"


def test_the_history_page_shows_the_changes_field_by_field(head_client):
    artifact = make_ready_artifact(title_en="Before")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    post_change_form(head_client, url, {"title_en": "After"})
    page = head_client.get(
        reverse("admin:catalog_artifact_history", args=[artifact.pk])
    ).content.decode()
    assert "Before" in page and "After" in page
    assert "boss" in page


def test_changes_of_people_are_kept_too():
    artifact = make_ready_artifact()
    person = make_person(slug="snow")
    artifact.people.add(person)
    latest = artifact.history.latest()
    assert [link.person_id for link in latest.people.all()] == [person.pk]


def test_a_version_can_be_reverted_from_the_admin(head_client):
    artifact = make_ready_artifact(title_en="Original")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    post_change_form(head_client, url, {"title_en": "Vandalised"})
    original = artifact.history.earliest()
    revert = reverse(
        "admin:catalog_artifact_simple_history", args=[artifact.pk, original.pk]
    )
    page = head_client.get(revert).content.decode()
    data = form_values(page)
    assert data["title_en"] == "Original"
    response = head_client.post(revert, data)
    assert response.status_code == 302
    artifact.refresh_from_db()
    assert artifact.title_en == "Original"


def test_a_deleted_published_record_is_listed_and_restored_whole(head_client):
    artifact = make_ready_artifact(title_en="Rib shears")
    person = make_person()
    artifact.people.add(person)
    workflow_publish(artifact)
    image_names = list(artifact.images.values_list("image", flat=True))
    pk = artifact.pk

    delete = reverse("admin:catalog_artifact_delete", args=[pk])
    assert head_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Artifact.objects.filter(pk=pk).exists()
    assert not Citation.objects.filter(object_id=pk).exists()

    deleted = reverse("admin:catalog_artifact_deleted")
    page = head_client.get(deleted).content.decode()
    assert "Rib shears" in page
    assert reverse("admin:catalog_artifact_history", args=[pk]) in page

    restore = reverse("admin:catalog_artifact_restore", args=[pk])
    response = head_client.post(restore)
    assert response.status_code == 302
    restored = Artifact.objects.get(pk=pk)
    assert restored.title_en == "Rib shears"
    assert restored.status == "published"
    assert list(restored.people.all()) == [person]
    assert restored.citations.count() == 1
    assert list(restored.images.values_list("image", flat=True)) == image_names
    assert restore not in head_client.get(deleted).content.decode()


def test_a_deleted_photograph_history_view_still_works(head_client):
    photograph = make_ready_photograph(title_en="Gone")
    pk = photograph.pk
    photograph.delete()
    page = head_client.get(reverse("admin:catalog_photograph_history", args=[pk]))
    assert page.status_code == 200
    assert list(history.deleted_records(Photograph).values_list("id", flat=True)) == [
        pk
    ]


def test_only_the_head_curator_may_restore(client, django_user_model):
    photograph = make_ready_photograph()
    pk = photograph.pk
    photograph.delete()
    user = django_user_model.objects.create_user(username="reg", is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    client.force_login(user)
    restore = reverse("admin:catalog_photograph_restore", args=[pk])
    assert client.post(restore).status_code == 403
    assert not Photograph.objects.filter(pk=pk).exists()


def workflow_publish(record):
    from django.contrib.auth import get_user_model

    from catalog import workflow

    head = get_user_model().objects.get(username="boss")
    workflow.publish(record, head)
