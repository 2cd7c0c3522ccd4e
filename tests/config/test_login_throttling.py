"""Login throttling behind a proxy, as the settings configure it from PROXY_COUNT:
who gets locked out, from where."""

import runpy
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

SETTINGS = Path(__file__).resolve().parents[2] / "config" / "settings.py"

PROXY = "10.0.0.2"  # the reverse proxy: every request reaches Django from here
ATTACKER = "203.0.113.66"
CURATOR_HOME = "198.51.100.7"
PASSWORD = "not-a-real-password-42"  # the curator fixture's


def throttling(settings, monkeypatch, proxies):
    """Login throttling on, with the settings PROXY_COUNT=``proxies`` gives: the
    settings file is run afresh (not reimported) and its login settings copied."""
    monkeypatch.setenv("PROXY_COUNT", str(proxies))
    configured = runpy.run_path(str(SETTINGS))
    for name, value in configured.items():
        if name.startswith(("AXES_", "IPWARE_")) or name == "PROXY_COUNT":
            setattr(settings, name, value)
    settings.AXES_ENABLED = True


@pytest.fixture
def behind_one_proxy(settings, monkeypatch):
    throttling(settings, monkeypatch, proxies=1)


@pytest.fixture
def no_proxy(settings, monkeypatch):
    throttling(settings, monkeypatch, proxies=0)


def log_in(client, username, password, forwarded_for=None, remote=PROXY):
    headers = {"REMOTE_ADDR": remote}
    if forwarded_for:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        **headers,
    )


def signed_in(response):
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def fail_until_locked(client, username, forwarded_for, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, username, "wrong", forwarded_for)


def test_failures_from_one_forwarded_address_do_not_lock_the_curator_out_elsewhere(
    client, curator, settings, behind_one_proxy
):
    fail_until_locked(client, curator.username, ATTACKER, settings)

    from django.test import Client

    at_home = log_in(Client(), curator.username, PASSWORD, CURATOR_HOME)
    assert signed_in(at_home)
    from_the_attacker = log_in(Client(), curator.username, PASSWORD, ATTACKER)
    assert from_the_attacker.status_code == 429


def test_a_forged_forwarded_for_does_not_choose_the_address_that_is_locked(
    client, curator, settings, behind_one_proxy
):
    # The proxy appends the address it was reached from to whatever the client sent.
    fail_until_locked(client, curator.username, f"{CURATOR_HOME}, {ATTACKER}", settings)

    from django.test import Client

    assert signed_in(log_in(Client(), curator.username, PASSWORD, CURATOR_HOME))
    assert log_in(Client(), curator.username, PASSWORD, ATTACKER).status_code == 429


def test_one_password_tried_across_many_usernames_locks_that_address(
    client, curator, settings, behind_one_proxy
):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"someone-{number}", PASSWORD[::-1], ATTACKER)

    from django.test import Client

    assert log_in(Client(), curator.username, PASSWORD, ATTACKER).status_code == 429
    assert signed_in(log_in(Client(), curator.username, PASSWORD, CURATOR_HOME))


def test_without_a_proxy_a_forwarded_for_header_is_not_believed(
    client, curator, settings, no_proxy
):
    for number in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, curator.username, "wrong", f"192.0.2.{number}", remote=ATTACKER)

    from django.test import Client

    locked = log_in(Client(), curator.username, PASSWORD, CURATOR_HOME, ATTACKER)
    assert locked.status_code == 429
    elsewhere = log_in(Client(), curator.username, PASSWORD, remote=CURATOR_HOME)
    assert signed_in(elsewhere)
