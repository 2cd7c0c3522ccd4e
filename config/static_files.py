"""Checks of a deployment that Django does not make: the static files collected.

Without DEBUG, every page names its static files by the hashed names that
``collectstatic`` writes into STATIC_ROOT with a manifest; without them every page
is a server error. So the server refuses to start instead, naming the command:
the WSGI and ASGI entry points (gunicorn, runserver) ask before serving.
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages

COMMAND = "python manage.py collectstatic --noinput"
# What collectstatic leaves out unless told otherwise.
IGNORED = ["CVS", ".*", "*~"]


def uncollected_static_files():
    """Why pages would fail to name their static files, or None."""
    storage = storages["staticfiles"]
    if settings.DEBUG or not isinstance(storage, ManifestFilesMixin):
        return None  # names are not hashed: files are served from the apps
    if not storage.exists(storage.manifest_name):
        return (
            f"The static files have not been collected into STATIC_ROOT "
            f"({settings.STATIC_ROOT}), so every page would fail. "
            f"Run `{COMMAND}` first."
        )
    collected = storage.hashed_files  # read from the manifest when it was made
    missing = sorted(
        path
        for finder in finders.get_finders()
        for path, _ in finder.list(IGNORED)
        if path.replace("\\", "/") not in collected
    )
    if missing:
        return (
            f"{len(missing)} static files are newer than the last collectstatic "
            f"into STATIC_ROOT ({settings.STATIC_ROOT}), e.g. {missing[0]}: pages "
            f"using them would fail. Run `{COMMAND}` again."
        )
    return None


def refuse_to_start_without_static_files():
    """Called by the WSGI and ASGI entry points (gunicorn, runserver)."""
    if problem := uncollected_static_files():
        raise ImproperlyConfigured(problem)
