"""Two people on one record: no sequence of their saves loses either's change."""

import pytest
from django.urls import reverse

from catalog.models import Artifact, ArtifactImage, Status
from tests.catalog.admin_forms import form_values, opened
from tests.factories import make_ready_artifact

pytestmark = pytest.mark.django_db


@pytest.fixture
def record():
    return make_ready_artifact(
        accession_number="IF-A-001",
        title_en="Red Star Over China",
        description_zh_hans="斯诺的书。",
    )


def test_the_later_save_is_refused_with_both_changes_shown_and_none_lost(
    two_curators, record
):
    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    bao_form = opened(bao, url)  # Bao opens the form a moment earlier
    alice_form = opened(alice, url)
    alice_form["title_en"] = "Red Star Over China, first London edition"
    assert alice.post(url, alice_form).status_code == 302

    bao_form["description_zh_hans"] = "斯诺的书。1937年在伦敦出版。"
    refused = bao.post(url, bao_form)
    assert refused.status_code == 200  # the form again, not a redirect
    html = refused.content.decode()
    assert "Someone else saved this record" in html
    assert "Red Star Over China, first London edition" in html  # theirs, shown
    record.refresh_from_db()
    assert record.title_en == "Red Star Over China, first London edition"
    assert record.description_zh_hans == "斯诺的书。"  # nothing of Bao's yet

    merged = form_values(html)  # the form now holds both changes
    assert merged["title_en"] == "Red Star Over China, first London edition"
    assert merged["description_zh_hans"] == "斯诺的书。1937年在伦敦出版。"
    assert bao.post(url, merged).status_code == 302
    record.refresh_from_db()
    assert record.title_en == "Red Star Over China, first London edition"
    assert record.description_zh_hans == "斯诺的书。1937年在伦敦出版。"


def test_when_both_change_the_same_field_both_values_are_shown(two_curators, record):
    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    bao_form = opened(bao, url)
    alice_form = opened(alice, url)
    alice.post(url, {**alice_form, "title_en": "Alice's title"})
    refused = bao.post(url, {**bao_form, "title_en": "Bao's title"})
    html = refused.content.decode()
    assert "both changed" in html
    assert "Alice&#x27;s title" in html and "Bao&#x27;s title" in html
    assert form_values(html)["title_en"] == "Bao's title"  # the form keeps Bao's
    record.refresh_from_db()
    assert record.title_en == "Alice's title"


def test_an_inline_image_change_on_a_stale_form_is_refused(two_curators, record):
    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    bao_form = opened(bao, url)
    alice.post(url, {**opened(alice, url), "title_en": "Retitled"})
    bao_form["images-0-alt_text_en"] = "A new description of the view"
    refused = bao.post(url, bao_form)
    assert refused.status_code == 200
    assert ArtifactImage.objects.get(artifact=record).alt_text_en == "A test image"
    resent = form_values(refused.content.decode())
    assert resent["images-0-alt_text_en"] == "A new description of the view"
    assert bao.post(url, resent).status_code == 302
    record.refresh_from_db()
    assert record.title_en == "Retitled"
    assert record.images.get().alt_text_en == "A new description of the view"


def test_a_workflow_button_on_a_stale_form_is_refused(two_curators, record):
    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    bao_form = opened(bao, url)
    alice.post(url, {**opened(alice, url), "title_en": "Alice's title"})
    refused = bao.post(url, {**bao_form, "_workflow": "publish"})
    assert refused.status_code == 200
    record.refresh_from_db()
    assert record.status == Status.DRAFT and record.title_en == "Alice's title"


def test_a_bulk_action_skips_records_changed_since_the_list_was_loaded(
    two_curators, record
):
    alice, bao = two_curators
    changelist = reverse("admin:catalog_artifact_changelist")
    page = bao.get(changelist).content.decode()
    seen = {
        k: v
        for k, v in form_values(page, "changelist-form").items()
        if k.startswith("_seen_version_")
    }
    assert f"_seen_version_{record.pk}" in seen
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    alice.post(url, {**opened(alice, url), "title_en": "Alice's title"})
    response = bao.post(
        changelist,
        {"action": "publish", "_selected_action": [record.pk], **seen},
        follow=True,
    )
    assert (
        "someone else saved it after this list was loaded" in response.content.decode()
    )
    assert Artifact.objects.get(pk=record.pk).status == Status.DRAFT
    # Loaded afresh, the same action goes through.
    page = bao.get(changelist).content.decode()
    seen = {
        k: v
        for k, v in form_values(page, "changelist-form").items()
        if k.startswith("_seen_version_")
    }
    bao.post(changelist, {"action": "publish", "_selected_action": [record.pk], **seen})
    assert Artifact.objects.get(pk=record.pk).status == Status.PUBLISHED


def test_a_revert_on_a_stale_page_is_refused(two_curators, record):
    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    alice.post(url, {**opened(alice, url), "title_en": "Second title"})
    first = record.history.earliest()
    revert = reverse(
        "admin:catalog_artifact_simple_history", args=[record.pk, first.pk]
    )
    bao_revert = opened(bao, revert)
    alice.post(url, {**opened(alice, url), "title_en": "Third title"})
    refused = bao.post(revert, bao_revert)
    assert refused.status_code == 200
    record.refresh_from_db()
    assert record.title_en == "Third title"


def test_the_refusal_speaks_the_curators_language(two_curators, record):
    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    bao_form = opened(bao, url)
    alice.post(url, {**opened(alice, url), "title_en": "Alice's title"})
    bao.post(reverse("admin-language"), {"language": "zh-hans"})
    html = bao.post(url, bao_form).content.decode()
    assert "您编辑期间，其他人保存了此记录" in html
    assert "其他人已保存了它" in html


def test_the_form_says_who_else_has_the_record_open(two_curators, record, monkeypatch):
    from catalog.admin import presence

    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    alice.get(url)
    html = bao.get(url).content.decode()
    assert "alice also has this record open" in html
    editing = reverse("admin:catalog_artifact_editing", args=[record.pk])
    assert alice.get(editing).json()["others"] == ["bao"]
    # Someone who closed the form (no ping for a minute) is no longer named.
    later = presence.time.time() + presence.AWAY_SECONDS + 1
    monkeypatch.setattr(presence.time, "time", lambda: later)
    assert alice.get(editing).json()["others"] == []


def test_a_change_form_posted_without_its_version_is_refused_as_stale(
    two_curators, record
):
    """An old tab, a script or a page from before an upgrade, with no version:
    it may be older than a colleague's save, so it is not applied unseen."""
    alice, bao = two_curators
    url = reverse("admin:catalog_artifact_change", args=[record.pk])
    old_tab = opened(bao, url)
    del old_tab["_opened_version"], old_tab["_opened_fields"]
    alice.post(url, {**opened(alice, url), "title_en": "Alice's title"})
    refused = bao.post(url, {**old_tab, "description_zh_hans": "旧标签页。"})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "does not say which version" in html
    assert "Alice&#x27;s title" in html and "Red Star Over China" in html
    record.refresh_from_db()
    assert record.title_en == "Alice's title"
    assert record.description_zh_hans == "斯诺的书。"
    # The form now carries the version: saved again, it is applied as shown.
    again = form_values(html)
    assert again["_opened_version"]
    assert bao.post(url, {**again, "title_en": "Alice's title"}).status_code == 302
    record.refresh_from_db()
    assert record.description_zh_hans == "旧标签页。"


def test_an_add_form_has_no_version_to_check(curator_client):
    url = reverse("admin:catalog_photograph_add")
    values = form_values(curator_client.get(url).content.decode())
    assert "_opened_version" not in values
