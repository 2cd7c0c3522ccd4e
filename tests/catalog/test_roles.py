"""Each curator role can do its work in the admin and is refused the rest."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from catalog.models import Artifact, ObjectType, Status
from exhibition.roles import ROLES, sync_roles
from tests.catalog.admin_forms import form_values, post_change_form
from tests.factories import make_ready_artifact, make_section, term

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client, django_user_model):
    """Log in a staff member of ``role``; returns the client."""

    def as_role(role):
        user = django_user_model.objects.create_user(
            username=role.lower().replace(" ", "-"),
            password="not-a-real-password-42",
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return as_role


def change_url(record):
    return reverse("admin:catalog_artifact_change", args=[record.pk])


def group_perms(name):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
    }


# -- the matrix --------------------------------------------------------------------


def test_migrate_creates_the_four_role_groups_with_their_permissions():
    assert set(ROLES) <= set(Group.objects.values_list("name", flat=True))
    head = group_perms("Head curator")
    assert {"catalog.publish_artifact", "catalog.delete_artifact"} <= head
    assert "catalog.publish_artifact" not in group_perms("Curator")
    assert "catalog.submit_artifact" in group_perms("Curator")
    assert "exhibition.change_section" in group_perms("Curator")
    assert "catalog.submit_artifact" not in group_perms("Registrar")
    assert "catalog.add_artifact" in group_perms("Registrar")
    translator = group_perms("Translator")
    assert "catalog.translate_artifact" in translator
    assert "catalog.change_artifact" not in translator


def test_role_sync_is_idempotent_and_skips_permissions_that_do_not_exist():
    before = {name: group_perms(name) for name in ROLES}
    sync_roles()
    sync_roles()
    assert {name: group_perms(name) for name in ROLES} == before
    # exhibition.*_kiosk is listed for curators even before the Kiosk model exists.
    kiosk_exists = Permission.objects.filter(codename="change_kiosk").exists()
    assert ("exhibition.change_kiosk" in group_perms("Curator")) == kiosk_exists


def test_role_sync_puts_back_a_permission_removed_by_hand():
    group = Group.objects.get(name="Head curator")
    group.permissions.remove(Permission.objects.get(codename="publish_artifact"))
    sync_roles()
    assert "catalog.publish_artifact" in group_perms("Head curator")


# -- registrar ---------------------------------------------------------------------


def test_registrar_creates_a_record_which_starts_as_a_draft(login):
    client = login("Registrar")
    url = reverse("admin:catalog_artifact_add")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "accession_number": "R-1",
            "slug": "r-1",
            "object_type": term(ObjectType, "document").pk,
            "title_en": "Registered",
            "status": "published",  # ignored: status is not a form field
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "catalog-citation-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-citation-content_type-object_id-INITIAL_FORMS": "0",
            # The clips, which a registrar sees but does not add.
            "catalog-mediaitem-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-mediaitem-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Artifact.objects.get(slug="r-1").status == Status.DRAFT


def test_registrar_edits_but_cannot_publish_by_form_button_or_action(login):
    artifact = make_ready_artifact()
    client = login("Registrar")
    page = client.get(change_url(artifact)).content.decode()
    assert 'value="publish"' not in page
    assert 'name="status"' not in page

    post_change_form(
        client,
        change_url(artifact),
        {"title_en": "Edited", "status": "published", "_workflow": "publish"},
    )
    artifact.refresh_from_db()
    assert artifact.title_en == "Edited"
    assert artifact.status == Status.DRAFT

    changelist = reverse("admin:catalog_artifact_changelist")
    assert '<option value="publish">' not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "publish", "_selected_action": [artifact.pk]})
    artifact.refresh_from_db()
    assert artifact.status == Status.DRAFT


def test_registrar_cannot_submit_for_review_or_delete(login):
    artifact = make_ready_artifact()
    client = login("Registrar")
    post_change_form(client, change_url(artifact), {"_workflow": "submit"})
    artifact.refresh_from_db()
    assert artifact.status == Status.DRAFT
    delete = reverse("admin:catalog_artifact_delete", args=[artifact.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Artifact.objects.filter(pk=artifact.pk).exists()


# -- curator -----------------------------------------------------------------------


def test_curator_submits_for_review_and_is_recorded(login):
    artifact = make_ready_artifact()
    client = login("Curator")
    response = post_change_form(client, change_url(artifact), {"_workflow": "submit"})
    assert response.status_code == 302
    artifact.refresh_from_db()
    assert artifact.status == Status.REVIEW
    assert artifact.submitted_by.username == "curator"
    assert artifact.submitted_at is not None


def test_curator_cannot_publish_or_delete(login):
    artifact = make_ready_artifact(status=Status.REVIEW)
    client = login("Curator")
    post_change_form(client, change_url(artifact), {"_workflow": "publish"})
    artifact.refresh_from_db()
    assert artifact.status == Status.REVIEW
    delete = reverse("admin:catalog_artifact_delete", args=[artifact.pk])
    assert client.get(delete).status_code == 403


def test_curator_manages_sections(login):
    section = make_section()
    client = login("Curator")
    url = reverse("admin:exhibition_section_change", args=[section.pk])
    assert client.get(url).status_code == 200
    assert client.get(reverse("admin:exhibition_section_add")).status_code == 200


@pytest.mark.parametrize("role", ["Registrar", "Curator"])
def test_registrars_and_curators_can_import_a_collection(login, role):
    # An import writes drafts only (catalog.workflow): entering records is the
    # registrar's work, publishing them is not.
    url = reverse("admin:catalog_collectionimport_changelist")
    assert login(role).get(url).status_code == 200


def test_a_translator_cannot_open_the_import_page(login):
    url = reverse("admin:catalog_collectionimport_changelist")
    assert login("Translator").get(url).status_code == 403


# -- translator --------------------------------------------------------------------


def test_translator_sees_only_text_fields_as_inputs(login):
    artifact = make_ready_artifact()
    client = login("Translator")
    page = client.get(change_url(artifact)).content.decode()
    fields = form_values(page)
    assert "title_zh_hans" in fields and "description_en" in fields
    assert "images-0-alt_text_zh_hans" in fields
    for name in ("slug", "accession_number", "object_type", "year_from", "people"):
        assert name not in fields, name
    assert "images-0-image" not in page
    assert 'value="submit"' not in page


def test_translator_post_changes_text_but_never_other_fields(login):
    artifact = make_ready_artifact(slug="kept", year_from=1938)
    client = login("Translator")
    response = post_change_form(
        client,
        change_url(artifact),
        {
            "title_zh_hans": "新标题",
            "images-0-alt_text_en": "New alt",
            "slug": "hijacked",
            "accession_number": "X-999",
            "object_type": term(ObjectType, "medal").pk,
            "year_from": "1900",
            "disputed": "on",
            "status": "published",
            "publish_at_0": "2030-01-01",
            "publish_at_1": "10:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    artifact.refresh_from_db()
    assert artifact.title_zh_hans == "新标题"
    assert artifact.images.get().alt_text_en == "New alt"
    assert artifact.slug == "kept"
    assert artifact.accession_number.startswith("T-")
    assert artifact.object_type.code == "document"
    assert artifact.year_from == 1938
    assert artifact.disputed is False
    assert artifact.status == Status.DRAFT
    assert artifact.publish_at is None


def test_translator_cannot_add_delete_or_revert(login):
    artifact = make_ready_artifact()
    client = login("Translator")
    assert client.get(reverse("admin:catalog_artifact_add")).status_code == 403
    delete = reverse("admin:catalog_artifact_delete", args=[artifact.pk])
    assert client.get(delete).status_code == 403
    version = artifact.history.earliest()
    revert = reverse(
        "admin:catalog_artifact_simple_history", args=[artifact.pk, version.pk]
    )
    assert client.get(revert).status_code == 403
    history = reverse("admin:catalog_artifact_history", args=[artifact.pk])
    assert client.get(history).status_code == 200


# -- head curator ------------------------------------------------------------------


def test_head_curator_publishes_withdraws_and_deletes(login):
    artifact = make_ready_artifact(status=Status.REVIEW)
    client = login("Head curator")
    post_change_form(client, change_url(artifact), {"_workflow": "publish"})
    artifact.refresh_from_db()
    assert artifact.status == Status.PUBLISHED
    assert artifact.published_by.username == "head-curator"

    post_change_form(client, change_url(artifact), {"_workflow": "withdraw"})
    artifact.refresh_from_db()
    assert artifact.status == Status.WITHDRAWN
    assert artifact.withdrawn_by.username == "head-curator"

    delete = reverse("admin:catalog_artifact_delete", args=[artifact.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Artifact.objects.filter(pk=artifact.pk).exists()


def test_only_the_head_curator_may_delete_a_published_record(login, client):
    artifact = make_ready_artifact(status=Status.PUBLISHED)
    delete = reverse("admin:catalog_artifact_delete", args=[artifact.pk])
    for role in ("Registrar", "Curator", "Translator"):
        assert login(role).post(delete, {"post": "yes"}).status_code == 403
        client.logout()
    assert login("Head curator").post(delete, {"post": "yes"}).status_code == 302
    assert not Artifact.objects.filter(pk=artifact.pk).exists()
