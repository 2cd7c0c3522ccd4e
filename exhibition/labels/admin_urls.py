"""The admin's printing address (under the admin path, signed-in staff only)."""

from django.contrib import admin
from django.urls import path

from exhibition.labels.admin import print_one

app_name = "labels-admin"
urlpatterns = [
    path("<str:kind>/<int:pk>/", admin.site.admin_view(print_one), name="print"),
]
