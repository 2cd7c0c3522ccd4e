"""catalog/admin/artifacts.py: an artifact's images are added and ordered on its
own form."""

import pytest
from django.urls import reverse

from tests.catalog.admin_forms import post_with_new_row
from tests.factories import make_artifact, uploaded_image

pytestmark = pytest.mark.django_db


def test_an_image_added_on_the_artifacts_form_comes_after_the_others(
    curator_client,
):
    artifact = make_artifact()  # with one image, at position 0
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    response = post_with_new_row(
        curator_client,
        url,
        "images",
        {"image": uploaded_image("back.jpg"), "alt_text_en": "The back"},
    )
    assert response.status_code == 302
    images = artifact.images.order_by("position", "pk")
    assert [image.alt_text_en for image in images] == ["A test image", "The back"]
    assert images[1].position > images[0].position


def picker(client, model_name, term):
    """What the section item picker lists for ``term``, as its texts, in order."""
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": term,
            "app_label": "exhibition",
            "model_name": "sectionitem",
            "field_name": model_name,
        },
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_the_item_picker_lists_number_and_title_matches_before_the_rest(
    curator_client,
):
    for n in range(25):  # earlier numbers, "ding" only in the description
        make_artifact(
            accession_number=f"A-{n:03d}",
            title_en=f"Gift {n}",
            description_en="A wedding gift.",
        )
    make_artifact(accession_number="Z-3", title_en="A bronze ding")
    make_artifact(accession_number="Z-2", title_en="Ding tripod")
    make_artifact(accession_number="DING-2", title_en="Cup")
    make_artifact(accession_number="DING", title_en="Bowl")
    listed = picker(curator_client, "artifact", "Ding")
    assert listed[:4] == [
        "DING · Bowl",  # the number itself
        "DING-2 · Cup",  # then numbers and titles that start with it
        "Z-2 · Ding tripod",
        "Z-3 · A bronze ding",  # then other titles that hold it
    ]
    assert listed[4] == "A-000 · Gift 0"
