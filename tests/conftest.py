import hashlib
import json
import logging
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from tests.services import free_port


@pytest.fixture(scope="session", autouse=True)
def isolated_media(tmp_path_factory):
    """Keep test uploads out of the project's media/ folder."""
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))
    return settings.MEDIA_ROOT


@pytest.fixture
def curator(django_user_model):
    return django_user_model.objects.create_superuser(
        username="head", email="head@example.org", password="not-a-real-password-42"
    )


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def two_curators(django_user_model):
    """Two head curators, each signed in with their own browser (client)."""
    from django.contrib.auth.models import Group
    from django.test import Client

    clients = []
    for name in ("alice", "bao"):
        user = django_user_model.objects.create_user(username=name, is_staff=True)
        user.groups.add(Group.objects.get(name="Head curator"))
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


@pytest.fixture(scope="session", autouse=True)
def plain_static_storage():
    """Serve static files unhashed in tests: no collectstatic needed to run them."""
    from django.test import override_settings

    # override_settings (not assignment) so Django drops storages already built.
    override = override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {
                "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
            },
        }
    )
    override.enable()
    yield
    override.disable()


@pytest.fixture(autouse=True)
def fresh_cache(settings, monkeypatch):
    """Each test starts with an empty cache and no page cache, unless it asks.

    A request reads the content version from the cache, and from the database
    when the cache lacks it or a second has passed since the worker last looked:
    here the second never passes, so query counts do not depend on the clock."""
    from django.core.cache import cache

    from exhibition import page_cache

    settings.PAGE_CACHE_SECONDS = 0
    # Uses are flushed by the tests that mean to (exhibition.stats.flush).
    settings.USE_COUNT_FLUSH_SECONDS = 0
    monkeypatch.setattr(page_cache, "CHECK_EVERY", 3600)
    monkeypatch.setattr(page_cache, "_last_check", [float("-inf")])
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def no_login_throttling(settings):
    """Login throttling is tested on its own; elsewhere it would only get in the way."""
    settings.AXES_ENABLED = False


def verify_session(client, user):
    """Mark ``client``'s session as having passed the login's code step."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="tests")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture(autouse=True)
def staff_logins_pass_the_code_step(request, monkeypatch):
    """``client.force_login`` signs staff in with both steps done, as a real login
    with password and code would; tests marked ``two_step_login`` get Django's
    plain force_login (a session that has not given a code)."""
    from django.test import Client

    if request.node.get_closest_marker("two_step_login"):
        return
    plain = Client.force_login

    def force_login(self, user, backend=None):
        plain(self, user, backend)
        if user.is_staff or user.is_superuser:
            verify_session(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def english_by_default():
    """A Chinese request must not leave the next test speaking Chinese."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


# -- media on S3: moto's S3 server on loopback, driven through django-storages ---

S3_CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}


def s3_unavailable(reason):
    if os.environ.get("REQUIRE_SERVICES"):
        pytest.fail(f"the S3 server is required here (REQUIRE_SERVICES): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 server for the session, on 127.0.0.1 and a port the system picks.

    Bound here, in the test's own thread (moto's ThreadedMotoServer binds in its
    thread and would wait forever if that failed), then served from a daemon thread.
    """
    try:
        import storages.backends.s3  # noqa: F401
        from moto.moto_server.werkzeug_app import (
            DomainDispatcherApplication,
            MotoRequestHandler,
            create_backend_app,
        )
        from werkzeug.serving import make_server
    except ImportError as error:
        s3_unavailable(f"moto or django-storages is not installed ({error})")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    try:
        server = make_server(
            "127.0.0.1",
            0,
            DomainDispatcherApplication(create_backend_app),
            threaded=True,
            request_handler=MotoRequestHandler,
        )
    except OSError as error:
        s3_unavailable(f"moto's S3 server could not listen on 127.0.0.1 ({error})")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def s3_storage_settings(s3_endpoint):
    """STORAGES["default"] exactly as config/settings.py builds it from the
    environment, plus test credentials and no retries (a closed port fails fast)."""
    from botocore.config import Config

    environment = {
        **os.environ,
        "AWS_STORAGE_BUCKET_NAME": "placeholder",
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    code = "import json, config.settings as s; print(json.dumps(s.STORAGES))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parent.parent,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    default = json.loads(result.stdout)["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    config = Config(retries={"mode": "standard", "max_attempts": 1}, connect_timeout=2)
    default["OPTIONS"].update(S3_CREDENTIALS, client_config=config)
    return default


@pytest.fixture
def s3_media(s3_endpoint, s3_storage_settings, settings):
    """Media in a new, empty bucket for one test; ``.objects()`` lists it as
    {key: SHA-256}."""
    import boto3

    bucket = f"media-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=S3_CREDENTIALS["access_key"],
        aws_secret_access_key=S3_CREDENTIALS["secret_key"],
    )
    client.create_bucket(Bucket=bucket)
    # Visitors read media straight from the bucket: public GetObject, as in
    # docs/deployment.md.
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_read))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **s3_storage_settings,
            "OPTIONS": {**s3_storage_settings["OPTIONS"], "bucket_name": bucket},
        },
    }

    def objects():
        found = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for entry in page.get("Contents", []):
                body = client.get_object(Bucket=bucket, Key=entry["Key"])["Body"]
                found[entry["Key"]] = hashlib.sha256(body.read()).hexdigest()
        return found

    return SimpleNamespace(
        client=client,
        bucket=bucket,
        url=f"{s3_endpoint}/{bucket}/",
        objects=objects,
    )


@pytest.fixture
def s3_down(s3_storage_settings, settings):
    """Media on an S3 endpoint that does not answer (a closed port on loopback)."""
    options = {
        **s3_storage_settings["OPTIONS"],
        "bucket_name": "unreachable",
        "endpoint_url": f"http://127.0.0.1:{free_port()}",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {**s3_storage_settings, "OPTIONS": options},
    }
