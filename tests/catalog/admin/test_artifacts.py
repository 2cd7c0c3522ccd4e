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
