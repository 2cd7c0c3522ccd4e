"""The admin speaks each person's language: saved choice, else the browser's."""

import re

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse

from exhibition.models import StaffPreference
from exhibition.roles import ROLES
from tests.factories import make_artifact

pytestmark = pytest.mark.django_db
CHINESE = "zh-CN,zh;q=0.9"
# Pages of this project's own admin (not Django's): each must render for every role.
PROJECT_PAGES = [
    "admin:index",
    "admin:catalog_artifact_changelist",
    "admin:catalog_photograph_changelist",
    "admin:catalog_person_changelist",
    "admin:catalog_readiness_changelist",
    "admin:catalog_collectionimport_changelist",
    "admin:exhibition_exhibition_changelist",
    "admin:exhibition_section_changelist",
    "admin:exhibition_kiosk_changelist",
]


@pytest.fixture
def member(django_user_model):
    def make(role):
        user = django_user_model.objects.create_user(
            role.replace(" ", "-"), password="not-a-real-password-42", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        return user

    return make


def test_the_admin_follows_the_browsers_language(curator_client):
    response = curator_client.get("/admin/", HTTP_ACCEPT_LANGUAGE=CHINESE)
    html = response.content.decode()
    assert response["Content-Language"] == "zh-hans"
    assert '<html lang="zh-hans"' in html
    assert "Exhibition CMS 策展管理后台" in html  # the site header, translated
    assert "藏品目录与展览" in html  # and the index title
    english = curator_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-GB,en")
    assert "Exhibition CMS — Curators" in english.content.decode()


def test_a_saved_choice_wins_over_the_browser(curator_client, curator):
    response = curator_client.post(
        reverse("admin-language"), {"language": "zh-hans", "next": "/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert StaffPreference.objects.get(user=curator).language == "zh-hans"
    curator_client.cookies.clear()  # another browser, same person
    curator_client.force_login(curator)
    html = curator_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="zh-hans"' in html


def test_the_language_switch_is_in_the_admin_header(curator_client):
    html = curator_client.get("/admin/").content.decode()
    assert 'action="/admin/language/"' in html
    assert 'value="zh-hans" lang="zh-hans"' in html and ">简体中文<" in html


def test_the_switch_refuses_to_send_people_elsewhere(curator_client):
    response = curator_client.post(
        reverse("admin-language"),
        {"language": "zh-hans", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/admin/"


def test_the_switch_ignores_a_language_the_site_does_not_have(curator_client, curator):
    curator_client.post(reverse("admin-language"), {"language": "xx"})
    assert not StaffPreference.objects.filter(user=curator).exclude(language="")


def test_the_language_prefix_opens_the_one_admin_in_that_language(client, curator):
    client.force_login(curator)
    response = client.get("/zh-hans/admin/catalog/artifact/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/catalog/artifact/"
    html = client.get(response["Location"]).content.decode()
    assert '<html lang="zh-hans"' in html
    assert client.get("/xx/admin/").status_code == 404


def test_the_login_page_is_in_the_browsers_language_and_has_the_switch(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=CHINESE).content.decode()
    assert '<html lang="zh-hans"' in html
    assert "后台语言" in html


def test_a_chinese_admin_still_edits_the_english_fields(curator_client, curator):
    StaffPreference.objects.update_or_create(
        user=curator, defaults={"language": "zh-hans"}
    )
    artifact = make_artifact(title_en="Rib shears")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    html = curator_client.get(url).content.decode()
    assert '<html lang="zh-hans"' in html
    assert 'name="title_en"' in html and 'value="Rib shears"' in html


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("role", ROLES)
def test_every_project_admin_page_renders_for_every_role(
    client, member, role, language
):
    user = member(role)
    StaffPreference.objects.update_or_create(user=user, defaults={"language": language})
    client.force_login(user)
    for name in PROJECT_PAGES:
        response = client.get(reverse(name))
        # A role may lack a page (403) or be sent on (302); it never breaks one.
        assert response.status_code in (200, 302, 403), (name, response.status_code)
        if response.status_code == 200:
            assert f'<html lang="{language}"' in response.content.decode(), name


def test_the_chinese_catalogue_translates_every_string_of_the_project():
    path = settings.LOCALE_PATHS[0] / "zh_Hans" / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    messages = [message for message in catalogue if message.id]
    untranslated = [m.id for m in messages if not m.string or m.fuzzy]
    assert untranslated == []
    # Placeholders survive translation (a lost %(name)s would break a message).
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = (
            message.string if isinstance(message.string, tuple) else (message.string,)
        )
        wanted = sorted(re.findall(r"%\(\w+\)s", ids[0]))
        for string in strings:
            assert sorted(re.findall(r"%\(\w+\)s", string)) == wanted, message.id


def test_an_import_outcome_and_a_field_label_read_differently_in_chinese():
    from django.utils import translation

    from catalog.models import Artifact
    from catalog.transfer.columns import OUTCOMES

    with translation.override("zh-hans"):
        assert str(OUTCOMES["created"]) == "已创建"
        assert str(Artifact._meta.get_field("created_at").verbose_name) == "创建时间"
