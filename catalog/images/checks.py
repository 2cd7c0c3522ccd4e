"""Checking uploaded images: the validator and the model field that applies it.

An upload is accepted only if Pillow decodes it completely as one of the allowed
formats, within the byte and pixel limits in settings. The pixel count is read from
the header before any decoding, so a decompression bomb is refused without being
expanded in memory.
"""

import re
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "TIFF": ".tif"}
# Markup hidden inside an image file (a "polyglot") could run if a browser ever
# sniffed the file as HTML; a real photograph has no reason to contain any.
MARKUP = re.compile(rb"<\s*(script|html|svg|iframe|body|\?php)\b", re.IGNORECASE)


def validate_image_file(file):
    """Raise ValidationError unless ``file`` is a complete, allowed, bounded image."""
    max_bytes = settings.IMAGE_MAX_BYTES
    max_pixels = settings.IMAGE_MAX_PIXELS
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    file.seek(0)
    if MARKUP.search(file.read()):
        file.seek(0)
        raise ValidationError(
            _(
                "This file contains web page code as well as an image, so it is "
                "refused. Export the picture again from an image editor."
            ),
            code="polyglot",
        )
    try:
        file.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as image:
                width, height = image.size
                image_format = image.format
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _(
                            "%(format)s images are not accepted. "
                            "Upload a JPEG, PNG, WebP or TIFF file."
                        ),
                        code="format",
                        params={"format": image_format or _("Unknown")},
                    )
                if width * height > max_pixels:
                    raise ValidationError(
                        _(
                            "The image is %(width)s × %(height)s pixels "
                            "(%(megapixels)s megapixels); the limit is %(limit)s "
                            "megapixels."
                        ),
                        code="too_many_pixels",
                        params={
                            "width": width,
                            "height": height,
                            "megapixels": round(width * height / 1_000_000, 1),
                            "limit": round(max_pixels / 1_000_000, 1),
                        },
                    )
                # Decode every byte: truncated files fail here, whatever another
                # library set process-wide (WeasyPrint turns truncation off).
                ImageFile.LOAD_TRUNCATED_IMAGES = False
                image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        # Pillow refuses far-too-large canvases itself, before decoding anything.
        found = re.search(r"\((\d+) pixels\)", str(error))
        pixels = int(found.group(1)) if found else max_pixels * 2
        raise ValidationError(
            _(
                "The image is %(megapixels)s megapixels; the limit is %(limit)s "
                "megapixels."
            ),
            code="too_many_pixels",
            params={
                "megapixels": round(pixels / 1_000_000, 1),
                "limit": round(max_pixels / 1_000_000, 1),
            },
        ) from None
    except UnidentifiedImageError:
        raise ValidationError(
            _(
                "This file is not an image we can read. "
                "Upload a JPEG, PNG, WebP or TIFF."
            ),
            code="not_an_image",
        ) from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The image is damaged or incomplete (%(error)s). Upload it again."),
            code="damaged",
            params={"error": error},
        ) from None
    finally:
        file.seek(0)
    return image_format


class CheckedImageFormField(forms.ImageField):
    """An image form field whose errors say what is wrong with the file."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        validate_image_file(data)
        return super().to_python(data)


class CheckedImageField(models.ImageField):
    """An ImageField that validates uploads with ``validate_image_file``."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})

    def deconstruct(self):
        # Migrations name the field by its short, stable path.
        name, _path, args, kwargs = super().deconstruct()
        return name, "catalog.images.CheckedImageField", args, kwargs
