"""The curators' admin starts from the exhibition: sections, readiness and links;
the museum is one record."""

import pytest

from catalog.models import Status
from exhibition.models import Museum
from tests.factories import (
    hang,
    make_artifact,
    make_exhibition,
    make_kiosk,
    make_section,
)

pytestmark = pytest.mark.django_db


def test_the_exhibition_page_shows_sections_counts_readiness_and_links(admin_client):
    exhibition = make_exhibition(slug="bronze", title_en="Bronze Age Hoards")
    section = make_section(exhibition, title_en="Buried Hoards")
    hang(section, make_artifact())
    hang(section, make_artifact(status=Status.DRAFT, description_en=""), 1)
    kiosk = make_kiosk(exhibition, name_en="Harbour kiosk")
    html = admin_client.get(
        f"/admin/exhibition/exhibition/{exhibition.pk}/change/"
    ).content.decode()
    overview = html.split('class="exhibition-overview"')[1].split("</table>")[0]
    assert "Buried Hoards" in overview
    assert "<td>2</td><td>1</td><td>⚠ 1</td>" in overview
    assert 'href="/exhibitions/bronze/"' in html
    assert 'href="/exhibitions/bronze/timeline/"' in html
    assert f"/exhibition/kiosk/{kiosk.pk}/change/" in html


def test_the_museum_list_goes_straight_to_its_one_record(admin_client):
    assert admin_client.get("/admin/exhibition/museum/")["Location"].endswith(
        "/museum/add/"
    )
    museum = Museum.objects.create(name="Harbour Museum", name_en="Harbour Museum")
    response = admin_client.get("/admin/exhibition/museum/")
    assert response["Location"].endswith(f"/museum/{museum.pk}/change/")
    assert admin_client.get("/admin/exhibition/museum/add/").status_code == 403


def test_the_kiosk_form_offers_only_its_exhibitions_sections(admin_client):
    own, other = make_exhibition(), make_exhibition()
    make_section(own, title_en="Own section")
    make_section(other, title_en="Other section")
    kiosk = make_kiosk(own)
    html = admin_client.get(
        f"/admin/exhibition/kiosk/{kiosk.pk}/change/"
    ).content.decode()
    assert "Own section" in html and "Other section" not in html
