"""A form shows one blank row, ready to fill, in each inline a curator builds a
record with (an exhibition's sections and featured people, an artifact's images,
sections and citations, a section's items) while the record has none: no "Add
another" click for the first row; a row left blank is not saved."""

import pytest
from django.urls import reverse

from catalog.models import Artifact
from exhibition.models import Exhibition
from tests.catalog.admin_forms import form_values
from tests.factories import (
    cite,
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_section,
    make_source,
    uploaded_image,
)

pytestmark = pytest.mark.django_db

CITATIONS = "catalog-citation-content_type-object_id"


def rows(values, prefix):
    """(rows shown, rows of saved records) of inline ``prefix``."""
    return int(values[f"{prefix}-TOTAL_FORMS"]), int(values[f"{prefix}-INITIAL_FORMS"])


def opened(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return form_values(response.content.decode())


def test_a_new_exhibition_is_built_in_the_rows_its_form_shows(admin_client):
    url = reverse("admin:exhibition_exhibition_add")
    values = opened(admin_client, url)
    for prefix in ("sections", "featured", CITATIONS):
        assert rows(values, prefix) == (1, 0), prefix
    person = make_person()
    values.update(
        {
            "slug": "harbour",
            "title_en": "Harbour",
            "sections-0-title_en": "Arrival",
            "featured-0-person": str(person.pk),
        }
    )
    assert admin_client.post(url, values).status_code == 302
    exhibition = Exhibition.objects.get(slug="harbour")
    assert [s.title_en for s in exhibition.sections.all()] == ["Arrival"]
    assert [f.person for f in exhibition.featured.all()] == [person]
    assert not exhibition.citations.exists()  # its blank row, left blank


def test_blank_rows_left_untouched_are_not_saved(admin_client):
    url = reverse("admin:exhibition_exhibition_add")
    values = {**opened(admin_client, url), "slug": "empty", "title_en": "Empty"}
    assert admin_client.post(url, values).status_code == 302
    exhibition = Exhibition.objects.get(slug="empty")
    assert not exhibition.sections.exists()
    assert not exhibition.featured.exists()


def test_an_exhibition_with_sections_and_people_shows_no_blank_row(admin_client):
    exhibition = make_exhibition()
    make_section(exhibition)
    feature(exhibition, make_person())
    cite(exhibition)
    url = reverse("admin:exhibition_exhibition_change", args=[exhibition.pk])
    values = opened(admin_client, url)
    for prefix in ("sections", "featured", CITATIONS):
        assert rows(values, prefix) == (1, 1), prefix


def test_a_new_artifacts_image_and_citation_go_in_the_rows_its_form_shows(
    curator_client,
):
    url = reverse("admin:catalog_artifact_add")
    values = opened(curator_client, url)
    assert rows(values, "images") == (1, 0)
    assert rows(values, CITATIONS) == (1, 0)
    source = make_source()
    values.update(
        {
            "accession_number": "HB-1",
            "slug": "harbour-bell",
            "title_en": "Harbour bell",
            "images-0-image": uploaded_image("bell.jpg"),
            "images-0-alt_text_en": "A bell",
            f"{CITATIONS}-0-source": str(source.pk),
        }
    )
    assert curator_client.post(url, values).status_code == 302
    artifact = Artifact.objects.get(slug="harbour-bell")
    assert [image.alt_text_en for image in artifact.images.all()] == ["A bell"]
    assert [citation.source for citation in artifact.citations.all()] == [source]


def test_an_artifact_in_no_section_shows_a_section_row_ready_to_fill(
    curator_client,
):
    section = make_section()
    artifact = make_artifact(status="draft")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    values = opened(curator_client, url)
    assert rows(values, "section_items") == (1, 0)
    values["section_items-0-section"] = str(section.pk)
    assert curator_client.post(url, values).status_code == 302
    assert [item.artifact for item in section.items.all()] == [artifact]
    # Hung: no blank row any more.
    assert rows(opened(curator_client, url), "section_items") == (1, 1)


def test_an_empty_sections_form_shows_an_item_row_ready_to_fill(curator_client):
    section = make_section()
    artifact = make_artifact()
    url = reverse("admin:exhibition_section_change", args=[section.pk])
    values = opened(curator_client, url)
    assert rows(values, "items") == (1, 0)
    values["items-0-artifact"] = str(artifact.pk)
    assert curator_client.post(url, values).status_code == 302
    assert [item.artifact for item in section.items.all()] == [artifact]
    hang(section, make_artifact(), position=9)
    assert rows(opened(curator_client, url), "items") == (2, 2)
