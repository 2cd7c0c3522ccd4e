"""exhibition/admin/publish_with_sections.py: a head curator publishes an
exhibition and its ready sections with one button, each by the workflow's rule;
a section that is not ready stays as it was, and the page says why."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from catalog.models import Status
from tests.catalog.admin_forms import form_values
from tests.factories import hang, make_artifact, make_exhibition, make_section

pytestmark = pytest.mark.django_db

BUTTON = 'name="_workflow" value="publish_with_sections"'


def signed_in(django_user_model, role, *extra_permissions):
    user = django_user_model.objects.create_user(
        username=role.lower().replace(" ", "-"), is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    for codename in extra_permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return client


def change_url(exhibition):
    return reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])


def publish_with_sections(client, exhibition):
    """Open the exhibition's form and press the button (posted as a browser
    would, whether or not the page shows it)."""
    url = change_url(exhibition)
    values = form_values(client.get(url).content.decode())
    values["_workflow"] = "publish_with_sections"
    response = client.post(url, values, follow=True)
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)]


def seen_by_visitors(obj):
    return Client().get(obj.get_absolute_url()).status_code == 200


@pytest.fixture
def draft_exhibition():
    exhibition = make_exhibition(status=Status.DRAFT, title_en="Harbour")
    hung = make_section(exhibition, status=Status.DRAFT, title_en="Arrival")
    hang(hung, make_artifact())  # published, complete
    make_section(exhibition, status=Status.REVIEW, title_en="Departure")
    return exhibition


def test_a_head_curator_publishes_an_exhibition_with_its_sections(
    django_user_model, draft_exhibition
):
    client = signed_in(django_user_model, "Head curator")
    assert BUTTON in client.get(change_url(draft_exhibition)).content.decode()
    shown = publish_with_sections(client, draft_exhibition)
    draft_exhibition.refresh_from_db()
    sections = list(draft_exhibition.sections.order_by("position"))
    assert draft_exhibition.status == Status.PUBLISHED
    assert [section.status for section in sections] == [Status.PUBLISHED] * 2
    assert seen_by_visitors(draft_exhibition)
    assert all(seen_by_visitors(section) for section in sections)
    assert "“Harbour” is now published." in shown
    assert "2 sections published with it: Arrival, Departure." in shown
    # Nothing left to publish: no button.
    assert BUTTON not in client.get(change_url(draft_exhibition)).content.decode()


def test_a_section_that_is_not_ready_stays_unpublished_and_the_page_says_why(
    django_user_model, draft_exhibition
):
    lacking = make_section(draft_exhibition, status=Status.DRAFT, title_en="Quay")
    hang(lacking, make_artifact(status=Status.DRAFT, description_en=""))
    client = signed_in(django_user_model, "Head curator")
    shown = publish_with_sections(client, draft_exhibition)
    lacking.refresh_from_db()
    assert lacking.status == Status.DRAFT
    assert not seen_by_visitors(lacking)
    assert (
        "“Quay” was not published: 1 record in it lacks what publishing needs." in shown
    )
    draft_exhibition.refresh_from_db()
    assert draft_exhibition.status == Status.PUBLISHED
    assert draft_exhibition.sections.filter(status=Status.PUBLISHED).count() == 2


def test_a_withdrawn_section_stays_withdrawn(django_user_model, draft_exhibition):
    withdrawn = make_section(
        draft_exhibition, status=Status.WITHDRAWN, title_en="Old wing"
    )
    client = signed_in(django_user_model, "Head curator")
    shown = publish_with_sections(client, draft_exhibition)
    withdrawn.refresh_from_db()
    assert withdrawn.status == Status.WITHDRAWN
    assert any("“Old wing” stays withdrawn" in message for message in shown)


def test_someone_who_may_not_publish_publishes_nothing(
    django_user_model, draft_exhibition
):
    # Allowed to edit the exhibition, not to publish it or its sections.
    client = signed_in(django_user_model, "Curator", "change_exhibition")
    page = client.get(change_url(draft_exhibition)).content.decode()
    assert BUTTON not in page
    shown = publish_with_sections(client, draft_exhibition)
    assert "You may not publish exhibitions." in shown
    draft_exhibition.refresh_from_db()
    assert draft_exhibition.status == Status.DRAFT
    assert not draft_exhibition.sections.filter(status=Status.PUBLISHED).exists()
    assert not seen_by_visitors(draft_exhibition)
