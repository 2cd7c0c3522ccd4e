"""Who must use two-step login, and the devices that give the codes.

Head curators and superusers must; other staff may, and once they have set up an
authenticator it is required for them too. Recovery codes are django-otp's static
tokens: single use, shown once.
"""

import time
from base64 import b32encode

import segno
from django.db import transaction
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

REQUIRED_ROLES = ["Head curator"]
RECOVERY_CODES = 10
AUTHENTICATOR = "Authenticator app"
RECOVERY = "Recovery codes"
PENDING = "two_factor_pending"
# Between the password and the code: long enough to find the phone.
PENDING_SECONDS = 5 * 60
# The set-up page shows the secret for this long after the password is typed
# again (a session left open must not be enough to enrol another phone).
PASSWORD_CONFIRMED = "two_factor_password_confirmed"
PASSWORD_SECONDS = 15 * 60


def in_required_role(user):
    """Must this person set up an authenticator before using the admin?"""
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_ROLES).exists()


def is_required(user):
    """Must this person give a code to use the admin?"""
    return in_required_role(user) or has_device(user)


def cleared(user):
    """Has this signed-in person given every step the admin asks of them?"""
    return is_verified(user) or not is_required(user)


def has_device(user):
    return user_has_device(user, confirmed=True)


def is_verified(user):
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def unconfirmed_authenticator(user):
    """The device being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=AUTHENTICATOR, confirmed=False
    )


@transaction.atomic
def confirm(device):
    """Make ``device`` this person's one authenticator, with new recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace this person's recovery codes; return the new ones (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=code) for code in codes
    )
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


def verify(user, code):
    """The device that accepts ``code`` (used up if a recovery code), or None.

    A six-digit code goes to the authenticator, anything else to the recovery
    codes, so a mistyped code costs only the device it was meant for.
    """
    code = "".join(code.split()).lower()
    totp = code.isdigit() and len(code) == 6
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, TOTPDevice) == totp and device.verify_token(code):
                return device
    return None


def verify_new(device, code):
    return device.verify_token("".join(code.split()))


def waiting(device):
    """Is ``device`` refusing codes for a moment after wrong ones?"""
    allowed, _ = device.verify_is_allowed()
    return not allowed


def secret_text(device):
    """The key as an authenticator app takes it typed in: base32, in fours."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code(device):
    """The set-up QR code as an SVG data URI, drawn here (no outside service)."""
    return segno.make(device.config_url, error="m").svg_data_uri(
        scale=5, dark="#000", light="#fff", border=4
    )


def confirm_password(request):
    """The password was typed again: the set-up page may show a secret a while."""
    request.session[PASSWORD_CONFIRMED] = time.time()


def password_confirmed(request):
    since = request.session.get(PASSWORD_CONFIRMED)
    return since is not None and time.time() - since <= PASSWORD_SECONDS


def end_password_confirmed(request):
    request.session.pop(PASSWORD_CONFIRMED, None)


def start_pending(request, user, next_url):
    """The password was right: remember who is halfway through logging in."""
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "since": time.time(),
    }


def pending(request):
    """``(user, backend, next URL)`` of a login waiting for its code, or None."""
    from django.contrib.auth import get_user_model

    state = request.session.get(PENDING)
    if not state or time.time() - state["since"] > PENDING_SECONDS:
        return None
    user = get_user_model().objects.filter(pk=state["user"], is_active=True).first()
    return (user, state["backend"], state["next"]) if user else None


def end_pending(request):
    request.session.pop(PENDING, None)
