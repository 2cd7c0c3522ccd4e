"""Printing from the admin: actions on lists, a link on change pages; drafts never."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from catalog.models import Status
from tests.factories import (
    hang,
    make_artifact,
    make_exhibition,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db


def act(client, model, action, objects):
    return client.post(
        reverse(f"admin:{model}_changelist"),
        {"action": action, "_selected_action": [o.pk for o in objects]},
    )


def said(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_artifact_action_downloads_their_labels(curator_client, poppler):
    artifacts = [make_artifact(), make_artifact()]
    response = act(
        curator_client, "catalog_artifact", "print_labels_panel_a4", artifacts
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_a_draft_among_the_chosen_is_refused_with_a_message(curator_client):
    ready, draft = make_photograph(), make_photograph(status=Status.DRAFT)
    response = act(
        curator_client, "catalog_photograph", "print_labels_panel_a4", [ready, draft]
    )
    assert response.status_code == 302
    assert any("Not published" in m and str(draft) in m for m in said(response))


def test_sections_and_exhibitions_print_in_each_panel_size(curator_client, poppler):
    section = make_section()
    hang(section, make_artifact())
    for action in ("print_labels_panel_a4", "print_labels_panel_a3"):
        response = act(curator_client, "exhibition_section", action, [section])
        assert response["Content-Type"] == "application/pdf"
    response = act(
        curator_client,
        "exhibition_exhibition",
        "print_labels_panel_a3",
        [section.exhibition],
    )
    assert response["Content-Type"] == "application/pdf"


def test_a_draft_exhibition_is_refused(curator_client):
    response = act(
        curator_client,
        "exhibition_exhibition",
        "print_labels_panel_a4",
        [make_exhibition(status=Status.DRAFT)],
    )
    assert any("Not published" in m for m in said(response))


def test_a_published_record_s_change_page_links_to_its_label(curator_client, poppler):
    artifact = make_artifact()
    page = curator_client.get(
        reverse("admin:catalog_artifact_change", args=[artifact.pk])
    )
    link = reverse("labels-admin:print", args=["artifact", artifact.pk])
    assert link in page.content.decode()
    response = curator_client.get(link)
    assert response["Content-Type"] == "application/pdf"


def test_a_section_s_change_page_links_to_its_panel(curator_client):
    section = make_section()
    page = curator_client.get(
        reverse("admin:exhibition_section_change", args=[section.pk])
    )
    assert (
        reverse("labels-admin:print", args=["section", section.pk])
        in page.content.decode()
    )


def test_a_draft_has_no_link_and_its_address_sends_back_with_the_reason(curator_client):
    draft = make_artifact(status=Status.DRAFT)
    change = reverse("admin:catalog_artifact_change", args=[draft.pk])
    link = reverse("labels-admin:print", args=["artifact", draft.pk])
    assert link not in curator_client.get(change).content.decode()
    response = curator_client.get(link)
    assert response["Location"] == change
    assert any("Not published" in m for m in said(response))


def test_printing_needs_a_signed_in_curator(client, django_user_model):
    artifact = make_artifact()
    link = reverse("labels-admin:print", args=["artifact", artifact.pk])
    assert client.get(link).status_code == 302  # to the login page
    staff = django_user_model.objects.create_user(username="guest", is_staff=True)
    client.force_login(staff)
    assert client.get(link).status_code == 403
