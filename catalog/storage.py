"""Media storage failures: which errors mean the storage (an S3 bucket, a disk) is
down or refusing, and how curators and operators are told, without a traceback."""

from contextlib import contextmanager

from django.core.management.base import CommandError
from django.utils.translation import gettext_lazy as _

# What django-storages' S3 backend raises when the endpoint does not answer
# (connection refused, timeouts) or the bucket refuses (missing, access denied).
try:
    from botocore.exceptions import BotoCoreError, ClientError

    REMOTE_ERRORS = (BotoCoreError, ClientError)
except ImportError:  # media on the local disk only (no '.[s3]' extra)
    REMOTE_ERRORS = ()

# In the admin a full or read-only disk is the same kind of failure.
STORAGE_ERRORS = (OSError, *REMOTE_ERRORS)

UPLOAD_FAILED = _(
    "The image could not be stored: the media storage is not answering or refused "
    "it. Nothing was saved. Try again in a moment, or tell the site's administrator."
)


def command_message(error, doing):
    """One line for an operator: what failed, why, and what to check."""
    return (
        f"{doing} failed: the media storage is unreachable or refused the request "
        f"({type(error).__name__}: {error}). Check AWS_S3_ENDPOINT_URL, "
        "AWS_STORAGE_BUCKET_NAME and the credentials, then run the command again."
    )


@contextmanager
def storage_command(doing):
    """Turn a remote storage failure inside a management command into a
    CommandError (a clear message and exit status 1, no traceback)."""
    try:
        yield
    except REMOTE_ERRORS as error:
        raise CommandError(command_message(error, doing)) from None
