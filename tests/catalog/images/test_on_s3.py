"""Images on S3 (moto's server, through django-storages): an upload, its renditions
and its IIIF tiles land in the bucket, and visitors are sent to the bucket for them."""

import hashlib
import io
import re
import urllib.request
from io import StringIO

import pytest
from django.core.management import call_command
from PIL import Image

from catalog import workflow
from catalog.images import tiles
from catalog.images.renditions import FORMATS, rendition_name, widths_for
from catalog.models import ArtifactImage
from tests.factories import make_ready_artifact, uploaded_image

pytestmark = pytest.mark.django_db


def fetch(url):
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        return response.status, response.read()


def test_upload_renditions_and_tiles_land_in_the_bucket_and_are_served_from_it(
    s3_media, client, curator, settings, django_capture_on_commit_callbacks
):
    artifact = make_ready_artifact(with_image=False)
    entry = ArtifactImage.objects.create(
        artifact=artifact,
        image=uploaded_image(size=(700, 500)),
        alt_text_en="A test image",
        alt_text_zh_hans="测试图像",
    )
    name = entry.image.name
    assert list(s3_media.objects()) == [name]  # the original, nothing else yet

    # Publishing makes the IIIF tiles, in the bucket.
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish(artifact, curator)
    folder = tiles.folder_for(name)
    expected_tiles = {f"{folder}/{path}" for path in tiles.Layout(700, 500).paths()}
    assert len(expected_tiles) > 2
    assert expected_tiles | {f"{folder}/{tiles.DESCRIPTOR}"} <= set(s3_media.objects())

    # make_renditions makes every rendition, in the bucket.
    call_command("make_renditions", stdout=StringIO())
    stored = s3_media.objects()
    renditions = {
        rendition_name(name, width, extension)
        for width in widths_for(700)
        for extension in FORMATS
    }
    assert renditions <= set(stored)

    # The gallery page points straight at the bucket, which answers with the bytes.
    page = client.get(artifact.get_absolute_url()).content.decode()
    addresses = set(re.findall(r"(http://127\.0\.0\.1:\d+/[^\s\"',]+)", page))
    shown = {a for a in addresses if a.startswith(s3_media.url)}
    assert shown and shown == addresses
    for address in shown:
        status, body = fetch(address)
        key = address.removeprefix(s3_media.url)
        assert status == 200
        assert key in renditions
        assert hashlib.sha256(body).hexdigest() == stored[key]

    # Without the app serving media, a tile request is sent to the bucket too.
    settings.SERVE_MEDIA = False
    tile = f"/iiif/image/artifact-image-{entry.pk}/full/max/0/default.jpg"
    response = client.get(tile)
    assert response.status_code == 302
    assert response["Location"] == f"{s3_media.url}{folder}/full/max/0/default.jpg"
    status, body = fetch(response["Location"])
    assert status == 200
    assert Image.open(io.BytesIO(body)).size == (700, 500)
