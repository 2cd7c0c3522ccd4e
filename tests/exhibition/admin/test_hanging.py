"""exhibition/admin/hanging.py: a record is hung in a section from its own change
form or from the list of records, by those who may change sections."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from catalog.models import Status
from exhibition.models import SectionItem
from tests.catalog.admin_forms import form_values, post_with_new_row
from tests.factories import hang, make_artifact, make_photograph, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    def sign_in(role):
        user = django_user_model.objects.create_user(role.lower(), is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        return client

    return sign_in


@pytest.mark.parametrize("make_record", [make_artifact, make_photograph])
def test_a_curator_hangs_a_record_at_the_end_of_a_section_from_its_own_page(
    member, make_record
):
    section = make_section()
    hang(section, make_artifact(), position=5)
    # A draft: a published record is read-only to those who may not publish it.
    record = make_record(status=Status.DRAFT)
    url = reverse(f"admin:catalog_{record._meta.model_name}_change", args=[record.pk])
    response = post_with_new_row(
        member("Curator"), url, "section_items", {"section": section.pk}
    )
    assert response.status_code == 302
    item = section.items.get(**{record._meta.model_name: record})
    assert item.position == 6


def test_a_records_page_lists_the_sections_it_hangs_in(member):
    section = make_section(title_en="Harbour Front")
    artifact = make_artifact(status=Status.DRAFT)
    hang(section, artifact)
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    html = member("Curator").get(url).content.decode()
    assert "Shown in sections" in html
    assert form_values(html)["section_items-0-section"] == str(section.pk)


def add_to_section(client, model_name, records, section):
    """Choose ``records`` on the list, the action, then ``section`` on its page."""
    changelist = reverse(f"admin:catalog_{model_name}_changelist")
    chosen = {
        "action": "add_to_section",
        "_selected_action": [record.pk for record in records],
    }
    page = client.post(changelist, chosen)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Add to section" in html
    values = form_values(html, "add-to-section")
    values["section"] = str(section.pk)
    return client.post(changelist, values, follow=True)


@pytest.mark.parametrize("make_record", [make_artifact, make_photograph])
def test_the_list_adds_the_chosen_records_to_a_section_after_its_items(
    member, make_record
):
    section = make_section(title_en="Harbour Front")
    already = make_record()
    hang(section, already, position=7)
    first, second = make_record(), make_record()
    response = add_to_section(
        member("Curator"),
        already._meta.model_name,
        [first, already, second],
        section,
    )
    assert response.status_code == 200
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert shown == [
        "Section “Harbour Front”: 2 records added, 1 skipped (already there)."
    ]
    items = section.items.order_by("position")
    assert [item.record for item in items] == [already, first, second]
    assert [item.position for item in items] == [7, 8, 9]


def test_only_people_who_may_change_sections_may_hang_records(member):
    section = make_section()
    artifact = make_artifact(status=Status.DRAFT)
    registrar = member("Registrar")
    changelist = reverse("admin:catalog_artifact_changelist")
    html = registrar.get(changelist).content.decode()
    assert 'value="add_to_section"' not in html
    registrar.post(
        changelist,
        {
            "action": "add_to_section",
            "_selected_action": [artifact.pk],
            "section": section.pk,
            "post": "yes",
        },
    )
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    registrar.post(url, {**form_values(registrar.get(url).content.decode())})
    html = registrar.get(url).content.decode()
    assert "section_items-__prefix__-section" not in html  # no row to add
    assert not SectionItem.objects.exists()
    curator_list = member("Curator").get(changelist).content.decode()
    assert 'value="add_to_section"' in curator_list


def test_the_sections_a_record_is_shown_in_are_headed_in_the_admins_language(
    member,
):
    artifact = make_artifact(status=Status.DRAFT)
    hang(make_section(), artifact)
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    client = member("Curator")
    for language, heading in (("en", "Section"), ("zh-hans", "单元")):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        group = html.split('id="section_items-group"')[1]
        head = group.split("<thead>")[1].split("</thead>")[0]
        assert f">{heading}" in head, (language, head)
