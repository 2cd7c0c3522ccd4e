"""backup and restore round-trip the whole demo exhibition, records and files."""

import hashlib
import json
import tarfile
from io import BytesIO, StringIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from catalog.models import Artifact, ArtifactImage, Citation, Person, Photograph
from catalog.transfer.backup import _media_names
from exhibition.demo.loader import load_exhibition
from exhibition.models import Exhibition, Section, SectionItem
from tests.factories import make_person

MODELS = [
    Person,
    Artifact,
    ArtifactImage,
    Photograph,
    Citation,
    Exhibition,
    Section,
    SectionItem,
]
pytestmark = pytest.mark.django_db(transaction=True)


def snapshot_of_records():
    snapshot = {
        model._meta.label: json.loads(
            serializers.serialize(
                "json", model.objects.order_by("pk"), use_natural_foreign_keys=True
            )
        )
        for model in MODELS
    }
    # Many-to-many lists (of pks or of natural keys) come back in whatever order
    # the database reads them; the set of links is what must survive.
    for rows in snapshot.values():
        for row in rows:
            for name, value in row["fields"].items():
                if isinstance(value, list):
                    row["fields"][name] = sorted(value, key=json.dumps)
                elif isinstance(value, str) and value.endswith(".000Z"):
                    # The serializer keeps milliseconds: a time 0.4 ms past the
                    # second is written "…07.000Z", restored as …07.000000 and
                    # written again as "…07Z". The same instant, not a loss.
                    row["fields"][name] = value[: -len(".000Z")] + "Z"
    return snapshot


def snapshot_of_files():
    return {
        name: hashlib.sha256(default_storage.open(name).read()).hexdigest()
        for name in _media_names(default_storage)
    }


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo loaded once for the module (over half a minute of CPU), its records
    and files noted, backed up, then emptied from the database and the media: each
    test starts from an empty database and this one archive."""
    with django_db_blocker.unblock():
        load_exhibition()
        records, files = snapshot_of_records(), snapshot_of_files()
        assert records["catalog.Artifact"] and files
        archive = tmp_path_factory.mktemp("backup") / "snapshot.tar.gz"
        call_command("backup", str(archive), stdout=StringIO())
        call_command("flush", interactive=False, verbosity=0)
        for name in files:
            default_storage.delete(name)
    return SimpleNamespace(records=records, files=files, archive=archive)


def test_backup_then_restore_into_an_empty_database_loses_nothing(demo_snapshot):
    assert not Artifact.objects.exists() and not snapshot_of_files()

    call_command("restore", str(demo_snapshot.archive), stdout=StringIO())
    assert differences(snapshot_of_records(), demo_snapshot.records) == []
    assert snapshot_of_files() == demo_snapshot.files
    for name in demo_snapshot.files:  # the next test starts without them
        default_storage.delete(name)


def differences(after, before):
    """(model, pk, field, before, after) for every value the restore changed."""
    found = []
    for label, rows in before.items():
        restored = {row["pk"]: row["fields"] for row in after.get(label, [])}
        for row in rows:
            fields = restored.get(row["pk"], {})
            for name, value in row["fields"].items():
                if fields.get(name) != value:
                    found.append((label, row["pk"], name, value, fields.get(name)))
    return found


def test_restore_refuses_a_damaged_snapshot_and_writes_nothing(demo_snapshot, tmp_path):
    damaged = tmp_path / "damaged.tar.gz"
    with (
        tarfile.open(demo_snapshot.archive) as source,
        tarfile.open(damaged, "w:gz") as target,
    ):
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == "data.json":
                content = content.replace(b"Edgar Snow", b"Edgar Snoe")
            member.size = len(content)
            target.addfile(member, BytesIO(content))
    with pytest.raises(CommandError, match="checksum"):
        call_command("restore", str(damaged), stdout=StringIO())
    assert not Person.objects.exists()
    assert not snapshot_of_files()


def test_restore_will_not_load_over_existing_records(demo_snapshot):
    kept = make_person(name_en="Already here")
    with pytest.raises(CommandError, match="empty database"):
        call_command("restore", str(demo_snapshot.archive), stdout=StringIO())
    assert list(Person.objects.all()) == [kept]
    assert not Artifact.objects.exists()
    assert Path(demo_snapshot.archive).exists()
