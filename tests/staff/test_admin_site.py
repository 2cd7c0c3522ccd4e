"""The curators' admin site: its app list, in order and in the admin's language."""

import pytest

pytestmark = pytest.mark.django_db

CHINESE = "zh-hans,zh;q=0.9"
SECURITY = {"auth", "axes", "otp_static", "otp_totp"}


def app_labels(response):
    return [app["app_label"] for app in response.context["app_list"]]


def test_the_curators_work_comes_first_and_logins_and_accounts_last(curator_client):
    for language in ("en-GB,en", CHINESE):
        labels = app_labels(
            curator_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=language)
        )
        assert labels[:2] == ["catalog", "exhibition"], language
        assert set(labels[-len(SECURITY) :]) == SECURITY, language
        # The menu beside every page follows the same order.
        page = curator_client.get(
            "/admin/catalog/artifact/", HTTP_ACCEPT_LANGUAGE=language
        )
        sidebar = [app["app_label"] for app in page.context["available_apps"]]
        assert sidebar == labels


def test_the_chinese_admin_names_the_login_security_in_chinese(curator_client):
    html = curator_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=CHINESE).content.decode()
    for english in (
        "Axes",
        "Access attempts",
        "Access failures",
        "Access logs",
        "TOTP devices",
        "Static devices",
        "Otp_Totp",
        "Otp_Static",
    ):
        assert f">{english}<" not in html, english
    for chinese in ("登录限制", "登录尝试", "身份验证器应用", "恢复码"):
        assert chinese in html, chinese


def test_the_english_admin_names_them_for_what_they_do(curator_client):
    html = curator_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for name in ("Login throttling", "Authenticator apps", "Recovery code lists"):
        assert name in html, name
