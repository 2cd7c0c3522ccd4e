"""An import moves a record's status only as the admin would let its user move it,
and changes a published record only if its user may publish."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog import scheduling, workflow
from catalog.models import Status
from tests.factories import make_ready_artifact, make_ready_photograph

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
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


def rows_csv(rows):
    header = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def import_page(user, rows):
    """Post ``rows`` to the admin's import page as ``user``; the page, streamed."""
    client = Client()
    client.force_login(user)
    response = client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {"csv_file": SimpleUploadedFile("rows.csv", rows_csv(rows))},
    )
    return b"".join(response.streaming_content).decode()


def public_status(record):
    return Client().get(record.get_absolute_url()).status_code


@pytest.mark.parametrize("status", ["draft", "review"])
def test_a_curators_import_cannot_take_a_published_record_off_the_site(
    staff, head, status
):
    artifact = make_ready_artifact(accession_number="IF-A-006")
    workflow.publish(artifact, head)
    page = import_page(
        staff("Curator"),
        [{"kind": "artifact", "accession_number": "IF-A-006", "status": status}],
    )
    assert "nothing was imported" in page
    assert "You may not move a record from published to" in page
    artifact.refresh_from_db()
    assert artifact.status == Status.PUBLISHED
    assert public_status(artifact) == 200


@pytest.mark.parametrize("role", ["Curator", "Head curator"])
@pytest.mark.parametrize("status", ["published", "withdrawn"])
def test_an_import_never_publishes_or_withdraws(staff, head, role, status):
    """Publishing checks the record and names the head curator: the admin's job."""
    draft = make_ready_artifact(accession_number="D-1")
    published = make_ready_artifact(accession_number="P-1")
    workflow.publish(published, head)
    user = head if role == "Head curator" else staff(role)
    page = import_page(
        user,
        [
            {"kind": "artifact", "accession_number": "D-1", "status": status},
            {"kind": "artifact", "accession_number": "P-1", "status": status},
        ],
    )
    assert "nothing was imported" in page
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert published.status == Status.PUBLISHED


def test_a_curators_import_submits_a_draft_for_review_and_is_recorded(staff):
    artifact = make_ready_artifact(accession_number="D-1")
    curator = staff("Curator")
    page = import_page(
        curator, [{"kind": "artifact", "accession_number": "D-1", "status": "review"}]
    )
    assert "artifact: 1 updated" in page
    artifact.refresh_from_db()
    assert artifact.status == Status.REVIEW
    assert artifact.submitted_by == curator


def test_a_curators_import_cannot_send_a_record_in_review_back_to_draft(staff):
    artifact = make_ready_artifact(accession_number="R-1", status=Status.REVIEW)
    page = import_page(
        staff("Curator"),
        [{"kind": "artifact", "accession_number": "R-1", "status": "draft"}],
    )
    assert "You may not move a record from in review to draft by import." in page
    artifact.refresh_from_db()
    assert artifact.status == Status.REVIEW


def test_a_curators_import_cannot_change_a_published_records_text(staff, head):
    artifact = make_ready_artifact(accession_number="P-1", title_en="Reviewed")
    workflow.publish(artifact, head)
    page = import_page(
        staff("Curator"),
        [{"kind": "artifact", "accession_number": "P-1", "title_en": "Unreviewed"}],
    )
    assert "Only a head curator may change a published record." in page
    artifact.refresh_from_db()
    assert artifact.title_en == "Reviewed"


def test_a_head_curators_import_changes_a_published_records_text(head):
    artifact = make_ready_artifact(accession_number="P-1", title_en="Old")
    workflow.publish(artifact, head)
    page = import_page(
        head, [{"kind": "artifact", "accession_number": "P-1", "title_en": "New"}]
    )
    assert "artifact: 1 updated" in page
    artifact.refresh_from_db()
    assert artifact.title_en == "New" and artifact.status == Status.PUBLISHED


def test_an_import_cannot_forge_an_approval(staff, head):
    photograph = make_ready_photograph(slug="clinic")
    page = import_page(
        staff("Curator"),
        [
            {
                "kind": "photograph",
                "slug": "clinic",
                "publish_at": (timezone.now() - timedelta(minutes=1)).isoformat(),
                "reviewed_by": head.username,
            }
        ],
    )
    assert "an import may not change it" in page
    photograph.refresh_from_db()
    assert photograph.publish_at is None and photograph.reviewed_by is None


def test_a_curators_import_cancels_a_scheduled_approval(staff, head):
    photograph = make_ready_photograph(slug="clinic", caption_en="Approved")
    workflow.schedule(photograph, head, timezone.now() - timedelta(minutes=1))
    page = import_page(
        staff("Curator"),
        [{"kind": "photograph", "slug": "clinic", "caption_en": "Unreviewed"}],
    )
    assert "photograph: 1 updated" in page
    photograph.refresh_from_db()
    assert photograph.publish_at is None
    assert scheduling.publish_due().published == []
    assert public_status(photograph) == 404
