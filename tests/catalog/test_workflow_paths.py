"""Every path that can change a record's status, walked by every role, against
the one rule (``catalog.workflow.may_move``) and the table the documentation
gives: the change form's buttons, the list's bulk actions, a revert from the
history, the import page, and the scheduler."""

import csv
import io
import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from catalog import scheduling, workflow
from catalog.models import Artifact, Photograph, Status
from tests.catalog.admin_forms import form_values, post_change_form
from tests.factories import make_ready_artifact

pytestmark = pytest.mark.django_db

ROLES = ["Head curator", "Curator", "Registrar", "Translator"]
HEAD, CURATOR = "Head curator", "Curator"
# The table of the documentation (docs/security.md, Publishing): who may move a
# record from which state to which. Every other move is nobody's.
MAY = {
    (Status.DRAFT, Status.REVIEW): {HEAD, CURATOR},
    (Status.WITHDRAWN, Status.REVIEW): {HEAD, CURATOR},
    (Status.REVIEW, Status.DRAFT): {HEAD},
    (Status.DRAFT, Status.PUBLISHED): {HEAD},
    (Status.REVIEW, Status.PUBLISHED): {HEAD},
    (Status.WITHDRAWN, Status.PUBLISHED): {HEAD},
    (Status.PUBLISHED, Status.WITHDRAWN): {HEAD},
}
# What the import may do of that: never publish or withdraw.
MAY_BY_IMPORT = {
    move: roles
    for move, roles in MAY.items()
    if move[1] not in (Status.PUBLISHED, Status.WITHDRAWN)
}
MOVES = list(itertools.permutations(Status.values, 2))
BUTTONS = {
    Status.REVIEW: "submit",
    Status.PUBLISHED: "publish",
    Status.DRAFT: "return_to_draft",
    Status.WITHDRAWN: "withdraw",
}
ACTIONS = {
    Status.REVIEW: "submit_for_review",
    Status.PUBLISHED: "publish",
    Status.WITHDRAWN: "unpublish",
}


@pytest.fixture
def as_role(django_user_model):
    """``as_role(role)``: that role's user and a client signed in as them."""

    def make(role):
        user = django_user_model.objects.create_user(
            username=role.lower().replace(" ", "-"), is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        return user, client

    return make


def record_in(status, **fields):
    return make_ready_artifact(status=status, with_image=False, **fields)


def change_url(record):
    return reverse("admin:catalog_artifact_change", args=[record.pk])


def status_of(record):
    return Artifact.objects.get(pk=record.pk).status


def moved_as_the_rule_says(role, user, moves, attempt, table=MAY):
    """Try each move with ``attempt(record, to_state)``; return the moves whose
    outcome differs from the table (and from ``may_move``, which must agree)."""
    wrong = []
    for from_state, to_state in moves:
        allowed = role in table.get((from_state, to_state), set())
        path = workflow.IMPORT if table is MAY_BY_IMPORT else workflow.ADMIN
        assert (
            workflow.may_move(user, Artifact, from_state, to_state, path) == allowed
        ), (role, from_state, to_state)
        record = record_in(from_state)
        attempt(record, to_state)
        moved = status_of(record) == to_state
        if moved != allowed:
            wrong.append((from_state, to_state, "moved" if moved else "refused"))
    return wrong


@pytest.mark.parametrize("role", ROLES)
def test_the_change_forms_buttons_follow_the_rule(as_role, role):
    user, client = as_role(role)

    def attempt(record, to_state):
        url = change_url(record)
        page = client.get(url).content.decode()
        client.post(url, {**form_values(page), "_workflow": BUTTONS[to_state]})

    assert moved_as_the_rule_says(role, user, MOVES, attempt) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_lists_bulk_actions_follow_the_rule(as_role, role):
    user, client = as_role(role)
    changelist = reverse("admin:catalog_artifact_changelist")

    def attempt(record, to_state):
        client.post(
            changelist, {"action": ACTIONS[to_state], "_selected_action": [record.pk]}
        )

    moves = [move for move in MOVES if move[1] in ACTIONS]
    assert moved_as_the_rule_says(role, user, moves, attempt) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_import_page_follows_the_rule(as_role, role):
    user, client = as_role(role)

    def attempt(record, to_state):
        rows = io.StringIO(newline="")
        writer = csv.writer(rows)
        writer.writerow(["kind", "accession_number", "status"])
        writer.writerow(["artifact", record.accession_number, to_state])
        response = client.post(
            reverse("admin:catalog_collectionimport_changelist"),
            {"csv_file": SimpleUploadedFile("rows.csv", rows.getvalue().encode())},
        )
        if response.streaming:
            b"".join(response.streaming_content)
        else:
            assert response.status_code == 403  # this role may not import

    wrong = moved_as_the_rule_says(role, user, MOVES, attempt, MAY_BY_IMPORT)
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_a_revert_from_the_history_never_moves_a_record(as_role, role):
    """Whatever state the chosen version was in: the record keeps its own."""
    _user, client = as_role(role)
    for now, then in MOVES:
        record = record_in(then, title_en="Then")
        Artifact.objects.filter(pk=record.pk).update(status=now, title_en="Now")
        version = record.history.earliest()
        url = reverse(
            "admin:catalog_artifact_simple_history", args=[record.pk, version.pk]
        )
        page = client.get(url)
        if page.status_code == 200:
            client.post(url, form_values(page.content.decode()))
        assert status_of(record) == now, (role, now, then)
        reverted = Artifact.objects.get(pk=record.pk).title_en == "Then"
        may_revert = role != "Translator" and (now != Status.PUBLISHED or role == HEAD)
        assert reverted == may_revert, (role, now, then)


@pytest.mark.parametrize("role", ROLES)
def test_only_a_head_curators_schedule_is_published(as_role, role):
    user, client = as_role(role)
    record = record_in(Status.REVIEW)
    url = change_url(record)
    when = timezone.localtime() - timedelta(minutes=5)
    post_change_form(
        client,
        url,
        {
            "publish_at_0": when.strftime("%Y-%m-%d"),
            "publish_at_1": when.strftime("%H:%M:%S"),
        },
    )
    # Whoever else touches the record's approval, by hand or otherwise:
    if role != HEAD:
        Artifact.objects.filter(pk=record.pk).update(
            publish_at=when, reviewed_by=user, reviewed_at=when
        )
    run = scheduling.publish_due()
    published = status_of(record) == Status.PUBLISHED
    assert published == (role == HEAD), run.skipped
    if published:
        assert Artifact.objects.get(pk=record.pk).published_by == user


def test_photographs_follow_the_same_rule_as_artifacts(as_role):
    user, _client = as_role(CURATOR)
    for from_state, to_state in MOVES:
        assert workflow.may_move(
            user, Photograph, from_state, to_state
        ) == workflow.may_move(user, Artifact, from_state, to_state)
