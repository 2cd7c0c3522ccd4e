"""Settings for Exhibition CMS, read from the environment.

With nothing set it runs for development: DEBUG on, SQLite in ``var/``, uploads in
``media/``. ``DJANGO_ENV=production`` turns DEBUG off and refuses to start without
``SECRET_KEY`` and ``ALLOWED_HOSTS``. Every variable is listed in docs/deployment.md.
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
    # Login throttling, and two-step login for staff: authenticator apps (TOTP)
    # and recovery codes; named for what they do in the admin (staff/apps.py).
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
    # Marks a session verified once its second step is done (staff/two_factor).
    "django_otp.middleware.OTPMiddleware",
    # Drafts are previewed on the public pages only by a session the admin lets in:
    # elsewhere, staff who still owe the admin their code read the site as visitors.
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
# Curator logins: five failures lock that username from that address for an hour,
# so an attacker elsewhere cannot lock a curator out; five failures from one
# address, whatever the usernames, lock that address (one password tried against
# many accounts).
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"

# The client's address behind PROXY_COUNT reverse proxies (the login's lockout and
# the API's throttle read it alike): each proxy appends the address it was reached
# from to X-Forwarded-For, so the client is the PROXY_COUNT-th entry from the right;
# anything further left is whatever the client sent. django-ipware counts only
# the proxies listed after the client (the nearest one is REMOTE_ADDR), and must
# not give up on a chain longer than that (IPWARE_STRICT), or every forged header
# would fall back to the proxy's own address, shared by everyone.
PROXY_COUNT = int(env("PROXY_COUNT", "0"))
if PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_COUNT = PROXY_COUNT - 1
else:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)
    AXES_IPWARE_PROXY_COUNT = None
AXES_IPWARE_PROXY_ORDER = "left-most"
IPWARE_STRICT = False

# Two-step login (staff/two_factor): the name authenticator apps show the account
# under; other superusers never see someone's secret in the device admin.
OTP_TOTP_ISSUER = env("OTP_ISSUER", "Exhibition CMS")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

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
# Tests and a fresh checkout run without collectstatic; fall back to plain names
# then. Production refuses to start without the collection (config/static_files.py).
WHITENOISE_MANIFEST_STRICT = False
# Files answered at the site's root: /favicon.ico, which browsers and crawlers ask
# for whatever the page links (the pages link it and a static SVG icon).
WHITENOISE_ROOT = BASE_DIR / "exhibition" / "root"

# Uploaded images: checked by decoding, within these limits (catalog/images/checks.py).
IMAGE_MAX_BYTES = int(env("IMAGE_MAX_BYTES", str(40 * 1024 * 1024)))
IMAGE_MAX_PIXELS = int(env("IMAGE_MAX_PIXELS", str(80_000_000)))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Uploaded audio, video and WebVTT captions, each checked by reading the file
# itself (catalog/media/checks.py).
AUDIO_MAX_BYTES = int(env("AUDIO_MAX_BYTES", str(50 * 1024 * 1024)))
AUDIO_MAX_SECONDS = int(env("AUDIO_MAX_SECONDS", str(20 * 60)))
VIDEO_MAX_BYTES = int(env("VIDEO_MAX_BYTES", str(500 * 1024 * 1024)))
VIDEO_MAX_SECONDS = int(env("VIDEO_MAX_SECONDS", str(30 * 60)))
CAPTIONS_MAX_BYTES = int(env("CAPTIONS_MAX_BYTES", str(1024 * 1024)))

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

# The read-only JSON API (exhibition/interop/api): public, anonymous, rate-limited
# per client address (behind PROXY_COUNT proxies) through the cache above,
# documented by its OpenAPI schema.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["exhibition.interop.api.throttling.AnonymousRate"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_RATE_LIMIT", "120/minute")},
    "NUM_PROXIES": PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "exhibition.interop.api.errors.exception_handler",
    "UNICODE_JSON": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Exhibition CMS API",
    "DESCRIPTION": (
        "Read-only access to the published catalogue and exhibitions. Every "
        "translated text is a plain string in the chosen language, or with "
        "`lang=all` a language map."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI and ReDoc from our own static files: the strict CSP allows no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "exhibition.interop.api.schema.describe_query_parameters",
    ],
    # Named here: several fields called "kind" hold different choices, and
    # colliding enums would otherwise get names with a hash in them.
    "ENUM_NAME_OVERRIDES": {
        "ExhibitionKind": "exhibition.models.Exhibition.Kind",
        "ExhibitionState": "exhibition.models.Exhibition.State",
        "PersonKind": "catalog.models.Person.Kind",
        "RecordKind": "exhibition.interop.api.serializers.exhibitions.RECORD_KINDS",
    },
}

# OAI-PMH (/oai): the repository's name in identifiers (oai:<id>:artifact:12), by
# default the host a harvester asked; records per page of a list.
OAI_REPOSITORY_ID = env("OAI_REPOSITORY_ID", "")
OAI_PAGE_SIZE = int(env("OAI_PAGE_SIZE", "100"))

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
