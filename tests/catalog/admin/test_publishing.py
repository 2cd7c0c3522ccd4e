"""catalog/admin/publishing.py: a new record's first save is enough to send it on
(no second save before the workflow buttons appear)."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from catalog.models import Artifact, ObjectType, Status
from tests.catalog.admin_forms import form_values
from tests.factories import term

pytestmark = pytest.mark.django_db
ADD = "admin:catalog_artifact_add"


@pytest.fixture
def member(django_user_model):
    def sign_in(role):
        user = django_user_model.objects.create_user(
            role.lower().replace(" ", "-"), is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        return client

    return sign_in


def buttons(html):
    return [
        value
        for value in ("submit", "publish", "return_to_draft", "withdraw")
        if f'name="_workflow" value="{value}"' in html
    ]


@pytest.mark.parametrize(
    ("role", "offered"),
    [("Curator", ["submit"]), ("Head curator", ["submit", "publish"])],
)
def test_the_add_form_offers_the_workflow_buttons_the_person_may_use(
    member, role, offered
):
    html = member(role).get(reverse(ADD)).content.decode()
    assert buttons(html) == offered


def new_artifact(client, **extra):
    html = client.get(reverse(ADD)).content.decode()
    values = form_values(html)
    values.update(
        {
            "accession_number": "N-0001",
            "slug": "new-bowl",
            "object_type": term(ObjectType, "document").pk,
            "title_en": "New bowl",
            "title_zh_hans": "新碗",
            **extra,
        }
    )
    return client.post(reverse(ADD), values, follow=True)


def test_a_new_record_is_sent_for_review_by_its_first_save(member):
    response = new_artifact(member("Curator"), _workflow="submit")
    artifact = Artifact.objects.get(slug="new-bowl")
    assert artifact.status == Status.REVIEW
    # The curator lands on the record, not on the list.
    change = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    assert response.redirect_chain[-1][0] == change
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("is now in review" in message for message in shown), shown


def test_an_incomplete_new_record_is_saved_as_a_draft_and_says_what_is_missing(
    member,
):
    response = new_artifact(member("Head curator"), _workflow="publish")
    artifact = Artifact.objects.get(slug="new-bowl")
    assert artifact.status == Status.DRAFT
    html = response.content.decode()
    assert "was saved but not moved on" in html
    assert "publish" in buttons(html)  # on its change page, to try again
