"""IIIF Image API level 0 tiles and sizes, made once with Pillow and kept in storage.

Level 0 means no image server: every file a viewer may ask for is written up front,
named exactly by the request path it answers (``{region}/{size}/0/default.jpg``), so
storage or a CDN can serve it with no code at all. The names are the ones
OpenSeadragon (Mirador, Universal Viewer) builds from the ``tiles`` and ``sizes`` of
``info.json``. Like renditions, tiles are upright (EXIF orientation applied), carry
no metadata, and live in a folder named by the original's storage name, so a new
upload gets new tiles. A small descriptor written last records the layout; while it
is missing the tiles are incomplete and are made again.
"""

import hashlib
import io
import json
import math
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

TILE_SIZE = 512
JPEG_OPTIONS = {"quality": 85, "optimize": True, "progressive": True}
DESCRIPTOR = "tiles.json"


def folder_for(name):
    digest = hashlib.sha1(name.encode()).hexdigest()[:16]
    return f"iiif/{digest}"


@dataclass(frozen=True)
class Layout:
    """The pyramid of one image: its upright size and the tile edge."""

    width: int
    height: int
    tile: int = TILE_SIZE

    @property
    def scale_factors(self):
        """1, 2, 4, … until the whole image fits in one tile."""
        factors = [1]
        while (
            math.ceil(self.width / factors[-1]) > self.tile
            or math.ceil(self.height / factors[-1]) > self.tile
        ):
            factors.append(factors[-1] * 2)
        return factors

    def level_size(self, factor):
        return math.ceil(self.width / factor), math.ceil(self.height / factor)

    @property
    def sizes(self):
        """Every whole-image size on offer, smallest first."""
        return [self.level_size(f) for f in reversed(self.scale_factors)]

    def size_label(self, width, height):
        return (
            "max"
            if (width, height) == (self.width, self.height)
            else f"{width},{height}"
        )

    def whole_image_path(self, width, height):
        return f"full/{self.size_label(width, height)}/0/default.jpg"

    def tiles(self, factor):
        """(path, box in the level's pixels) of every tile at one scale factor."""
        level_width, level_height = self.level_size(factor)
        span = self.tile * factor
        for y in range(0, level_height, self.tile):
            for x in range(0, level_width, self.tile):
                w, h = min(self.tile, level_width - x), min(self.tile, level_height - y)
                region_w = min(span, self.width - x * factor)
                region_h = min(span, self.height - y * factor)
                if (region_w, region_h) == (self.width, self.height):
                    region = "full"
                else:
                    region = f"{x * factor},{y * factor},{region_w},{region_h}"
                path = f"{region}/{self.size_label(w, h)}/0/default.jpg"
                yield path, (x, y, x + w, y + h)

    def paths(self):
        """Every file the layout makes, relative to the image's folder."""
        names = {self.whole_image_path(*size) for size in self.sizes}
        for factor in self.scale_factors:
            names.update(path for path, _box in self.tiles(factor))
        return sorted(names)

    def as_dict(self):
        return {"width": self.width, "height": self.height, "tile": self.tile}


def _save(storage, name, image):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", **JPEG_OPTIONS)
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(buffer.getvalue()))


def make_tiles(field_file, storage=default_storage, tile=TILE_SIZE):
    """Write every tile and size of one image, then its descriptor; return the
    layout."""
    folder = folder_for(field_file.name)
    with field_file.open("rb") as handle, Image.open(handle) as original:
        upright = ImageOps.exif_transpose(original)  # metadata dropped on save
        if upright.mode not in ("RGB", "L"):
            upright = upright.convert("RGB")
        layout = Layout(upright.width, upright.height, tile)
        written = set()
        level = upright
        for factor in layout.scale_factors:
            if factor > 1:
                level = level.resize(layout.level_size(factor), Image.LANCZOS)
            whole = f"{folder}/{layout.whole_image_path(*level.size)}"
            _save(storage, whole, level)
            written.add(whole)
            for path, box in layout.tiles(factor):
                name = f"{folder}/{path}"
                if name not in written:
                    _save(storage, name, level.crop(box))
                    written.add(name)
    descriptor = f"{folder}/{DESCRIPTOR}"
    if storage.exists(descriptor):
        storage.delete(descriptor)
    storage.save(descriptor, ContentFile(json.dumps(layout.as_dict()).encode()))
    return layout


def read_layout(field_file, storage=default_storage):
    """The layout of an image whose tiles are complete, or None."""
    try:
        with storage.open(f"{folder_for(field_file.name)}/{DESCRIPTOR}") as handle:
            return Layout(**json.loads(handle.read()))
    except (FileNotFoundError, OSError, ValueError, TypeError):
        return None


def ensure_tiles(field_file, storage=default_storage):
    """The image's layout, making its tiles first if they are not there yet."""
    return read_layout(field_file, storage) or make_tiles(field_file, storage)


def tile_name(field_file, path):
    """The storage name of one file of an image's tiles (``path`` as requested)."""
    return f"{folder_for(field_file.name)}/{path}"
