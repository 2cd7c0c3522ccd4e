"""Where uploads are stored: random names, never the uploader's file name."""

import uuid
from pathlib import PurePosixPath

from django.utils.deconstruct import deconstructible

from catalog.images.checks import ALLOWED_FORMATS


@deconstructible(path="catalog.images.UploadPath")
class UploadPath:
    """An ``upload_to`` that names files by a random id, never by the upload's name."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        suffix = PurePosixPath(filename).suffix.lower()
        suffix = {".jpeg": ".jpg", ".jpe": ".jpg", ".tiff": ".tif"}.get(suffix, suffix)
        if suffix not in ALLOWED_FORMATS.values():
            suffix = ".img"
        return f"{self.folder}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, UploadPath) and other.folder == self.folder
