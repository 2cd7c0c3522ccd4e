"""Images: upload checks, storage names and the renditions visitors see."""

from catalog.images.checks import CheckedImageField, validate_image_file
from catalog.images.paths import UploadPath

__all__ = ["CheckedImageField", "UploadPath", "validate_image_file"]
