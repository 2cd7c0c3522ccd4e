import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_curator_creates_a_login_with_the_given_password(monkeypatch, capsys):
    monkeypatch.setenv("CURATOR_PASSWORD", "a-long-curator-password")
    call_command("ensure_curator")
    user = get_user_model().objects.get(username="curator")
    assert user.is_staff and user.check_password("a-long-curator-password")
    assert "a-long-curator-password" not in capsys.readouterr().out


def test_ensure_curator_prints_a_generated_password_once(monkeypatch, capsys):
    monkeypatch.delenv("CURATOR_PASSWORD", raising=False)
    call_command("ensure_curator")
    first = capsys.readouterr().out
    password = first.split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="curator").check_password(password)

    call_command("ensure_curator")
    assert "already exists" in capsys.readouterr().out
    assert get_user_model().objects.count() == 1


@pytest.mark.two_step_login
def test_the_demo_curator_can_log_in_without_a_phone(monkeypatch, capsys, client):
    from django.urls import reverse

    monkeypatch.setenv("CURATOR_PASSWORD", "a-long-curator-password")
    call_command("ensure_curator")
    hint = capsys.readouterr().out
    assert "addstatictoken curator" in hint
    call_command("addstatictoken", "curator")
    token = capsys.readouterr().out.strip()
    login = {"username": "curator", "password": "a-long-curator-password"}
    response = client.post(reverse("admin:login"), login)
    assert response["Location"] == reverse("admin:login-code")
    client.post(reverse("admin:login-code"), {"code": token})
    assert client.get(reverse("admin:index")).status_code == 200
