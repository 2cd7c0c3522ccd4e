"""The curators' admin starts from the exhibition: sections, readiness and links;
the museum is one record."""

import json
from html import unescape

import pytest
from django.urls import reverse

from catalog.models import Status
from exhibition.models import Museum
from tests.catalog.admin_forms import add_row, form_values, post_with_new_row
from tests.factories import (
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_kiosk,
    make_person,
    make_photograph,
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
    assert "<td>2</td><td>1</td><td>⚠ 1 record lacks what publishing needs</td>" in (
        overview
    )
    assert 'href="/exhibitions/bronze/"' in html
    assert 'href="/exhibitions/bronze/timeline/"' in html
    assert f"/exhibition/kiosk/{kiosk.pk}/change/" in html


def test_the_readiness_column_reads_one_way_only_in_both_languages(admin_client):
    """Its heading once said "not yet publishable" over a ✓ meaning "none"."""
    exhibition = make_exhibition()
    complete = make_section(exhibition)
    hang(complete, make_artifact())
    missing = make_section(exhibition)
    for n in range(2):
        hang(missing, make_artifact(status=Status.DRAFT, description_en=""), n)
    url = f"/admin/exhibition/exhibition/{exhibition.pk}/change/"
    for language, heading, ready, lacking in (
        ("en", "ready to publish", "✓ ready", "⚠ 2 records lack what publishing needs"),
        ("zh-hans", "可发布", "✓ 就绪", "⚠ 2 条记录缺少发布所需内容"),
    ):
        html = admin_client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
        table = html.split('class="exhibition-overview"')[1].split("</table>")[0]
        assert f"<th>{heading}</th>" in table, language
        assert "publishable" not in table
        rows = table.split("</tr>")
        ready_row = next(r for r in rows if f"/section/{complete.pk}/" in r)
        missing_row = next(r for r in rows if f"/section/{missing.pk}/" in r)
        assert ready_row.endswith(f"<td>{ready}</td>"), language
        assert missing_row.endswith(f"<td>{lacking}</td>"), language


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


def test_a_section_added_on_the_exhibitions_form_goes_after_the_others(
    admin_client,
):
    exhibition = make_exhibition()
    make_section(exhibition, title_en="Arrival", position=3)
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    response = post_with_new_row(
        admin_client,
        url,
        "sections",
        {"title_en": "Departure", "slug": "departure", "status": Status.DRAFT},
    )
    assert response.status_code == 302
    sections = exhibition.sections.order_by("position")
    assert [s.title_en for s in sections] == ["Arrival", "Departure"]
    assert sections[1].position == 4 and sections[1].exhibition == exhibition


def test_a_person_featured_on_the_exhibitions_form_goes_after_the_others(
    admin_client,
):
    exhibition = make_exhibition()
    first, second = make_person(), make_person()
    feature(exhibition, first, position=2)
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    response = post_with_new_row(admin_client, url, "featured", {"person": second.pk})
    assert response.status_code == 302
    featured = exhibition.featured.order_by("position")
    assert [f.person for f in featured] == [first, second]
    assert featured[1].position == 3


def test_an_item_added_on_the_sections_form_hangs_after_the_others(admin_client):
    section = make_section()
    artifact, photograph = make_artifact(), make_photograph()
    hang(section, artifact, position=5)
    url = reverse("admin:exhibition_section_change", args=[section.pk])
    response = post_with_new_row(
        admin_client, url, "items", {"photograph": photograph.pk}
    )
    assert response.status_code == 302
    items = section.items.order_by("position")
    assert [item.record for item in items] == [artifact, photograph]
    assert items[1].position == 6 and items[1].section == section


def test_dragging_sections_on_the_exhibitions_form_reorders_them(admin_client):
    exhibition = make_exhibition()
    first = make_section(exhibition, title_en="First", position=1)
    second = make_section(exhibition, title_en="Second", position=2)
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    values = form_values(admin_client.get(url).content.decode())
    # The drag handle numbers the rows' hidden order inputs 1, 2, … as shown.
    assert values["sections-0-id"] == str(first.pk)
    values.update({"sections-0-position": "2", "sections-1-position": "1"})
    assert admin_client.post(url, values).status_code == 302
    assert list(exhibition.sections.order_by("position")) == [second, first]


def test_a_section_row_left_without_a_slug_gets_one_from_its_title(admin_client):
    exhibition = make_exhibition()
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    response = post_with_new_row(
        admin_client, url, "sections", {"title_en": "Harbour Front, 1938"}
    )
    assert response.status_code == 302
    assert exhibition.sections.get().slug == "harbour-front-1938"


def test_slugs_made_from_titles_are_unique_in_the_exhibition(admin_client):
    exhibition = make_exhibition()
    make_section(exhibition, slug="harbour")
    make_section(make_exhibition(), slug="market")  # another exhibition's: free
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    html = admin_client.get(url).content.decode()
    values = form_values(html)
    for title_en, title_zh_hans in [
        ("Harbour", ""),
        ("harbour", ""),
        ("Market", ""),
        ("Timeline", ""),  # names a page of the exhibition
        ("港口", "港口"),  # nothing to make a slug of
        ("“…”", "码头 1938"),  # the Chinese title makes one
    ]:
        add_row(
            values,
            html,
            "sections",
            {"title_en": title_en, "title_zh_hans": title_zh_hans},
        )
    assert admin_client.post(url, values).status_code == 302
    slugs = list(
        exhibition.sections.order_by("position", "pk").values_list("slug", flat=True)
    )
    assert slugs == [
        "harbour",
        "harbour-2",
        "harbour-3",
        "market",
        "timeline-2",
        "section",
        "1938",
    ]


def test_a_section_rows_slug_is_prepopulated_from_its_title_as_typed(admin_client):
    exhibition = make_exhibition()
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    html = admin_client.get(url).content.decode()
    script = html.split('id="django-admin-prepopulated-fields-constants"')[1]
    fields = json.loads(
        unescape(script.split('data-prepopulated-fields="')[1].split('"')[0])
    )
    # The row "Add another section" copies: its slug follows its English title.
    by_id = {field["id"]: field for field in fields}
    assert by_id["#id_sections-__prefix__-slug"]["dependency_list"] == ["title_en"]


def test_a_section_added_on_its_own_page_without_a_slug_gets_one(admin_client):
    exhibition = make_exhibition()
    make_section(exhibition, slug="arrival")
    url = reverse("admin:exhibition_section_add")
    values = form_values(admin_client.get(url).content.decode())
    values.update({"exhibition": exhibition.pk, "title_en": "Arrival"})
    assert admin_client.post(url, values).status_code == 302
    assert exhibition.sections.filter(slug="arrival-2").exists()


def test_an_exhibition_s_galleries_are_edited_in_both_languages_side_by_side(
    admin_client,
):
    exhibition = make_exhibition(galleries_en="Gallery 3", galleries_zh_hans="第三展厅")
    html = admin_client.get(
        f"/admin/exhibition/exhibition/{exhibition.pk}/change/"
    ).content.decode()
    assert "field-galleries_en field-galleries_zh_hans" in html  # one row
    assert 'value="Gallery 3"' in html and 'value="第三展厅"' in html
