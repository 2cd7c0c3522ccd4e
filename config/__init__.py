"""The settings package: settings from the environment, root URLs, WSGI/ASGI."""
