"""Biographies of people and groups."""

from adminsortable2.admin import SortableAdminBase
from django.contrib import admin
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from catalog.admin.common import CitationInline, MissingListFilter, thumbnail
from catalog.admin.media import MediaItemInline
from catalog.admin.publishing import PublishingAdmin
from catalog.models import Person


class MembersInline(admin.TabularInline):
    model = Person.groups.through
    fk_name = "to_person"
    extra = 0
    verbose_name = _("member")
    verbose_name_plural = _("members")
    autocomplete_fields = ["from_person"]


@admin.register(Person)
class PersonAdmin(SortableAdminBase, PublishingAdmin):
    list_display = [
        "thumb",
        "name",
        "kind",
        "nationality_list",
        "role_list",
        "status",
        "featured",
        "disputed",
        "last_change",
    ]
    list_display_links = ["thumb", "name"]
    list_filter = [
        "status",
        "kind",
        "nationalities",
        "roles",
        "featured",
        ("active_from", admin.EmptyFieldListFilter),
        "disputed",
        MissingListFilter,
    ]
    search_fields = [
        "slug",
        "name_en",
        "name_zh_hans",
        "other_names_en",
        "other_names_zh_hans",
        "affiliation_en",
        "affiliation_zh_hans",
    ]
    autocomplete_fields = ["groups", "nationalities"]
    filter_horizontal = ["roles"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["preview"]
    inlines = [MembersInline, MediaItemInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["slug", "kind", "featured"]}),
        (_("Name"), {"fields": ["name", "other_names"]}),
        (
            _("Identity"),
            {"fields": ["nationalities", "roles", "affiliation", "groups"]},
        ),
        (
            _("Life"),
            {"fields": ["birth_display", "birth_year", "death_display", "death_year"]},
        ),
        (
            _("Active"),
            {
                "fields": [
                    "active_display",
                    ("active_from", "active_to"),
                    "active_places",
                ]
            },
        ),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Portrait"), {"fields": ["preview", "portrait", "portrait_alt"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles", "nationalities")

    @admin.display(description=_("portrait"))
    def thumb(self, obj):
        return thumbnail(obj.portrait, obj.portrait_alt)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.portrait, obj.portrait_alt)

    @admin.display(description=_("nationalities or cultures"))
    def nationality_list(self, obj):
        return ", ".join(str(term) for term in obj.nationalities.all())

    @admin.display(description=_("roles"))
    def role_list(self, obj):
        return format_html_join(", ", "{}", ((role.name,) for role in obj.roles.all()))
