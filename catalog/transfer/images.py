"""The images an import brings: a folder or a ZIP file, read by name, and whether
each can be used."""

import zipfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from catalog.images import validate_image_file


class ImageFolder:
    """Images by file name, from a folder (searched recursively) or a ZIP file."""

    def __init__(self, location):
        self.files = {}
        self.zip = None
        self.verdicts = {}  # file name → why it cannot be used, or None
        if location is None:
            return
        location = Path(location)
        if location.is_file() and zipfile.is_zipfile(location):
            self.zip = zipfile.ZipFile(location)
            for info in self.zip.infolist():
                if not info.is_dir():
                    self._add(PurePosixPath(info.filename).name, info)
        elif location.is_dir():
            for path in sorted(location.rglob("*")):
                if path.is_file():
                    self._add(path.name, path)

    def _add(self, name, where):
        if name.startswith(".") or name.startswith("__MACOSX"):
            return
        self.files.setdefault(name, where)
        self.files.setdefault(name.lower(), where)

    def find(self, name):
        return self.files.get(name) or self.files.get(name.lower())

    def size(self, where):
        return where.file_size if self.zip else where.stat().st_size

    def read(self, where):
        if self.zip:
            with self.zip.open(where) as handle:
                return handle.read()
        return where.read_bytes()

    def error(self, name):
        """Why image ``name`` cannot be used, or None. Only the verdict is kept: the
        bytes of every image of a large import would not fit in memory."""
        if name not in self.verdicts:
            self.verdicts[name] = self._check(name)
        return self.verdicts[name]

    def _check(self, name):
        where = self.find(name)
        if where is None:
            return _("Missing image “%(name)s”: no such file.") % {"name": name}
        if self.size(where) > settings.IMAGE_MAX_BYTES:
            return _("Image “%(name)s” is too large.") % {"name": name}
        upload = ContentFile(self.read(where), name=name)
        try:
            validate_image_file(upload)
        except ValidationError as error:
            return _("Broken image “%(name)s”: %(error)s") % {
                "name": name,
                "error": " ".join(error.messages),
            }
        return None

    def close(self):
        if self.zip:
            self.zip.close()
