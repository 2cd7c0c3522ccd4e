import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.images import UploadPath, validate_image_file
from catalog.models import Photograph
from tests.factories import image_bytes


def upload(data, name="file.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def png_claiming_size(width, height):
    """A tiny PNG whose header claims a huge canvas: a decompression bomb."""
    data = bytearray(image_bytes(size=(8, 8), image_format="PNG"))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    return bytes(data)


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP", "TIFF"])
def test_allowed_formats_pass(image_format):
    assert validate_image_file(upload(image_bytes(image_format=image_format))) == (
        image_format
    )


def test_a_text_file_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError, match="not an image we can read"):
        validate_image_file(upload(b"This is a text file, not a photograph.\n"))


def test_an_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError, match="web page code"):
        validate_image_file(upload(svg, "picture.svg"))


def test_a_truncated_jpeg_is_refused_as_damaged():
    data = image_bytes(size=(400, 300), color=(10, 200, 30))
    with pytest.raises(ValidationError, match="damaged or incomplete"):
        validate_image_file(upload(data[: len(data) // 2]))


def test_a_gif_is_refused_by_format():
    with pytest.raises(ValidationError, match="GIF images are not accepted"):
        validate_image_file(upload(image_bytes(image_format="GIF"), "a.gif"))


def test_a_200_megapixel_bomb_is_refused_before_decoding():
    with pytest.raises(ValidationError, match=r"200\.0 megapixels"):
        validate_image_file(upload(png_claiming_size(20_000, 10_000), "bomb.png"))


def test_an_oversized_file_is_refused_by_bytes(settings):
    settings.IMAGE_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="the limit is 1000"):
        validate_image_file(upload(image_bytes(size=(300, 300))))


def test_upload_names_are_generated_not_taken_from_the_upload():
    name = UploadPath("photographs")(None, "../../etc/passwd<script>.JPEG")
    assert name.startswith("photographs/")
    assert name.endswith(".jpg")
    assert "passwd" not in name and ".." not in name


@pytest.mark.django_db
def test_admin_upload_of_a_broken_image_shows_an_error_and_stores_nothing(
    curator_client, isolated_media
):
    before = sorted(Path(isolated_media).rglob("*"))
    response = curator_client.post(
        "/admin/catalog/photograph/add/",
        {
            "slug": "broken",
            "status": "draft",
            "title_en": "Broken",
            "image": upload(b"\xff\xd8\xff\xe0 not really a jpeg", "broken.jpg"),
            "catalog-citation-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-citation-content_type-object_id-INITIAL_FORMS": "0",
            "catalog-mediaitem-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-mediaitem-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "The image is damaged or incomplete" in response.content.decode()
    assert not Photograph.objects.exists()
    assert sorted(Path(isolated_media).rglob("*")) == before


@pytest.mark.django_db
def test_admin_upload_of_a_bomb_names_the_pixel_limit(curator_client):
    response = curator_client.post(
        "/admin/catalog/photograph/add/",
        {
            "slug": "bomb",
            "status": "draft",
            "title_en": "Bomb",
            "image": upload(png_claiming_size(20_000, 10_000), "bomb.png"),
            "catalog-citation-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-citation-content_type-object_id-INITIAL_FORMS": "0",
            "catalog-mediaitem-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-mediaitem-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    assert "200.0 megapixels" in response.content.decode()
    assert not Photograph.objects.exists()


@pytest.mark.django_db
def test_admin_upload_of_a_good_image_is_saved_with_its_size(curator_client):
    response = curator_client.post(
        "/admin/catalog/photograph/add/",
        {
            "slug": "good",
            "status": "draft",
            "title_en": "Good",
            "image": upload(image_bytes(size=(120, 80))),
            "catalog-citation-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-citation-content_type-object_id-INITIAL_FORMS": "0",
            "catalog-mediaitem-content_type-object_id-TOTAL_FORMS": "0",
            "catalog-mediaitem-content_type-object_id-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    photograph = Photograph.objects.get(slug="good")
    assert (photograph.width, photograph.height) == (120, 80)
    assert photograph.image.name.startswith("photographs/")


def test_image_bytes_helper_makes_real_images():
    from PIL import Image

    assert Image.open(io.BytesIO(image_bytes())).format == "JPEG"
