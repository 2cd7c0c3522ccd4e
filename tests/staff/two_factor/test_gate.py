import pytest
from django.urls import reverse

from tests.staff.two_factor.helpers import (
    authenticator,
    code,
    give_code,
    log_in_with_password,
    staff,
)

pytestmark = [pytest.mark.django_db, pytest.mark.two_step_login]

ADMIN_PAGES = [
    "admin:index",
    "admin:catalog_artifact_changelist",
    "admin:catalog_artifact_add",
    "admin:exhibition_exhibition_changelist",
    "admin:catalog_readiness_changelist",
    "admin:password_change",
    "admin:two-factor",
    "admin:auth_user_changelist",
    "admin:otp_totp_totpdevice_changelist",
]


@pytest.fixture
def head_curator(django_user_model):
    return staff(django_user_model, "head-curator", "Head curator")


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_a_head_curator_without_an_authenticator_can_only_set_one_up(
    client, head_curator, name
):
    client.force_login(head_curator)
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    setup = reverse("admin:two-factor-setup")
    assert response["Location"].startswith(setup) and "next=" in response["Location"]
    assert client.get(setup).status_code == 200


@pytest.mark.parametrize("name", ADMIN_PAGES[:3])
def test_a_superuser_without_an_authenticator_can_only_set_one_up(
    client, django_user_model, name
):
    boss = django_user_model.objects.create_superuser("boss", "b@example.org", "x")
    client.force_login(boss)
    response = client.get(reverse(name))
    assert response["Location"].startswith(reverse("admin:two-factor-setup"))


def test_logging_out_needs_no_code(client, head_curator):
    client.force_login(head_curator)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("role", ["Registrar", "Curator", "Translator"])
def test_other_staff_without_an_authenticator_log_in_with_the_password_only(
    client, django_user_model, role
):
    user = staff(django_user_model, "someone", role)
    response = log_in_with_password(client, user)
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:index"
    )
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:two-factor")).status_code == 200


def test_once_other_staff_set_one_up_the_password_is_not_enough(
    client, django_user_model
):
    user = staff(django_user_model, "someone", "Registrar")
    authenticator(user)
    response = log_in_with_password(client, user)
    assert response["Location"] == reverse("admin:login-code")
    assert client.get(reverse("admin:index"))["Location"].startswith(
        reverse("admin:login")
    )


def test_a_session_from_before_the_authenticator_must_give_a_code(client, head_curator):
    device = authenticator(head_curator)
    client.force_login(head_curator)  # e.g. signed in elsewhere before set-up
    url = reverse("admin:catalog_artifact_changelist")
    response = client.get(url)
    assert response["Location"].startswith(reverse("admin:login-code"))
    response = client.post(response["Location"], {"code": code(device)})
    assert response["Location"] == url
    assert client.get(url).status_code == 200


def test_the_set_up_page_cannot_replace_a_device_without_its_code(client, head_curator):
    authenticator(head_curator)
    client.force_login(head_curator)  # the password alone
    response = client.get(reverse("admin:two-factor-setup"))
    assert response["Location"].startswith(reverse("admin:login-code"))


def test_a_code_step_done_lets_every_admin_page_through(client, django_user_model):
    boss = staff(django_user_model, "boss", is_superuser=True)
    device = authenticator(boss)
    log_in_with_password(client, boss)
    give_code(client, code(device))
    for name in ADMIN_PAGES:
        assert client.get(reverse(name)).status_code == 200, name


# -- previews of drafts through the public addresses ---------------------------


@pytest.fixture
def drafts():
    from catalog.models import Status
    from tests.factories import make_artifact, make_exhibition, make_section

    exhibition = make_exhibition(slug="coming", status=Status.DRAFT)
    section = make_section(exhibition, slug="first-room", status=Status.DRAFT)
    artifact = make_artifact(slug="unseen", status=Status.DRAFT)
    return [
        artifact.get_absolute_url(),
        exhibition.get_absolute_url(),
        section.get_absolute_url(),
        f"/zh-hans{artifact.get_absolute_url()}",
    ]


def test_a_head_curator_without_an_authenticator_sees_drafts_as_a_visitor_does(
    client, head_curator, drafts
):
    client.force_login(head_curator)  # the password alone; the admin wants set-up
    for url in drafts:
        assert client.get(url).status_code == 404, url


def test_a_session_that_has_not_given_its_code_sees_drafts_as_a_visitor_does(
    client, head_curator, drafts
):
    authenticator(head_curator)
    client.force_login(head_curator)  # signed in, the code step not done
    for url in drafts:
        assert client.get(url).status_code == 404, url


def test_after_the_code_step_a_head_curator_previews_drafts(
    client, head_curator, drafts
):
    device = authenticator(head_curator)
    log_in_with_password(client, head_curator)
    give_code(client, code(device))
    for url in drafts:
        assert client.get(url).status_code == 200, url


def test_staff_who_need_no_code_preview_drafts_after_the_password(
    client, django_user_model, drafts
):
    user = staff(django_user_model, "someone", "Curator")
    log_in_with_password(client, user)
    assert client.get(drafts[0]).status_code == 200
