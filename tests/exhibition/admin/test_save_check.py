"""Exhibitions, sections (their placements) and kiosks refuse stale saves too."""

import pytest
from django.urls import reverse

from exhibition.models import SectionItem
from tests.catalog.admin_forms import form_values, opened
from tests.factories import hang, make_artifact, make_section

pytestmark = pytest.mark.django_db


def test_a_stale_section_save_keeps_the_other_curators_placements(two_curators):
    alice, bao = two_curators
    section = make_section(title_en="Rescue")
    hang(section, make_artifact(title_en="Rib shears"), 0)
    url = reverse("admin:exhibition_section_change", args=[section.pk])
    bao_form = opened(bao, url)
    alice_form = opened(alice, url)
    assert "title_en" in alice_form, sorted(alice_form)
    saved = alice.post(url, {**alice_form, "title_en": "Rescue: Medical Aid"})
    assert saved.status_code == 302
    section.refresh_from_db()
    assert section.title_en == "Rescue: Medical Aid", saved["Location"]
    bao_form["introduction_en"] = "Doctors who came to help."
    refused = bao.post(url, bao_form)
    assert refused.status_code == 200
    assert "Someone else saved this record" in refused.content.decode()
    section.refresh_from_db()
    assert section.title_en == "Rescue: Medical Aid" and section.introduction_en == ""
    merged = form_values(refused.content.decode())
    assert bao.post(url, merged).status_code == 302
    section.refresh_from_db()
    assert section.title_en == "Rescue: Medical Aid"
    assert section.introduction_en == "Doctors who came to help."
    assert SectionItem.objects.filter(section=section).count() == 1


def test_a_stale_exhibition_save_is_refused(two_curators):
    alice, bao = two_curators
    exhibition = make_section().exhibition
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    bao_form = opened(bao, url)
    alice.post(url, {**opened(alice, url), "title_en": "Alice's exhibition"})
    refused = bao.post(url, {**bao_form, "subtitle_en": "Bao's subtitle"})
    assert refused.status_code == 200
    exhibition.refresh_from_db()
    assert exhibition.title_en == "Alice's exhibition"


def test_the_translation_view_lists_what_each_language_lacks(curator_client):
    section = make_section(title_en="Rescue", title_zh_hans="救护")
    hang(section, make_artifact(title_en="Rib shears", title_zh_hans=""), 0)
    hang(section, make_artifact(title_en="Done", title_zh_hans="完成"), 1)
    url = reverse(
        "admin:exhibition_exhibition_translation", args=[section.exhibition.pk]
    )
    html = curator_client.get(url).content.decode()
    assert "Rib shears" in html and "#id_title_zh_hans" in html
    assert ">Done<" not in html
    only_english = curator_client.get(url, {"language": "en"}).content.decode()
    assert "Rib shears" not in only_english
    change = reverse("admin:exhibition_exhibition_change", args=[section.exhibition.pk])
    assert url in curator_client.get(change).content.decode()


def test_an_exhibition_form_posted_without_its_version_is_refused(two_curators):
    alice, _bao = two_curators
    exhibition = make_section().exhibition
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    posted = {**opened(alice, url), "title_en": "From a script"}
    del posted["_opened_version"]
    refused = alice.post(url, posted)
    assert refused.status_code == 200
    assert "does not say which version" in refused.content.decode()
    exhibition.refresh_from_db()
    assert exhibition.title_en != "From a script"
