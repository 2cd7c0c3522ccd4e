"""Production settings fail fast; the database is the one CI asked for."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def load_settings(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ENV", "DATABASE_URL"}
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_settings(DJANGO_ENV="production", ALLOWED_HOSTS="museum.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_settings(DJANGO_ENV="production", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_with_both():
    result = load_settings(
        DJANGO_ENV="production", SECRET_KEY="x" * 50, ALLOWED_HOSTS="museum.example"
    )
    assert result.returncode == 0, result.stderr


def test_development_needs_nothing_set():
    assert load_settings().returncode == 0


def test_whitenoise_comes_right_after_the_security_middleware():
    from django.conf import settings

    assert settings.MIDDLEWARE[:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]


@pytest.mark.django_db
def test_the_suite_runs_on_the_database_it_was_asked_for():
    # CI's PostgreSQL leg sets EXPECT_DATABASE; a silent fallback to SQLite fails here.
    expected = os.environ.get("EXPECT_DATABASE", "sqlite")
    assert connection.vendor == expected
