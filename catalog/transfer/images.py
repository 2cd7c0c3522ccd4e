"""The images an import brings: a folder or a ZIP file, read by name."""

import zipfile
from pathlib import Path, PurePosixPath


class ImageFolder:
    """Images by file name, from a folder (searched recursively) or a ZIP file."""

    def __init__(self, location):
        self.files = {}
        self.zip = None
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

    def close(self):
        if self.zip:
            self.zip.close()
