"""The curators' admin for kiosks: what each screen shows, and its heartbeat."""

from adminsortable2.admin import SortableAdminBase
from django import forms
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from catalog.admin.concurrency import SaveCheckedAdmin
from catalog.admin.translations import SideBySideTranslationsAdmin
from exhibition.admin.exhibitions import SectionItemInline
from exhibition.admin.kiosk_keys import DeviceKeyAdmin
from exhibition.kiosk.content import KioskContent
from exhibition.models import Kiosk, KioskItem, Section


class KioskItemInline(SectionItemInline):
    model = KioskItem
    verbose_name_plural = _(
        "playlist in order (drag to reorder); leave empty to show the sections"
    )


class KioskForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        exhibition = cleaned.get("exhibition")
        if exhibition is not None and cleaned.get("sections") is not None:
            self.instance.exhibition = exhibition
            try:
                self.instance.check_sections(cleaned["sections"])
            except forms.ValidationError as error:
                self.add_error(None, error)
        return cleaned


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
class KioskAdmin(
    DeviceKeyAdmin,
    SaveCheckedAdmin,
    SideBySideTranslationsAdmin,
    SortableAdminBase,
    TranslationAdmin,
):
    change_form_template = "admin/checked_change_form.html"
    form = KioskForm
    list_display = [
        "name",
        "exhibition",
        "location",
        "active",
        "connection",
        "last_seen",
        "shown_version",
    ]
    list_filter = [
        ConnectionListFilter,
        "exhibition",
        "active",
        "location",
        "orientation",
    ]
    search_fields = ["slug", "name_en", "name_zh_hans", "location"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [KioskItemInline]
    readonly_fields = [
        "screen_link",
        "device_key_status",
        "connection",
        "last_seen",
        "reported_version",
        "current_version",
        "uptime_display",
        "last_user_agent",
        "last_ip",
        "offline_media",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "exhibition",
                    "name",
                    "slug",
                    "active",
                    "location",
                    "orientation",
                ]
            },
        ),
        (
            _("What it shows"),
            {
                "fields": ["sections"],
                "description": _(
                    "Choose sections of the kiosk's exhibition, or build a playlist "
                    "below: a playlist replaces the sections. Only published "
                    "records are shown."
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
            _("Offline audio and video"),
            {"fields": ["media_budget_mb", "offline_media"]},
        ),
        (
            _("Heartbeat"),
            {
                "fields": [
                    "screen_link",
                    "device_key_status",
                    ("connection", "last_seen"),
                    ("reported_version", "current_version"),
                    "uptime_display",
                    ("last_user_agent", "last_ip"),
                ]
            },
        ),
    ]

    def get_form(self, request, obj=None, **kwargs):
        request._kiosk_exhibition = obj.exhibition_id if obj else None
        return super().get_form(request, obj, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "sections":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            # A kiosk's own exhibition's sections only, once it has one.
            sections = Section.objects.select_related("exhibition")
            exhibition = getattr(request, "_kiosk_exhibition", None)
            if exhibition:
                sections = sections.filter(exhibition=exhibition)
            kwargs["queryset"] = sections
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("exhibition")

    def content(self, obj):
        """What the kiosk shows, worked out once per kiosk and request."""
        if not hasattr(obj, "_content"):
            obj._content = KioskContent(obj)
        return obj._content

    def current(self, obj):
        return self.content(obj).version

    @admin.display(description=_("kept offline"))
    def offline_media(self, obj):
        """Which clips the offline copy keeps within the budget, and which not."""
        if not obj.pk:
            return "—"
        kept, left_out = self.content(obj).offline_clips
        summary = _("%(count)s clips (%(size)s) kept for offline running.") % {
            "count": len(kept),
            "size": filesizeformat(sum(item.bytes_total for item in kept)),
        }
        if not left_out:
            return summary
        return format_html(
            "{} <strong>{}</strong> {}",
            summary,
            _("Left out, over the budget (they play only while the server answers):"),
            ", ".join(
                f"{item} ({filesizeformat(item.bytes_total)})" for item in left_out
            ),
        )

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
