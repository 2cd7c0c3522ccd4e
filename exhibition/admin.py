"""The curators' admin for exhibitions and the order of what hangs in them."""

from adminsortable2.admin import (
    SortableAdminBase,
    SortableAdminMixin,
    SortableTabularInline,
)
from django import forms
from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from catalog.admin import CitationInline, thumbnail
from exhibition.kiosk.content import KioskContent
from exhibition.models import Exhibition, Kiosk, KioskItem, Section, SectionItem


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
        (
            _("Text"),
            {"fields": ["organisers", "supporters", "introduction", "notice"]},
        ),
    ]

    class Media:
        css = {"all": ["catalog/admin.css"]}


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
    # The drag handle takes the place of the first ordering field: make it position.
    ordering = ["position"]
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


class KioskItemInline(SectionItemInline):
    model = KioskItem
    verbose_name_plural = _(
        "playlist in order (drag to reorder); leave empty to show the sections"
    )


class ConnectionListFilter(admin.SimpleListFilter):
    title = _("connection")
    parameter_name = "connection"

    def lookups(self, request, model_admin):
        return [
            ("offline", _("Offline (no heartbeat for 5 minutes)")),
            ("online", _("Online")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "offline":
            return queryset.offline()
        if self.value() == "online":
            return queryset.online()
        return queryset


@admin.register(Kiosk)
class KioskAdmin(SortableAdminBase, TranslationAdmin):
    list_display = [
        "name",
        "location",
        "active",
        "connection",
        "last_seen",
        "shown_version",
    ]
    list_filter = [ConnectionListFilter, "active", "location", "orientation"]
    search_fields = ["slug", "name_en", "name_zh_hans", "location"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [KioskItemInline]
    readonly_fields = [
        "screen_link",
        "connection",
        "last_seen",
        "reported_version",
        "current_version",
        "uptime_display",
        "last_user_agent",
        "last_ip",
    ]
    fieldsets = [
        (
            None,
            {"fields": ["name", "slug", "active", "location", "orientation"]},
        ),
        (
            _("What it shows"),
            {
                "fields": ["sections"],
                "description": _(
                    "Choose sections, or build a playlist below: a playlist "
                    "replaces the sections. Only published records are shown."
                ),
            },
        ),
        (
            _("Behaviour"),
            {
                "fields": [
                    ("default_language", "language_switch"),
                    "idle_timeout",
                    ("attract_count", "attract_interval"),
                ]
            },
        ),
        (
            _("Heartbeat"),
            {
                "fields": [
                    "screen_link",
                    ("connection", "last_seen"),
                    ("reported_version", "current_version"),
                    "uptime_display",
                    ("last_user_agent", "last_ip"),
                ]
            },
        ),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "sections":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def current(self, obj):
        """The version the kiosk should show, worked out once per kiosk and request."""
        if not hasattr(obj, "_current_version"):
            obj._current_version = KioskContent(obj).version
        return obj._current_version

    @admin.display(description=_("connection"))
    def connection(self, obj):
        if not obj.pk:
            return "—"
        if not obj.active:
            return _("inactive")
        if obj.last_seen is None:
            return format_html("⚠ {}", _("offline: never seen"))
        if obj.is_offline():
            return format_html("⚠ {}", _("offline"))
        return format_html("✓ {}", _("online"))

    @admin.display(description=_("content shown"))
    def shown_version(self, obj):
        """The version the kiosk last reported, against the one it should show."""
        if not obj.reported_version:
            return "—"
        current = self.current(obj)
        if obj.reported_version == current:
            return format_html("✓ {} ({})", current[:8], _("current"))
        return format_html(
            "⚠ {} ({} {})", obj.reported_version[:8], _("out of date; now"), current[:8]
        )

    @admin.display(description=_("current version"))
    def current_version(self, obj):
        return self.current(obj)[:8] if obj.pk else "—"

    @admin.display(description=_("uptime"))
    def uptime_display(self, obj):
        if obj.uptime is None:
            return "—"
        hours, seconds = divmod(obj.uptime, 3600)
        return f"{hours} h {seconds // 60:02d} min"

    @admin.display(description=_("screen"))
    def screen_link(self, obj):
        if not obj.pk:
            return "—"
        url = obj.get_absolute_url()
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', url, url
        )
