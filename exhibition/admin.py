"""The curators' admin for exhibitions and the order of what hangs in them."""

from adminsortable2.admin import (
    SortableAdminBase,
    SortableAdminMixin,
    SortableTabularInline,
)
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from catalog.admin import CitationInline, thumbnail
from exhibition.models import Exhibition, Section, SectionItem


class SectionInline(SortableTabularInline, TranslationTabularInline):
    model = Section
    extra = 0
    fields = ["title", "slug", "gallery_room", "status"]
    show_change_link = True


@admin.register(Exhibition)
class ExhibitionAdmin(SortableAdminBase, TranslationAdmin):
    list_display = ["title", "venue", "galleries", "opening_date", "status"]
    list_filter = ["status"]
    search_fields = ["slug", "title_en", "title_zh_hans"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [SectionInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["slug", "status", "title", "subtitle"]}),
        (
            _("Venue and dates"),
            {"fields": ["venue", "galleries", ("opening_date", "closing_date")]},
        ),
        (_("Text"), {"fields": ["organisers", "supporters", "introduction"]}),
    ]


class SectionItemInline(SortableTabularInline):
    model = SectionItem
    extra = 0
    fields = ["preview", "artifact", "photograph"]
    readonly_fields = ["preview"]
    autocomplete_fields = ["artifact", "photograph"]
    verbose_name_plural = _("items in hanging order (drag to reorder)")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("artifact", "photograph")
            .prefetch_related("artifact__images")
        )

    @admin.display(description=_("preview"))
    def preview(self, obj):
        if obj.photograph_id:
            return thumbnail(obj.photograph.image, obj.photograph.alt_text)
        if obj.artifact_id:
            images = list(obj.artifact.images.all())
            if images:
                return thumbnail(images[0].image, images[0].alt_text)
        return "—"


@admin.register(Section)
class SectionAdmin(SortableAdminMixin, TranslationAdmin):
    list_display = ["title", "exhibition", "gallery_room", "item_count", "status"]
    list_filter = ["status", "exhibition", "gallery_room"]
    search_fields = ["slug", "title_en", "title_zh_hans"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [SectionItemInline, CitationInline]
    readonly_fields = ["hero_preview"]
    fieldsets = [
        (None, {"fields": ["exhibition", "slug", "status", "gallery_room"]}),
        (_("Text"), {"fields": ["title", "introduction"]}),
        (_("Hero image"), {"fields": ["hero_preview", "hero_image", "hero_alt"]}),
    ]

    class Media:
        css = {"all": ["catalog/admin.css"]}
        js = ["catalog/admin-preview.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("exhibition")

    @admin.display(description=_("items"))
    def item_count(self, obj):
        return obj.items.count()

    @admin.display(description=_("preview"))
    def hero_preview(self, obj):
        return thumbnail(obj.hero_image, obj.hero_alt)
