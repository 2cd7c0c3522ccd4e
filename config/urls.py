"""Root URLs: the gallery (with a language prefix), kiosks, IIIF, labels' short
addresses and printing, the players' beacon, admin (with visitor figures),
health, sitemaps."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.static import serve as media_serve

from exhibition import health
from exhibition.gallery.sitemaps import SITEMAPS
from exhibition.gallery.views import robots_txt
from staff.admin_language import admin_in_language, choose_language

urlpatterns = [
    path(f"{settings.ADMIN_PATH}language/", choose_language, name="admin-language"),
    path(
        f"{settings.ADMIN_PATH}labels/",
        include("exhibition.labels.admin_urls", namespace="labels-admin"),
    ),
    path(
        f"{settings.ADMIN_PATH}figures/",
        include("exhibition.stats.admin_urls", namespace="stats-admin"),
    ),
    path(settings.ADMIN_PATH, admin.site.urls),
    # /zh-hans/admin/…: the one admin, in that language.
    re_path(
        rf"^(?P<language>[a-z]{{2}}(?:-[a-z]+)?)/{re.escape(settings.ADMIN_PATH)}"
        r"(?P<rest>.*)$",
        admin_in_language,
    ),
    path("robots.txt", robots_txt, name="robots"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("kiosk/", include("exhibition.kiosk.urls")),
    path("oai", include("exhibition.interop.oai.urls")),
    path("iiif/", include("exhibition.interop.iiif.urls")),
    # Short addresses printed on labels: /o/<accession number>, /p/<id>, /b/<id>.
    path("", include("exhibition.labels.urls")),
    path("api/v1/", include("exhibition.interop.api.urls")),
    path("uses/", include("exhibition.stats.urls")),
    # An index of paged sitemaps, so no response grows with the collection.
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
urlpatterns += i18n_patterns(
    path("", include("exhibition.gallery.urls")),
    prefix_default_language=False,
)
if settings.SERVE_MEDIA:
    # Development and the demo only; production serves media from storage (S3/CDN).
    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            media_serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

handler500 = "staff.middleware.server_error"
