"""The Image API, level 0: info.json, stored tiles, CORS, and 404 for what is not
public; the IIIF validator passes level 0 against a live server."""

import io
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from iiif_validator.validator import ValidationInfo
from PIL import Image

from catalog.models import Status
from exhibition.interop.iiif.addresses import image_identifier
from tests.factories import make_artifact, make_photograph, uploaded_image

pytestmark = pytest.mark.django_db


def test_info_json_describes_the_tiles_with_its_own_absolute_address(fetch):
    photograph = make_photograph(image=uploaded_image(size=(1300, 700)))
    base = f"/iiif/image/{image_identifier(photograph)}"
    response, info = fetch(f"{base}/info.json")
    assert response["Content-Type"] == "application/json"
    assert info["id"] == f"http://testserver{base}"
    assert info["@context"] == "http://iiif.io/api/image/3/context.json"
    assert (info["type"], info["profile"]) == ("ImageService3", "level0")
    assert (info["width"], info["height"]) == (1300, 700)
    assert info["tiles"] == [{"width": 512, "scaleFactors": [1, 2, 4]}]
    assert {"width": 325, "height": 175} in info["sizes"]


def test_info_json_is_json_ld_when_asked_for(fetch):
    photograph = make_photograph()
    response, _info = fetch(
        f"/iiif/image/{image_identifier(photograph)}/info.json",
        HTTP_ACCEPT="application/ld+json",
    )
    assert response["Content-Type"] == (
        'application/ld+json;profile="http://iiif.io/api/image/3/context.json"'
    )


def test_the_base_address_sends_viewers_to_info_json(client):
    photograph = make_photograph()
    base = f"/iiif/image/{image_identifier(photograph)}"
    response = client.get(base)
    assert response.status_code == 303
    assert response["Location"] == f"{base}/info.json"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_tiles_are_served_from_storage_in_development(client, settings):
    settings.SERVE_MEDIA = True
    artifact = make_artifact(with_image=False)
    image = artifact.images.create(image=uploaded_image(size=(600, 400)))
    response = client.get(
        f"/iiif/image/{image_identifier(image)}/full/max/0/default.jpg"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Access-Control-Allow-Origin"] == "*"
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as served:
        assert served.size == (600, 400)


def test_tiles_redirect_to_storage_in_production(client, settings):
    settings.SERVE_MEDIA = False
    photograph = make_photograph()
    identifier = image_identifier(photograph)
    client.get(f"/iiif/image/{identifier}/info.json")
    response = client.get(f"/iiif/image/{identifier}/full/max/0/default.jpg")
    assert response.status_code == 302
    assert response["Location"].startswith("/media/iiif/")
    assert response["Location"].endswith("/full/max/0/default.jpg")


@pytest.mark.parametrize(
    "path",
    [
        "full/max/90/default.jpg",
        "full/max/0/gray.jpg",
        "full/max/0/default.png",
        "full/full/0/default.jpg",
        "pct:10,10,10,10/max/0/default.jpg",
    ],
)
def test_what_level_0_does_not_make_is_not_found(client, settings, path):
    settings.SERVE_MEDIA = True
    photograph = make_photograph()
    response = client.get(f"/iiif/image/{image_identifier(photograph)}/{path}")
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_images_of_unpublished_records_are_not_found(client, settings, status):
    settings.SERVE_MEDIA = True
    photograph = make_photograph(status=status)
    artifact = make_artifact(status=status)
    for identifier in (
        image_identifier(photograph),
        image_identifier(artifact.images.get()),
    ):
        for path in ("", "/info.json", "/full/max/0/default.jpg"):
            response = client.get(f"/iiif/image/{identifier}{path}")
            assert response.status_code == 404, (identifier, path)


@pytest.mark.parametrize("kind", ["portrait", "section-image"])
def test_portraits_and_section_images_have_an_image_service_too(
    client, fetch, settings, kind
):
    """Every published image, not only those in manifests: a biography's portrait
    and a section's image, with their tiles; not while the record is a draft."""
    from tests.factories import make_exhibition, make_person, make_section

    settings.SERVE_MEDIA = True
    if kind == "portrait":
        record = make_person(portrait=uploaded_image(size=(600, 800)))
    else:
        record = make_section(
            make_exhibition(), hero_image=uploaded_image(size=(600, 800))
        )
    identifier = image_identifier(record)
    assert identifier == f"{kind}-{record.pk}"
    response, info = fetch(f"/iiif/image/{identifier}/info.json")
    assert (info["width"], info["height"]) == (600, 800)
    tile = client.get(f"/iiif/image/{identifier}/full/max/0/default.jpg")
    assert tile.status_code == 200
    assert Image.open(io.BytesIO(b"".join(tile.streaming_content))).size == (600, 800)
    record.status = Status.DRAFT
    record.save()
    assert client.get(f"/iiif/image/{identifier}/info.json").status_code == 404


def test_unknown_identifiers_are_not_found(client):
    for identifier in ("photograph-999999", "person-1", "artifact-image-x"):
        assert client.get(f"/iiif/image/{identifier}/info.json").status_code == 404


def validator_test_image():
    """The validator's test pattern (10 × 10 coloured squares, 1000 px), drawn from
    the colours the validator itself checks."""
    image = Image.new("RGB", (1000, 1000))
    for x, column in enumerate(ValidationInfo().colorInfo):
        for y, colour in enumerate(column):
            image.paste(colour, (x * 100, y * 100, x * 100 + 100, y * 100 + 100))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return SimpleUploadedFile(
        "squares.png", buffer.getvalue(), content_type="image/png"
    )


VALIDATOR = Path(sys.executable).with_name("iiif-validate.py")
# Level 0, plus the level 1 HTTP behaviour we also honour (CORS, JSON-LD media
# type, the base URI redirect).
EXTRA_TESTS = ["cors", "jsonld", "baseurl_redirect"]


@pytest.mark.django_db(transaction=True)
def test_the_iiif_validator_passes_level_0_on_a_live_server(live_server, settings):
    settings.SERVE_MEDIA = True
    photograph = make_photograph(image=validator_test_image())
    server = urlsplit(live_server.url).netloc
    common = [
        sys.executable,
        str(VALIDATOR),
        "--server",
        server,
        "--prefix",
        "iiif/image",
        "--identifier",
        image_identifier(photograph),
        "--version",
        "3.0",
    ]
    level0 = subprocess.run([*common, "--level", "0"], capture_output=True, text=True)
    assert level0.returncode == 0, level0.stderr
    assert "Done (5 tests, 0 failures)" in level0.stderr, level0.stderr
    assert "test info_json PASS" in level0.stderr
    assert "test id_squares PASS" in level0.stderr
    extra = subprocess.run(
        [*common, *(f"--test={name}" for name in EXTRA_TESTS)],
        capture_output=True,
        text=True,
    )
    assert extra.returncode == 0, extra.stderr
    assert extra.stderr.count("PASS") == len(EXTRA_TESTS), extra.stderr
