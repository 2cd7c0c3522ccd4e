"""Level 0 tiles: every file a IIIF viewer asks for is made, upright, without
metadata, and named as the viewer names it."""

import io
import math

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from PIL import Image

from catalog.images.tiles import (
    Layout,
    ensure_tiles,
    folder_for,
    make_tiles,
    read_layout,
    tile_name,
)


class StoredFile:
    """Just enough of a FieldFile: a name in a storage, opened for reading."""

    def __init__(self, storage, name):
        self.storage, self.name = storage, name

    def open(self, mode="rb"):
        return self.storage.open(self.name, mode)


@pytest.fixture
def storage(tmp_path):
    return FileSystemStorage(location=tmp_path)


def stored(storage, image, name="original.jpg", **save_options):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **save_options)
    return StoredFile(storage, storage.save(name, ContentFile(buffer.getvalue())))


def viewer_requests(width, height, tile):
    """The paths OpenSeadragon (inside Mirador and UV) asks a level 0 service for,
    following its IIIFTileSource.getTileUrl for Image API 3 with ``sizes``."""
    factors = Layout(width, height, tile).scale_factors
    max_level = int(math.log2(factors[-1]))
    for level in range(max_level + 1):
        scale = 0.5 ** (max_level - level)
        level_w, level_h = math.ceil(width * scale), math.ceil(height * scale)
        if level_w < tile and level_h < tile:
            full = (level_w, level_h) == (width, height)
            yield f"full/{'max' if full else f'{level_w},{level_h}'}/0/default.jpg"
            continue
        span = round(tile / scale)
        for y in range(math.ceil(level_h / tile)):
            for x in range(math.ceil(level_w / tile)):
                region_w = min(span, width - x * span)
                region_h = min(span, height - y * span)
                if x == 0 and y == 0 and (region_w, region_h) == (width, height):
                    region = "full"
                else:
                    region = f"{x * span},{y * span},{region_w},{region_h}"
                size_w = min(tile, level_w - x * tile)
                size_h = min(tile, level_h - y * tile)
                size = (
                    "max"
                    if (size_w, size_h) == (width, height)
                    else f"{size_w},{size_h}"
                )
                yield f"{region}/{size}/0/default.jpg"


@pytest.mark.parametrize(
    "size", [(1300, 700), (512, 512), (300, 200), (1024, 513), (2049, 100)]
)
def test_every_tile_a_viewer_asks_for_is_made_at_the_size_it_names(storage, size):
    original = stored(storage, Image.new("RGB", size, (200, 40, 40)))
    layout = make_tiles(original, storage, tile=256)
    assert (layout.width, layout.height) == size
    asked = set(viewer_requests(*size, 256))
    assert asked <= set(layout.paths())
    for path in asked:
        with storage.open(tile_name(original, path)) as handle, Image.open(handle) as t:
            assert t.format == "JPEG"
            region, size_label = path.split("/")[:2]
            if size_label != "max":
                assert t.size == tuple(int(n) for n in size_label.split(","))


def test_whole_image_sizes_include_max_and_halve_down_to_one_tile(storage):
    original = stored(storage, Image.new("RGB", (1300, 700)))
    layout = make_tiles(original, storage, tile=512)
    assert layout.scale_factors == [1, 2, 4]
    assert layout.sizes == [(325, 175), (650, 350), (1300, 700)]
    for width, height in layout.sizes:
        assert storage.exists(
            tile_name(original, layout.whole_image_path(width, height))
        )
    assert storage.exists(tile_name(original, "full/max/0/default.jpg"))


def test_tiles_are_upright_and_carry_no_metadata(storage):
    image = Image.new("RGB", (600, 300), (10, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to view
    exif[0x010F] = "Camera maker"
    original = stored(storage, image, exif=exif.tobytes())
    layout = make_tiles(original, storage, tile=512)
    assert (layout.width, layout.height) == (300, 600)
    with storage.open(tile_name(original, "full/max/0/default.jpg")) as handle:
        with Image.open(handle) as full:
            assert full.size == (300, 600)
            assert not full.getexif()
            assert "exif" not in full.info


def test_the_descriptor_is_written_last_and_read_back(storage):
    original = stored(storage, Image.new("RGB", (700, 400)))
    assert read_layout(original, storage) is None
    made = make_tiles(original, storage, tile=512)
    assert read_layout(original, storage) == made
    assert ensure_tiles(original, storage) == made


def test_tiles_missing_their_descriptor_are_made_again(storage):
    original = stored(storage, Image.new("RGB", (700, 400)))
    make_tiles(original, storage)
    storage.delete(f"{folder_for(original.name)}/tiles.json")
    storage.delete(tile_name(original, "full/max/0/default.jpg"))
    ensure_tiles(original, storage)
    assert storage.exists(tile_name(original, "full/max/0/default.jpg"))


def test_a_new_upload_gets_a_new_folder():
    assert folder_for("artifacts/a.jpg") != folder_for("artifacts/b.jpg")
    assert folder_for("artifacts/a.jpg").startswith("iiif/")
