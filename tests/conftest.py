import pytest
from django.conf import settings


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
def fresh_cache(settings):
    """Each test starts with an empty cache and no page cache, unless it asks."""
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 0
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
