"""Admin uploads on S3: the file lands in the bucket; with the storage down the
curator gets a clear error on the image field and the form keeps what they typed."""

import pytest
from django.urls import reverse

from catalog.models import Photograph
from tests.catalog.admin_forms import form_values, post_change_form
from tests.factories import make_photograph, uploaded_image

pytestmark = pytest.mark.django_db


def test_an_upload_through_the_admin_lands_in_the_bucket(s3_media, curator_client):
    photograph = make_photograph()
    before = photograph.image.name
    url = reverse("admin:catalog_photograph_change", args=[photograph.pk])
    response = post_change_form(
        curator_client, url, {"image": uploaded_image("new.png", image_format="PNG")}
    )
    assert response.status_code == 302
    photograph.refresh_from_db()
    assert photograph.image.name.endswith(".png")
    assert set(s3_media.objects()) == {before, photograph.image.name}
    assert photograph.image.url == f"{s3_media.url}{photograph.image.name}"


def test_an_upload_with_the_storage_down_is_a_form_error_not_a_traceback(
    curator_client, request
):
    photograph = make_photograph()  # stored on disk before the outage
    request.getfixturevalue("s3_down")
    url = reverse("admin:catalog_photograph_change", args=[photograph.pk])
    typed = "Typed while the storage was down"
    response = post_change_form(
        curator_client, url, {"title_en": typed, "image": uploaded_image()}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "The image could not be stored" in page
    assert "Traceback" not in page
    assert form_values(page)["title_en"] == typed  # nothing typed is lost
    unchanged = Photograph.objects.get(pk=photograph.pk)
    assert unchanged.title_en != typed
    assert unchanged.image.name == photograph.image.name
