"""Every admin page renders for a curator; lists filter, search and publish."""

import pytest
from django.contrib import admin
from django.urls import reverse

from catalog.models import Artifact, Status
from tests.factories import (
    hang,
    make_artifact,
    make_person,
    make_photograph,
    make_ready_artifact,
    make_section,
    make_source,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_of_everything():
    section = make_section()
    person = make_person()
    artifact = make_artifact()
    artifact.people.add(person)
    photograph = make_photograph()
    hang(section, artifact)
    hang(section, photograph)
    make_source()
    return section


def admin_models():
    # Tool pages (readiness, import) have no table: tested in their own modules.
    return [model for model in admin.site._registry if model._meta.managed]


@pytest.mark.parametrize("model", admin_models(), ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages_render(
    curator_client, one_of_everything, model
):
    opts = model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    # A singleton's list (the museum) leads straight to its one record.
    changelist = curator_client.get(reverse(f"{base}_changelist"), follow=True)
    assert changelist.status_code == 200
    add = curator_client.get(reverse(f"{base}_add"))
    # Some admins (e.g. log tables) allow no adding, even to a superuser.
    may_add = admin.site._registry[model].has_add_permission(add.wsgi_request)
    assert add.status_code == (200 if may_add else 403)
    obj = model.objects.first()
    if obj is not None:
        response = curator_client.get(reverse(f"{base}_change", args=[obj.pk]))
        assert response.status_code == 200


def test_the_admin_is_branded(curator_client):
    response = curator_client.get(reverse("admin:index"))
    assert "Exhibition CMS — Curators" in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("admin:catalog_artifact_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_artifact_list_searches_chinese_titles(curator_client):
    make_artifact(title_en="Rib shears", title_zh_hans="肋骨剪")
    make_artifact(title_en="Field manual", title_zh_hans="战地手册")
    response = curator_client.get(
        reverse("admin:catalog_artifact_changelist"), {"q": "肋骨"}
    )
    page = response.content.decode()
    assert "Rib shears" in page
    assert "Field manual" not in page


def test_artifact_list_filters_by_section_and_decade(curator_client):
    section = make_section()
    inside = make_artifact(title_en="Inside", year_from=1938, year_to=1938)
    make_artifact(title_en="Outside", year_from=1949, year_to=1949)
    hang(section, inside)
    url = reverse("admin:catalog_artifact_changelist")

    by_section = curator_client.get(url, {"section": section.pk}).content.decode()
    assert "Inside" in by_section and "Outside" not in by_section
    by_decade = curator_client.get(url, {"decade": "1940"}).content.decode()
    assert "Outside" in by_decade and "Inside" not in by_decade


def test_list_shows_thumbnail_status_and_section(curator_client, one_of_everything):
    page = curator_client.get(reverse("admin:catalog_artifact_changelist"))
    html = page.content.decode()
    assert 'class="curator-thumb"' in html
    assert "Published" in html
    assert one_of_everything.title in html


def test_bulk_publish_and_withdraw(curator_client):
    # Publishing now checks completeness (see test_workflow.py).
    drafts = [make_ready_artifact() for _ in range(3)]
    url = reverse("admin:catalog_artifact_changelist")
    curator_client.post(
        url,
        {"action": "publish", "_selected_action": [a.pk for a in drafts]},
    )
    assert Artifact.objects.published().count() == 3

    curator_client.post(
        url, {"action": "unpublish", "_selected_action": [drafts[0].pk]}
    )
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.WITHDRAWN


def test_people_autocomplete_finds_chinese_names(curator_client):
    make_person(name_en="Norman Bethune", name_zh_hans="白求恩")
    response = curator_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "白求恩",
            "app_label": "catalog",
            "model_name": "artifact",
            "field_name": "people",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Norman Bethune"]


def test_change_form_edits_both_languages_side_by_side(curator_client):
    artifact = make_artifact()
    response = curator_client.get(
        reverse("admin:catalog_artifact_change", args=[artifact.pk])
    )
    html = response.content.decode()
    assert 'name="title_en"' in html and 'name="title_zh_hans"' in html


def test_view_on_site_links_to_the_public_page(curator_client):
    artifact = make_artifact(slug="rib-shears")
    response = curator_client.get(
        reverse("admin:catalog_artifact_change", args=[artifact.pk])
    )
    html = response.content.decode()
    assert 'href="/artifacts/rib-shears/" class="viewsitelink"' in html
    assert html.count('class="viewsitelink"') == 1


def test_section_items_are_ordered_by_drag_and_drop(curator_client):
    section = make_section()
    hang(section, make_artifact())
    response = curator_client.get(
        reverse("admin:exhibition_section_change", args=[section.pk])
    )
    assert "adminsortable2" in response.content.decode()
