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


def test_rotate_kiosk_key_prints_new_start_addresses_and_retires_the_old_keys(
    capsys,
):
    from django.core.management import CommandError

    from exhibition.models import Kiosk
    from tests.factories import make_kiosk

    first, second = make_kiosk(slug="s1"), make_kiosk(slug="s2")
    old = first.rotate_device_key()
    call_command("rotate_kiosk_key", "s1", "s2", base_url="https://museum.example/")
    lines = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    assert lines["s1"].startswith("https://museum.example/kiosk/s1/#key=")
    keys = {slug: url.split("#key=")[1] for slug, url in lines.items()}
    first = Kiosk.objects.get(pk=first.pk)
    assert first.has_device_key(keys["s1"]) and not first.has_device_key(old)
    assert Kiosk.objects.get(pk=second.pk).has_device_key(keys["s2"])
    with pytest.raises(CommandError, match="nowhere"):
        call_command("rotate_kiosk_key", "nowhere")


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
