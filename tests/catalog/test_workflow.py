"""Draft → review → published → withdrawn, and what blocks publishing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalog import readiness, scheduling, workflow
from catalog.models import Artifact, ArtifactImage, Person, Photograph, Status
from tests.catalog.admin_forms import post_change_form
from tests.factories import (
    cite,
    make_artifact,
    make_ready_artifact,
    make_ready_person,
    make_ready_photograph,
    uploaded_image,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def head(django_user_model):
    user = django_user_model.objects.create_user(username="head", is_staff=True)
    user.groups.add(Group.objects.get(name="Head curator"))
    return user


@pytest.fixture
def curator_user(django_user_model):
    user = django_user_model.objects.create_user(username="cur", is_staff=True)
    user.groups.add(Group.objects.get(name="Curator"))
    return user


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


# -- readiness -----------------------------------------------------------------------


def test_an_incomplete_artifact_lists_exactly_what_is_missing_per_language():
    artifact = make_artifact(
        status=Status.DRAFT, description_en="Text", rights_en="CC0", title_zh_hans=""
    )
    ArtifactImage.objects.create(
        artifact=artifact,
        image=uploaded_image(),
        alt_text_en="Back",
        position=1,
    )
    assert readiness.missing(artifact) == [
        "Chinese: the title is missing.",
        "Chinese: the description is missing.",
        "Chinese: the rights statement is missing.",
        "Chinese: image 2 has no alt text.",
        "No citation: add at least one source.",
    ]


def test_photograph_needs_caption_and_alt_text_in_both_languages():
    photograph = make_ready_photograph(caption_zh_hans="", alt_text_en="")
    assert readiness.missing(photograph) == [
        "English: the image has no alt text.",
        "Chinese: the caption is missing.",
    ]


def test_person_needs_a_summary_or_full_text_in_each_language():
    person = make_ready_person(summary_zh_hans="", body_zh_hans="")
    assert readiness.missing(person) == [
        "Chinese: the summary (or full text) is missing."
    ]
    person.body_zh_hans = "全文"
    assert readiness.missing(person) == []


@pytest.mark.parametrize(
    "factory", [make_ready_artifact, make_ready_photograph, make_ready_person]
)
def test_complete_records_have_nothing_missing(factory):
    assert readiness.missing(factory()) == []


# -- transitions ---------------------------------------------------------------------


def test_the_whole_path_records_who_and_when(head, curator_user):
    artifact = make_ready_artifact()
    assert workflow.submit(artifact, curator_user) == []
    assert artifact.status == Status.REVIEW
    assert artifact.submitted_by == curator_user

    workflow.return_to_draft(artifact, head)
    assert artifact.status == Status.DRAFT and artifact.reviewed_by == head

    workflow.submit(artifact, curator_user)
    workflow.publish(artifact, head)
    artifact.refresh_from_db()
    assert artifact.status == Status.PUBLISHED
    assert artifact.published_by == head and artifact.published_at is not None
    assert artifact.reviewed_by == head

    workflow.withdraw(artifact, head)
    artifact.refresh_from_db()
    assert artifact.status == Status.WITHDRAWN and artifact.withdrawn_by == head


def test_publishing_an_incomplete_record_is_refused_with_its_problems(head):
    artifact = make_ready_artifact(description_zh_hans="")
    with pytest.raises(workflow.WorkflowError) as refused:
        workflow.publish(artifact, head)
    assert refused.value.problems == ["Chinese: the description is missing."]
    artifact.refresh_from_db()
    assert artifact.status == Status.DRAFT


def test_curators_may_not_publish(curator_user):
    with pytest.raises(workflow.WorkflowError, match="may not publish"):
        workflow.publish(make_ready_artifact(), curator_user)


def test_submitting_an_incomplete_record_works_and_says_what_is_missing(curator_user):
    artifact = make_ready_artifact(rights_zh_hans="")
    assert workflow.submit(artifact, curator_user) == [
        "Chinese: the rights statement is missing."
    ]
    assert artifact.status == Status.REVIEW


def test_each_transition_is_kept_in_the_history_with_its_user(head):
    artifact = make_ready_artifact()
    workflow.publish(artifact, head)
    latest = artifact.history.latest()
    assert latest.status == Status.PUBLISHED
    assert latest.history_user == head
    assert latest.history_change_reason == "published"


# -- admin: change form and bulk actions -----------------------------------------------


def test_change_form_lists_the_missing_items_and_offers_a_preview(curator_client):
    artifact = make_ready_artifact(slug="draft-one", description_zh_hans="")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    page = curator_client.get(url).content.decode()
    assert "Before this record can be published:" in page
    assert "Chinese: the description is missing." in page
    assert "Preview on site" in page
    assert 'href="/artifacts/draft-one/"' in page
    preview = curator_client.get("/artifacts/draft-one/")
    assert preview.status_code == 200


def test_publish_button_refuses_and_names_the_problems(curator_client):
    artifact = make_ready_artifact(rights_zh_hans="")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    response = post_change_form(curator_client, url, {"_workflow": "publish"})
    assert response.status_code == 302
    shown = messages_of(response)
    assert any("was saved but not moved on" in message for message in shown)
    assert "Chinese: the rights statement is missing." in shown
    artifact.refresh_from_db()
    assert artifact.status == Status.DRAFT


def test_publish_button_publishes_a_complete_record(curator_client):
    artifact = make_ready_artifact()
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    response = post_change_form(curator_client, url, {"_workflow": "publish"})
    assert any("is now published" in m for m in messages_of(response))
    artifact.refresh_from_db()
    assert artifact.status == Status.PUBLISHED


def test_bulk_publish_publishes_complete_records_and_explains_the_rest(curator_client):
    ready = make_ready_artifact()
    lacking = make_ready_artifact(title_zh_hans="", description_en="")
    response = curator_client.post(
        reverse("admin:catalog_artifact_changelist"),
        {"action": "publish", "_selected_action": [ready.pk, lacking.pk]},
    )
    shown = messages_of(response)
    assert "1 record published." in shown
    assert any(
        str(lacking) in message
        and "English: the description is missing." in message
        and "Chinese: the title is missing." in message
        for message in shown
    )
    assert list(Artifact.objects.published()) == [ready]


def test_bulk_submit_for_review(curator_client):
    records = [make_ready_photograph() for _ in range(2)]
    curator_client.post(
        reverse("admin:catalog_photograph_changelist"),
        {"action": "submit_for_review", "_selected_action": [r.pk for r in records]},
    )
    assert Photograph.objects.filter(status=Status.REVIEW).count() == 2


# -- scheduled publishing ------------------------------------------------------


def test_scheduled_records_are_published_when_due(head):
    artifact = make_ready_artifact()
    soon = timezone.now() + timedelta(hours=1)
    workflow.schedule(artifact, head, soon)
    assert scheduling.publish_due().published == []

    run = scheduling.publish_due(now=soon + timedelta(minutes=1))
    assert run.published == [artifact]
    artifact.refresh_from_db()
    assert artifact.status == Status.PUBLISHED
    assert artifact.published_by == head
    assert artifact.publish_at is None


def test_head_curator_schedules_in_the_change_form(client, head):
    artifact = make_ready_artifact()
    client.force_login(head)
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    post_change_form(
        client, url, {"publish_at_0": "2030-01-01", "publish_at_1": "10:00"}
    )
    artifact.refresh_from_db()
    assert artifact.publish_at.year == 2030
    assert artifact.reviewed_by == head
    assert (
        "scheduled to publish at 2030-01-01 10:00" in client.get(url).content.decode()
    )


def test_scheduling_an_incomplete_record_is_refused(head):
    with pytest.raises(workflow.WorkflowError, match="the caption is missing"):
        workflow.schedule(make_ready_photograph(caption_en=""), head, timezone.now())


def test_publish_scheduled_command_skips_records_that_became_incomplete(head):
    due = timezone.now() - timedelta(minutes=1)
    good = make_ready_person(name_en="Good")
    broken = make_ready_person(name_en="Broken")
    for person in (good, broken):
        workflow.schedule(person, head, due)
    Person.objects.filter(pk=broken.pk).update(summary_en="", body_en="")
    out, err = StringIO(), StringIO()
    call_command("publish_scheduled", stdout=out, stderr=err)
    assert "published: biography “Good”" in out.getvalue()
    assert "Broken" in err.getvalue() and "summary" in err.getvalue()
    good.refresh_from_db()
    broken.refresh_from_db()
    assert good.status == Status.PUBLISHED
    assert broken.status == Status.DRAFT


# -- the readiness dashboard ---------------------------------------------------


def test_dashboard_is_linked_from_the_admin_index(curator_client):
    url = reverse("admin:catalog_readiness_changelist")
    assert url in curator_client.get(reverse("admin:index")).content.decode()


def test_dashboard_counts_link_to_the_filtered_lists(curator_client):
    make_ready_artifact()
    make_ready_artifact(status=Status.PUBLISHED)
    lacking = make_ready_artifact(title_zh_hans="", disputed=True)
    ArtifactImage.objects.filter(artifact=lacking).update(alt_text_zh_hans="")
    Artifact.objects.filter(pk=lacking.pk).update(rights_en="")
    page = curator_client.get(reverse("admin:catalog_readiness_changelist"))
    html = page.content.decode()
    changelist = reverse("admin:catalog_artifact_changelist")
    for query, count in [
        ("status__exact=draft", 2),
        ("status__exact=published", 1),
        ("missing=translation", 1),
        ("missing=alt_text", 1),
        ("missing=rights", 1),
        ("missing=citation", 0),
        ("disputed__exact=1", 1),
    ]:
        assert f'<a href="{changelist}?{query}">{count}</a>' in html, query

    filtered = curator_client.get(changelist, {"missing": "translation"})
    assert list(filtered.context["cl"].queryset) == [lacking]


def test_dashboard_counts_records_without_citations(curator_client):
    artifact = make_artifact(status=Status.DRAFT)
    cite(make_artifact(status=Status.DRAFT))
    changelist = reverse("admin:catalog_artifact_changelist")
    response = curator_client.get(changelist, {"missing": "citation"})
    assert list(response.context["cl"].queryset) == [artifact]
