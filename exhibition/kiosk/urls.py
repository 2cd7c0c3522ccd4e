"""Kiosk screens, outside the language prefix: a kiosk switches language itself."""

from django.urls import path, register_converter

from exhibition.kiosk import heartbeat, views


class LanguageConverter:
    regex = "en|zh-hans"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(LanguageConverter, "kiosk_language")

app_name = "kiosk"
urlpatterns = [
    path("<slug:slug>/", views.home, name="home"),
    path("<slug:slug>/sw.js", views.service_worker, name="service-worker"),
    path("<slug:slug>/version.json", views.version, name="version"),
    path("<slug:slug>/precache.json", views.precache, name="precache"),
    path("<slug:slug>/heartbeat", heartbeat.heartbeat, name="heartbeat"),
    path("<slug:slug>/<kiosk_language:language>/", views.home, name="home-in"),
    path(
        "<slug:slug>/<kiosk_language:language>/artifacts/<slug:record>/",
        views.record,
        {"kind": "artifact"},
        name="artifact",
    ),
    path(
        "<slug:slug>/<kiosk_language:language>/photographs/<slug:record>/",
        views.record,
        {"kind": "photograph"},
        name="photograph",
    ),
    path(
        "<slug:slug>/<kiosk_language:language>/people/<slug:person>/",
        views.person,
        name="person",
    ),
]
