"""Backups: a consistent snapshot of the database (Django's portable JSON) plus media,
with a checksum for every file, and a restore that verifies them before loading."""

import hashlib
import io
import json
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.core import management
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction

# Rebuilt by migrate, or worthless in a restored site.
EXCLUDED = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
]
FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def _media_names(storage, folder=""):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        # Renditions are derived and rebuilt on demand; no need to carry them.
        if folder or directory != "renditions":
            yield from _media_names(
                storage, f"{folder}/{directory}" if folder else directory
            )


def _tableless_models():
    """Unmanaged models (admin dashboards and the like) have no rows of their own."""
    from django.apps import apps

    return [m._meta.label for m in apps.get_models() if not m._meta.managed]


def dump_database():
    """All records as Django JSON, read inside one snapshot transaction."""
    buffer = io.StringIO()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        management.call_command(
            "dumpdata",
            exclude=EXCLUDED + _tableless_models(),
            natural_foreign=True,
            natural_primary=False,
            indent=None,
            stdout=buffer,
        )
    return buffer.getvalue().encode()


def backup(path, storage=default_storage):
    """Write a .tar.gz snapshot to ``path``; return its manifest."""
    data = dump_database()
    manifest = {
        "format": FORMAT_VERSION,
        "created": datetime.now(UTC).isoformat(),
        "database": {"file": "data.json", "sha256": _sha256(data)},
        "media": {},
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed when complete: a failure (storage down midway)
    # never leaves a partial snapshot under the name, nor spoils an older one.
    partial = path.with_name(f"{path.name}.partial")
    try:
        with tarfile.open(partial, "w:gz") as archive:
            _add(archive, "data.json", data)
            for name in sorted(_media_names(storage)):
                with storage.open(name, "rb") as handle:
                    content = handle.read()
                manifest["media"][name] = _sha256(content)
                _add(archive, f"media/{name}", content)
            _add(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def _add(archive, name, content):
    info = tarfile.TarInfo(name)
    info.size = len(content)
    archive.addfile(info, io.BytesIO(content))


def restore(path, storage=default_storage, force=False):
    """Verify every checksum in the snapshot, then load it into an empty database."""
    from catalog.models import Artifact, Person, Photograph

    if not force and any(m.objects.exists() for m in (Artifact, Photograph, Person)):
        raise BackupError(
            "The database already holds records; restore into an empty database "
            "(or pass --force to load on top)."
        )
    with tarfile.open(path, "r:gz") as archive:
        members = {m.name: m for m in archive.getmembers() if m.isfile()}
        if "manifest.json" not in members:
            raise BackupError(
                "This file is not an Exhibition CMS backup (no manifest)."
            )
        manifest = json.loads(archive.extractfile("manifest.json").read())
        data = archive.extractfile("data.json").read()
        if _sha256(data) != manifest["database"]["sha256"]:
            raise BackupError(
                "data.json does not match its checksum; nothing restored."
            )
        media = {}
        for name, digest in manifest["media"].items():
            member = members.get(f"media/{name}")
            if member is None:
                raise BackupError(f"media file {name} is missing; nothing restored.")
            content = archive.extractfile(member).read()
            if _sha256(content) != digest:
                raise BackupError(f"media file {name} is damaged; nothing restored.")
            media[name] = content
    # Storage must answer before the database is loaded, or a restore into an
    # unreachable bucket would leave records whose files are missing.
    try:
        storage.listdir("")
    except FileNotFoundError:
        pass  # a local media folder not made yet: saving makes it
    with transaction.atomic():
        fixture = Path(path).with_suffix(".restore.json")
        fixture.write_bytes(data)
        try:
            management.call_command("loaddata", str(fixture), verbosity=0)
        finally:
            fixture.unlink(missing_ok=True)
    for name, content in media.items():
        if storage.exists(name):
            storage.delete(name)
        storage.save(name, ContentFile(content))
    return manifest
