"""The admin's figures pages (under the admin path, signed-in staff only)."""

from django.contrib import admin
from django.urls import path

from exhibition.stats.admin import exhibition_stats

app_name = "stats-admin"
urlpatterns = [
    path(
        "exhibition/<int:pk>/",
        admin.site.admin_view(exhibition_stats),
        name="exhibition",
    ),
]
