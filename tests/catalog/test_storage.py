"""With media on an S3 endpoint that does not answer, every command that touches
media stops with one clear line (CommandError), never a traceback, and leaves
nothing half-done: no partial snapshot, no records restored without their files."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Person
from tests.factories import make_artifact, make_person

pytestmark = pytest.mark.django_db(transaction=True)

UNREACHABLE = "the media storage is unreachable or refused the request"


@pytest.mark.parametrize(
    "command, doing",
    [
        ("make_renditions", "Making renditions and tiles"),
        ("export_collection", "The export"),
        ("backup", "The backup"),
    ],
)
def test_commands_reading_media_say_the_storage_is_down(
    command, doing, request, tmp_path
):
    make_artifact()  # its image stored on disk, before the outage
    request.getfixturevalue("s3_down")
    target = tmp_path / "out"
    with pytest.raises(CommandError) as raised:
        call_command(command, *([] if command == "make_renditions" else [target]))
    assert str(raised.value).startswith(f"{doing} failed: {UNREACHABLE}")
    assert "AWS_S3_ENDPOINT_URL" in str(raised.value)
    if command == "backup":
        assert list(tmp_path.iterdir()) == []  # no partial snapshot left behind


def test_restore_with_the_storage_down_loads_nothing(request, tmp_path):
    make_person()
    make_artifact()
    archive = tmp_path / "snapshot.tar.gz"
    call_command("backup", str(archive), stdout=StringIO())
    call_command("flush", interactive=False, verbosity=0)
    request.getfixturevalue("s3_down")
    with pytest.raises(CommandError, match=f"The restore failed: {UNREACHABLE}"):
        call_command("restore", str(archive), stdout=StringIO())
    assert not Person.objects.exists()  # no records without their files
