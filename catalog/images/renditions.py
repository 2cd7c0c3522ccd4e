"""Resized copies of images, made once with Pillow and kept in storage.

Originals are never served to visitors for display. Each image gets WebP and JPEG
renditions at a few widths, named by the original's storage name so that a new
upload gets new renditions and old ones can be cleaned away with its folder.
"""

import hashlib
import io
import logging
from dataclasses import dataclass
from functools import cached_property

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 960, 1280, 1600)
FORMATS = {
    "webp": ("WEBP", {"quality": 78, "method": 4}),
    "jpg": ("JPEG", {"quality": 80, "optimize": True, "progressive": True}),
}


def folder_for(name):
    digest = hashlib.sha1(name.encode()).hexdigest()[:16]
    return f"renditions/{digest}"


def rendition_name(name, width, extension):
    return f"{folder_for(name)}/{width}.{extension}"


def widths_for(original_width):
    """The rendition widths worth making: never wider than the original."""
    widths = [w for w in WIDTHS if w < original_width]
    return widths + [min(original_width, WIDTHS[-1])] if original_width else []


def make_renditions(field_file, storage=default_storage):
    """Write every rendition of one image; return the widths made."""
    with field_file.open("rb") as handle, Image.open(handle) as original:
        original = ImageOps.exif_transpose(original)  # upright, metadata dropped
        if original.mode not in ("RGB", "L"):
            original = original.convert("RGB")
        made = []
        for width in widths_for(original.width):
            height = round(original.height * width / original.width)
            resized = original.resize((width, height), Image.LANCZOS)
            for extension, (image_format, options) in FORMATS.items():
                buffer = io.BytesIO()
                resized.save(buffer, image_format, **options)
                name = rendition_name(field_file.name, width, extension)
                if storage.exists(name):
                    storage.delete(name)
                storage.save(name, ContentFile(buffer.getvalue()))
            made.append(width)
    return made


@dataclass
class Picture:
    """What a template needs to show one image responsively."""

    field_file: object
    width: int
    height: int
    alt: str = ""

    @cached_property
    def widths(self):
        return widths_for(self.width or 0)

    def ensure(self):
        largest = self.widths[-1] if self.widths else None
        if largest and not default_storage.exists(
            rendition_name(self.field_file.name, largest, "webp")
        ):
            make_renditions(self.field_file)
        return self

    @cached_property
    def folder_url(self):
        # One storage call per image rather than one per rendition: URL building is
        # a noticeable share of a card-heavy page. (Signed per-file URLs would need
        # a call each; renditions are public, so one prefix serves them all.)
        return default_storage.url(folder_for(self.field_file.name))

    def srcset(self, extension):
        return ", ".join(f"{self.folder_url}/{w}.{extension} {w}w" for w in self.widths)

    def url(self, width, extension="jpg"):
        chosen = next((w for w in self.widths if w >= width), self.widths[-1])
        return f"{self.folder_url}/{chosen}.{extension}"

    def height_for(self, width):
        return round(self.height * width / self.width) if self.width else None


def ready_picture(field_file, width, height, alt=""):
    """``Picture(...).ensure()``, or None when the media storage fails (S3 down, a
    missing original): the page then leaves the image out instead of answering
    500, and the failure is logged once per image."""
    from catalog.storage import STORAGE_ERRORS

    try:
        return Picture(field_file, width, height, alt).ensure()
    except STORAGE_ERRORS as error:
        logger.warning(
            "media storage unavailable, image %s left out: %s: %s",
            field_file.name,
            type(error).__name__,
            error,
        )
        return None
