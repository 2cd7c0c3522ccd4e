"""Settings for Exhibition CMS, read from the environment.

With nothing set it runs for development: DEBUG on, SQLite in ``var/``, uploads in
``media/``. ``DJANGO_ENV=production`` turns DEBUG off and refuses to start without
``SECRET_KEY`` and ``ALLOWED_HOSTS``. Every variable is listed in the README.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name):
    return [
        item.strip() for item in os.environ.get(name, "").split(",") if item.strip()
    ]


def require(name):
    """Return a variable that production cannot run without, or stop loudly."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when DJANGO_ENV=production "
            "(see README, Configuration)."
        )
    return value


ENVIRONMENT = env("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"

if PRODUCTION:
    SECRET_KEY = require("SECRET_KEY")
    ALLOWED_HOSTS = require("ALLOWED_HOSTS").split(",")
    DEBUG = env_bool("DJANGO_DEBUG", False)
else:
    # A fixed key is fine off production: it protects nothing worth having.
    SECRET_KEY = env("SECRET_KEY", "development-only-insecure-key-do-not-deploy")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or ["localhost", "127.0.0.1", "[::1]"]
    DEBUG = env_bool("DJANGO_DEBUG", True)

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before it.
    "modeltranslation",
    "staff.apps.CuratorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    # Login throttling and two-step login for staff, named in staff/apps.py.
    "staff.apps.LoginThrottlingConfig",
    "django_otp",
    "staff.apps.AuthenticatorsConfig",
    "staff.apps.RecoveryCodesConfig",
    "adminsortable2",
    "simple_history",
    "catalog",
    "exhibition",
    "staff.apps.StaffConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the outage check, CSP, sessions and auth, so a cached page skips the
    # rest of the stack (it was stored with the headers they gave it).
    "exhibition.page_cache.AnonymousPageCacheMiddleware",
    "staff.middleware.ServiceUnavailableMiddleware",
    "csp.middleware.CSPMiddleware",
    "staff.middleware.AdminContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Second step of the login; elsewhere unverified staff are visitors (two_factor).
    "django_otp.middleware.OTPMiddleware",
    "staff.two_factor.gate.PublicFaceMiddleware",
    # The admin speaks each person's language (saved choice, else the browser's).
    "staff.admin_language.AdminLanguageMiddleware",
    # Records who made each change in the catalogue's history (needs request.user).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees the outcome of authentication (login throttling).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Staff logins (lockout, two-step login): config/login_settings.py.
from config.login_settings import *  # noqa: E402, F403

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "exhibition.gallery.context_processors.museum",
                "exhibition.gallery.context_processors.navigation",
            ],
        },
    },
]

# SQLite lives in var/, outside the source folders and ignored by git.
SQLITE_PATH = Path(env("SQLITE_PATH", BASE_DIR / "var" / "exhibition.sqlite3"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{SQLITE_PATH}",
        conn_max_age=int(env("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL"):
    CACHES = {
        "default": {
            # Redis, but a cache outage degrades to "uncached", never to an error.
            "BACKEND": "exhibition.redis_cache.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "exhibition"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "exhibition",
        }
    }

# Pages cached whole for anonymous visitors; uses written from the cache this often.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
USE_COUNT_FLUSH_SECONDS = int(env("USE_COUNT_FLUSH_SECONDS", "300"))
# At most one heartbeat per kiosk is accepted in this many seconds.
KIOSK_HEARTBEAT_MIN_SECONDS = int(env("KIOSK_HEARTBEAT_MIN_SECONDS", "15"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# Languages: English and Simplified Chinese. The content fallback rule lives here,
# in MODELTRANSLATION_FALLBACK_LANGUAGES, and nowhere else.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("zh-hans", _("Simplified Chinese"))]
# One gettext catalogue for the whole project (templates are top-level).
LOCALE_PATHS = [BASE_DIR / "exhibition" / "locale"]
USE_I18N = True
TIME_ZONE = env("TIME_ZONE", "Asia/Shanghai")
USE_TZ = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "zh-hans")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "zh-hans")}

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
# Django serves uploads itself only off production (the demo, tests, benchmarks).
SERVE_MEDIA = env_bool("SERVE_MEDIA", not PRODUCTION)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Media on S3-compatible storage (pip install '.[s3]'), from the environment alone.
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN"),
            "file_overwrite": False,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
WHITENOISE_MANIFEST_STRICT = False  # production checks the collection at start
# /favicon.ico at the site's root: browsers and crawlers ask whatever the pages link.
WHITENOISE_ROOT = BASE_DIR / "exhibition" / "root"

# Upload limits (images, audio, video, captions): config/upload_settings.py.
from config.upload_settings import *  # noqa: E402, F403

# The public site's address, printed in labels' QR codes (https://museum.example);
# by default the host the admin was reached at (print_labels needs it or --base-url).
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", "").rstrip("/")

ADMIN_PATH = env("ADMIN_PATH", "admin/").strip("/") + "/"
LOGIN_URL = "admin:login"

SESSION_COOKIE_AGE = int(env("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_COOKIE_HTTPONLY = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# A strict Content-Security-Policy: no inline scripts or styles anywhere public.
# (JSON-LD blocks are data, not script, and are allowed by the browser as such.)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", *env_list("CSP_IMAGE_HOSTS")],
        "media-src": ["'self'", *env_list("CSP_MEDIA_HOSTS")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Sharing with other systems (the JSON API, OAI-PMH): config/api_settings.py.
from config.api_settings import *  # noqa: E402, F403

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # The PDF labels' layout engine narrates every step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
