"""Photographs."""

from adminsortable2.admin import SortableAdminBase
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from catalog.admin.common import (
    CitationInline,
    DecadeListFilter,
    MissingListFilter,
    SectionListFilter,
    best_matches_first,
    thumbnail,
)
from catalog.admin.media import MediaItemInline
from catalog.admin.publishing import PublishingAdmin
from catalog.models import Photograph


@admin.register(Photograph)
class PhotographAdmin(SortableAdminBase, PublishingAdmin):
    list_display = [
        "thumb",
        "title",
        "date_display",
        "status",
        "sections",
        "disputed",
        "last_change",
    ]
    list_display_links = ["thumb", "title"]
    list_filter = [
        "status",
        SectionListFilter,
        DecadeListFilter,
        "disputed",
        MissingListFilter,
    ]
    search_fields = [
        "slug",
        "title_en",
        "title_zh_hans",
        "caption_en",
        "caption_zh_hans",
        "archive_reference",
    ]
    autocomplete_fields = ["people"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["preview"]
    inlines = [MediaItemInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["slug"]}),
        (_("Image"), {"fields": ["preview", "image", "alt_text"]}),
        (_("Label"), {"fields": ["title", "caption", "photographer"]}),
        (
            _("Date and place"),
            {"fields": ["date_display", ("year_from", "year_to"), "place"]},
        ),
        (
            _("Archive and rights"),
            {
                "fields": [
                    "archive",
                    "archive_reference",
                    "credit_line",
                    "rights",
                    "rights_uri",
                ]
            },
        ),
        (_("People"), {"fields": ["people"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        queryset, duplicates = super().get_search_results(
            request, queryset, search_term
        )
        titles = ["title_en", "title_zh_hans"]
        ranked = best_matches_first(queryset, search_term, "archive_reference", titles)
        return ranked, duplicates

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("section_items__section")

    @admin.display(description=_("image"))
    def thumb(self, obj):
        return thumbnail(obj.image, obj.alt_text)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image, obj.alt_text)
