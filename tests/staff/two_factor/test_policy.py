import pytest
from django_otp.plugins.otp_static.models import StaticToken

from staff.two_factor import policy
from tests.staff.two_factor.helpers import authenticator, code, staff

pytestmark = pytest.mark.django_db


def test_head_curators_and_superusers_must_use_it_others_may(django_user_model):
    head = staff(django_user_model, "h", "Head curator")
    boss = staff(django_user_model, "b", is_superuser=True)
    registrar = staff(django_user_model, "r", "Registrar")
    assert policy.is_required(head) and policy.is_required(boss)
    assert not policy.is_required(registrar)
    authenticator(registrar)
    assert policy.is_required(registrar) and not policy.in_required_role(registrar)


def test_a_six_digit_code_costs_only_the_authenticator(django_user_model, settings):
    user = staff(django_user_model, "r", "Registrar")
    device = authenticator(user)
    codes = policy.new_recovery_codes(user)
    assert policy.verify(user, "000 000") in (None, device)
    assert policy.verify(user, codes[0]).persistent_id.startswith("otp_static")
    device.refresh_from_db()
    assert StaticToken.objects.filter(device__user=user).count() == 9
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    assert policy.verify(user, code(device, steps_ahead=1)) == device


def test_the_qr_code_is_drawn_here_as_svg(django_user_model):
    device = authenticator(staff(django_user_model, "r"))
    uri = policy.qr_code(device)
    assert uri.startswith("data:image/svg+xml")
    assert "http" not in uri.split(",", 1)[0]
