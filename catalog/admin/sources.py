"""Sources that citations point to."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from catalog.models import Source


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    list_display = ["key", "title", "kind", "publisher", "published"]
    list_filter = ["kind"]
    search_fields = ["key", "title_en", "title_zh_hans", "author", "publisher"]
