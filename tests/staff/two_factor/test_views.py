import re
from base64 import b32decode
from binascii import hexlify

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from staff.two_factor import policy
from tests.staff.two_factor.helpers import (
    PASSWORD,
    authenticator,
    code,
    give_code,
    log_in_with_password,
    staff,
)

pytestmark = [pytest.mark.django_db, pytest.mark.two_step_login]

INDEX = "/admin/"


@pytest.fixture
def head_curator(django_user_model):
    return staff(django_user_model, "head-curator", "Head curator")


@pytest.fixture
def device(head_curator):
    return authenticator(head_curator)


def signed_in(client):
    return client.get(INDEX).status_code == 200


def test_the_password_alone_is_not_enough_once_a_device_exists(client, device):
    response = log_in_with_password(client, device.user)
    assert response["Location"] == reverse("admin:login-code")
    assert "_auth_user_id" not in client.session
    assert not signed_in(client)
    page = client.get(reverse("admin:login-code")).content.decode()
    assert 'autocomplete="one-time-code"' in page and "head-curator" in page


def test_a_valid_code_from_the_device_key_logs_in(client, device):
    log_in_with_password(client, device.user, next_url="/admin/catalog/artifact/")
    response = give_code(client, code(device))
    assert response["Location"] == "/admin/catalog/artifact/"
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert signed_in(client)


def test_a_wrong_code_does_not_log_in_and_says_why(client, device):
    log_in_with_password(client, device.user)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = give_code(client, wrong)
    page = response.content.decode()
    assert response.status_code == 200
    assert "That code is not right" in page
    assert 'role="alert"' in page
    assert 'aria-describedby="id_code_error id_code_helptext"' in page
    assert 'aria-invalid="true"' in page
    assert not signed_in(client)


def test_a_code_cannot_be_used_twice(client, device):
    value = code(device)
    log_in_with_password(client, device.user)
    give_code(client, value)
    client.post(reverse("admin:logout"))
    log_in_with_password(client, device.user)
    assert give_code(client, value).status_code == 200
    assert not signed_in(client)


def test_a_recovery_code_works_once(client, device, settings):
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    first, *_ = policy.new_recovery_codes(device.user)
    log_in_with_password(client, device.user)
    assert give_code(client, first.upper())["Location"] == INDEX
    assert signed_in(client)
    client.post(reverse("admin:logout"))
    log_in_with_password(client, device.user)
    response = give_code(client, first)
    assert "That code is not right" in response.content.decode()
    assert not signed_in(client)
    assert policy.recovery_codes_left(device.user) == policy.RECOVERY_CODES - 1


def test_the_code_step_without_a_password_goes_back_to_the_login(client):
    response = client.get(reverse("admin:login-code"))
    assert response["Location"] == reverse("admin:login")


def test_a_password_left_too_long_without_its_code_expires(client, device, monkeypatch):
    log_in_with_password(client, device.user)
    monkeypatch.setattr(policy, "PENDING_SECONDS", -1)  # as if minutes went by
    response = give_code(client, code(device))
    assert response["Location"] == reverse("admin:login")
    assert not signed_in(client)


def test_wrong_codes_count_toward_the_login_lockout(client, device, settings):
    settings.AXES_ENABLED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    log_in_with_password(client, device.user)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert give_code(client, "000000").status_code == 200
    response = give_code(client, "000000")
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    # Locked: neither the right password nor the right code gets in.
    assert log_in_with_password(client, device.user).status_code == 429
    assert give_code(client, code(device)).status_code != 302
    assert not signed_in(client)


def test_a_wrong_password_and_wrong_codes_add_up(client, device, settings):
    settings.AXES_ENABLED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.post(reverse("admin:login"), {"username": "head-curator", "password": "x"})
    log_in_with_password(client, device.user)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = give_code(client, "000000")
    assert response.status_code == 429


def confirm_password(client, password=PASSWORD):
    return client.post(reverse("admin:two-factor-setup"), {"password": password})


def setup_page(client, user):
    client.force_login(user)
    confirm_password(client)
    return client.get(reverse("admin:two-factor-setup"))


def test_the_set_up_page_asks_for_the_password_before_showing_the_secret(
    client, head_curator
):
    client.force_login(head_curator)
    page = client.get(reverse("admin:two-factor-setup")).content.decode()
    assert 'type="password"' in page and 'autocomplete="current-password"' in page
    assert "data:image/svg+xml" not in page and "<code>" not in page
    assert not TOTPDevice.objects.filter(user=head_curator).exists()
    # Nor can a code be confirmed without it.
    response = client.post(reverse("admin:two-factor-setup"), {"code": "123456"})
    assert "data:image/svg+xml" not in response.content.decode()
    assert not TOTPDevice.objects.filter(user=head_curator, confirmed=True).exists()


def test_a_wrong_password_on_the_set_up_page_shows_no_secret_and_says_why(
    client, head_curator
):
    client.force_login(head_curator)
    response = confirm_password(client, "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "That password is not right." in page and 'role="alert"' in page
    assert "data:image/svg+xml" not in page


def test_wrong_passwords_on_the_set_up_page_count_toward_the_login_lockout(
    client, head_curator, settings
):
    settings.AXES_ENABLED = True
    client.force_login(head_curator)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        confirm_password(client, "not-the-password")
    assert confirm_password(client, "not-the-password").status_code == 429
    assert confirm_password(client).status_code == 429


def test_the_right_password_shows_the_secret_and_keeps_the_next_address(
    client, head_curator
):
    client.force_login(head_curator)
    url = reverse("admin:two-factor-setup") + "?next=/admin/catalog/"
    response = client.post(url, {"password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url).content.decode()
    assert "data:image/svg+xml" in page and 'value="/admin/catalog/"' in page


def test_the_set_up_page_shows_a_qr_code_and_the_secret(client, head_curator):
    page = setup_page(client, head_curator).content.decode()
    device = TOTPDevice.objects.get(user=head_curator, confirmed=False)
    assert 'src="data:image/svg+xml' in page
    assert 'id="nav-sidebar"' not in page  # nothing else to go to yet
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", page).group(1)
    assert hexlify(b32decode(secret.replace(" ", ""))).decode() == device.key
    # Reloading keeps the same secret: the app already scanned stays right.
    assert secret in setup_page(client, head_curator).content.decode()


def test_set_up_with_a_wrong_code_does_not_confirm(client, head_curator):
    setup_page(client, head_curator)
    device = TOTPDevice.objects.get(user=head_curator)
    wrong = f"{(int(code(device)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("admin:two-factor-setup"), {"code": wrong})
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(INDEX)["Location"].startswith(reverse("admin:two-factor-setup"))


def test_set_up_with_the_right_code_confirms_and_shows_recovery_codes(
    client, head_curator
):
    setup_page(client, head_curator)
    device = TOTPDevice.objects.get(user=head_curator)
    response = client.post(
        reverse("admin:two-factor-setup") + "?next=/admin/catalog/",
        {"code": code(device), "next": "/admin/catalog/"},
    )
    page = response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    shown = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page)
    assert len(shown) == policy.RECOVERY_CODES
    assert set(shown) == set(
        StaticToken.objects.filter(device__user=head_curator).values_list(
            "token", flat=True
        )
    )
    assert 'href="/admin/catalog/"' in page
    assert response["Cache-Control"].startswith("max-age=0")
    assert signed_in(client)  # this session gave its first code


def test_a_new_authenticator_replaces_the_old_one_once_confirmed(
    client, head_curator, device
):
    log_in_with_password(client, head_curator)
    give_code(client, code(device))
    confirm_password(client)
    client.get(reverse("admin:two-factor-setup"))
    new = TOTPDevice.objects.get(user=head_curator, confirmed=False)
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    client.post(reverse("admin:two-factor-setup"), {"code": code(new)})
    assert list(TOTPDevice.objects.filter(user=head_curator)) == [new]


def test_new_recovery_codes_replace_the_old_ones(client, head_curator, device):
    old = policy.new_recovery_codes(head_curator)
    log_in_with_password(client, head_curator)
    give_code(client, code(device))
    page = client.post(reverse("admin:two-factor-recovery")).content.decode()
    shown = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page)
    assert len(shown) == policy.RECOVERY_CODES and not set(shown) & set(old)
    client.post(reverse("admin:logout"))
    log_in_with_password(client, head_curator)
    give_code(client, old[0])
    assert not signed_in(client)


def test_optional_staff_can_set_up_an_authenticator_from_the_admin(
    client, django_user_model
):
    user = staff(django_user_model, "reg", "Registrar")
    client.force_login(user)
    overview = client.get(reverse("admin:two-factor")).content.decode()
    assert "Your account has no authenticator app." in overview
    assert "optional for your role" in overview
    confirm_password(client)
    client.get(reverse("admin:two-factor-setup"))
    device = TOTPDevice.objects.get(user=user)
    client.post(reverse("admin:two-factor-setup"), {"code": code(device)})
    overview = client.get(reverse("admin:two-factor")).content.decode()
    assert "Two-step login is on for your account." in overview
    assert "10 unused recovery codes" in overview


def test_the_login_pages_announce_their_errors(client, device):
    response = client.post(
        reverse("admin:login"), {"username": "head-curator", "password": "x"}
    )
    assert 'class="errornote" role="alert"' in response.content.decode()
