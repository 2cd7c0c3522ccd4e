"""The closed lists records are described by: roles."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from catalog.models import Role


@admin.register(Role)
class RoleAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_en", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}
