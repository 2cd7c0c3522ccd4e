"""The curators' admin for the catalogue."""

from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django.contrib import admin, messages
from django.contrib.contenttypes.admin import GenericTabularInline
from django.db.models import Prefetch
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationTabularInline,
)

from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    Person,
    Photograph,
    Role,
    Source,
    Status,
)

THUMBNAIL_SIZE = 80


def thumbnail(image_field, alt=""):
    if not image_field:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" class="curator-thumb" width="{}" loading="lazy">',
        image_field.url,
        alt,
        THUMBNAIL_SIZE,
    )


class DecadeListFilter(admin.SimpleListFilter):
    title = _("decade")
    parameter_name = "decade"
    year_field = "year_from"

    def lookups(self, request, model_admin):
        return [(str(year), f"{year}s") for year in range(1930, 1960, 10)]

    def queryset(self, request, queryset):
        if not self.value() or not self.value().isdigit():
            return queryset
        start = int(self.value())
        return queryset.filter(
            **{f"{self.year_field}__gte": start, f"{self.year_field}__lt": start + 10}
        )


class SectionListFilter(admin.SimpleListFilter):
    """Filter records by the exhibition section they hang in (reverse relation)."""

    title = _("section")
    parameter_name = "section"

    def lookups(self, request, model_admin):
        sections = (
            model_admin.model._meta.get_field("section_items")
            .related_model._meta.get_field("section")
            .related_model.objects.order_by("position")
        )
        return [(str(section.pk), str(section)) for section in sections]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(section_items__section=self.value()).distinct()
        return queryset


class CitationInline(GenericTabularInline):
    model = Citation
    extra = 0
    autocomplete_fields = ["source"]
    fields = ["source", "locator", "position"]


class PublishingAdmin(TranslationAdmin):
    """Shared list columns and publish actions for the catalogue's records."""

    actions = ["publish", "unpublish"]
    list_per_page = 50
    save_on_top = True

    class Media:
        css = {"all": ["catalog/admin.css"]}
        js = ["catalog/admin-preview.js"]

    @admin.display(description=_("sections"))
    def sections(self, obj):
        titles = [str(item.section) for item in obj.section_items.all()]
        return ", ".join(titles) or "—"

    @admin.display(description=_("last change"), ordering="updated_at")
    def last_change(self, obj):
        return obj.updated_at

    @admin.action(description=_("Publish selected records"), permissions=["change"])
    def publish(self, request, queryset):
        changed = queryset.exclude(status=Status.PUBLISHED).update(
            status=Status.PUBLISHED
        )
        self.message_user(
            request,
            ngettext("%d record published.", "%d records published.", changed)
            % changed,
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Withdraw selected records from the public"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        changed = queryset.filter(status=Status.PUBLISHED).update(
            status=Status.WITHDRAWN
        )
        self.message_user(
            request,
            ngettext("%d record withdrawn.", "%d records withdrawn.", changed)
            % changed,
            messages.SUCCESS,
        )


@admin.register(Source)
class SourceAdmin(TranslationAdmin):
    list_display = ["key", "title", "kind", "publisher", "published"]
    list_filter = ["kind"]
    search_fields = ["key", "title_en", "title_zh_hans", "author", "publisher"]


@admin.register(Role)
class RoleAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", "name_en", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}


class ArtifactImageInline(SortableInlineAdminMixin, TranslationTabularInline):
    model = ArtifactImage
    extra = 0
    fields = ["preview", "image", "alt_text", "caption"]
    readonly_fields = ["preview"]

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image, obj.alt_text)


@admin.register(Artifact)
class ArtifactAdmin(SortableAdminBase, PublishingAdmin):
    list_display = [
        "thumb",
        "accession_number",
        "title",
        "object_type",
        "status",
        "sections",
        "disputed",
        "last_change",
    ]
    list_display_links = ["thumb", "accession_number", "title"]
    list_filter = [
        "status",
        SectionListFilter,
        "object_type",
        "gallery_room",
        DecadeListFilter,
        "disputed",
    ]
    search_fields = [
        "accession_number",
        "slug",
        "title_en",
        "title_zh_hans",
        "description_en",
        "description_zh_hans",
    ]
    autocomplete_fields = ["people"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [ArtifactImageInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["accession_number", "slug", "status", "object_type"]}),
        (_("Label"), {"fields": ["title", "description"]}),
        (
            _("Date and place"),
            {"fields": ["date_display", ("year_from", "year_to"), "place"]},
        ),
        (
            _("Object"),
            {"fields": ["materials", "dimensions", ("gallery_room", "case")]},
        ),
        (_("Credit and rights"), {"fields": ["credit_line", "provenance", "rights"]}),
        (_("People"), {"fields": ["people"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch("images", queryset=ArtifactImage.objects.order_by("position")),
                "section_items__section",
            )
        )

    @admin.display(description=_("image"))
    def thumb(self, obj):
        images = list(obj.images.all())
        return thumbnail(images[0].image, images[0].alt_text) if images else "—"


@admin.register(Photograph)
class PhotographAdmin(PublishingAdmin):
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
    list_filter = ["status", SectionListFilter, DecadeListFilter, "disputed"]
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
    inlines = [CitationInline]
    fieldsets = [
        (None, {"fields": ["slug", "status"]}),
        (_("Image"), {"fields": ["preview", "image", "alt_text"]}),
        (_("Label"), {"fields": ["title", "caption", "photographer"]}),
        (
            _("Date and place"),
            {"fields": ["date_display", ("year_from", "year_to"), "place"]},
        ),
        (
            _("Archive and rights"),
            {"fields": ["archive", "archive_reference", "credit_line", "rights"]},
        ),
        (_("People"), {"fields": ["people"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("section_items__section")

    @admin.display(description=_("image"))
    def thumb(self, obj):
        return thumbnail(obj.image, obj.alt_text)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image, obj.alt_text)


class MembersInline(admin.TabularInline):
    model = Person.groups.through
    fk_name = "to_person"
    extra = 0
    verbose_name = _("member")
    verbose_name_plural = _("members")
    autocomplete_fields = ["from_person"]


@admin.register(Person)
class PersonAdmin(PublishingAdmin):
    list_display = [
        "thumb",
        "name",
        "kind",
        "nationality",
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
        "nationality",
        "roles",
        "featured",
        ("china_from", admin.EmptyFieldListFilter),
        "disputed",
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
    autocomplete_fields = ["groups"]
    filter_horizontal = ["roles"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["preview"]
    inlines = [MembersInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["slug", "status", "kind", "featured"]}),
        (_("Name"), {"fields": ["name", "other_names"]}),
        (
            _("Identity"),
            {"fields": ["nationality", "roles", "affiliation", "groups"]},
        ),
        (
            _("Life"),
            {
                "fields": [
                    "birth_display",
                    "birth_year",
                    "death_display",
                    "death_year",
                ]
            },
        ),
        (
            _("In China"),
            {"fields": ["china_years", ("china_from", "china_to"), "china_places"]},
        ),
        (_("Text"), {"fields": ["summary", "body"]}),
        (_("Portrait"), {"fields": ["preview", "portrait", "portrait_alt"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles")

    @admin.display(description=_("portrait"))
    def thumb(self, obj):
        return thumbnail(obj.portrait, obj.portrait_alt)

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.portrait, obj.portrait_alt)

    @admin.display(description=_("roles"))
    def role_list(self, obj):
        return format_html_join(", ", "{}", ((role.name,) for role in obj.roles.all()))
