"""Staff, devices and codes for the two-step login tests."""

import time

from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "not-a-real-password-42"


def staff(django_user_model, name, role=None, **extra):
    user = django_user_model.objects.create_user(
        username=name, password=PASSWORD, is_staff=True, **extra
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def authenticator(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def code(device, steps_ahead=0):
    """The code the phone shows now (or that many 30-second steps later)."""
    if not steps_ahead:
        return f"{totp(device.bin_key):06d}"
    later = TOTP(device.bin_key, device.step, device.t0, device.digits)
    later.time = time.time() + steps_ahead * device.step
    return f"{later.token():06d}"


def log_in_with_password(client, user, next_url=None):
    data = {"username": user.username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("admin:login"), data)


def give_code(client, value):
    return client.post(reverse("admin:login-code"), {"code": value})
