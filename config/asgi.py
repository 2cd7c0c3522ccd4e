"""ASGI entry point."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_asgi_application()

from config.static_files import refuse_to_start_without_static_files  # noqa: E402

# Without DEBUG, pages name hashed static files: refuse to serve 500s instead.
refuse_to_start_without_static_files()
