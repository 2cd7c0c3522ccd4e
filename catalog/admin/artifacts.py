"""Artifacts and their ordered images."""

from adminsortable2.admin import SortableAdminBase, SortableInlineAdminMixin
from django.contrib import admin
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from catalog.admin.common import (
    BlankRowWhenEmpty,
    CitationInline,
    DecadeListFilter,
    MissingListFilter,
    SectionListFilter,
    best_matches_first,
    thumbnail,
)
from catalog.admin.media import MediaItemInline
from catalog.admin.publishing import PublishingAdmin
from catalog.admin.uploads import StoredUploadsForm
from catalog.models import Artifact, ArtifactImage


class ArtifactImageInline(
    BlankRowWhenEmpty, SortableInlineAdminMixin, TranslationTabularInline
):
    model = ArtifactImage
    form = StoredUploadsForm
    extra = 0
    fields = ["preview", "image", "alt_text", "caption"]
    readonly_fields = ["preview"]

    def is_translator_only(self, request):
        user = request.user
        return not user.has_perm("catalog.change_artifactimage") and user.has_perm(
            "catalog.translate_artifact"
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or self.is_translator_only(
            request
        )

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.is_translator_only(request):
            readonly.append("image")
        return readonly

    @admin.display(description=_("preview"))
    def preview(self, obj):
        return thumbnail(obj.image, obj.alt_text)


class ObjectTypeListFilter(admin.RelatedFieldListFilter):
    """The object types, and works of unknown type named as the gallery names them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_value_display = _("unknown object type")


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
        ("object_type", ObjectTypeListFilter),
        "gallery_room",
        DecadeListFilter,
        "disputed",
        MissingListFilter,
    ]
    search_fields = [
        "accession_number",
        "slug",
        "title_en",
        "title_zh_hans",
        "description_en",
        "description_zh_hans",
    ]
    autocomplete_fields = ["people", "object_type"]
    list_select_related = ["object_type"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [ArtifactImageInline, MediaItemInline, CitationInline]
    fieldsets = [
        (None, {"fields": ["accession_number", "slug", "object_type"]}),
        (_("Label"), {"fields": ["title", "description"]}),
        (
            _("Date and place"),
            {"fields": ["date_display", ("year_from", "year_to"), "place"]},
        ),
        (
            _("Object"),
            {"fields": ["materials", "dimensions", ("gallery_room", "case")]},
        ),
        (
            _("Credit and rights"),
            {"fields": ["credit_line", "provenance", "rights", "rights_uri"]},
        ),
        (_("People"), {"fields": ["people"]}),
        (_("Disputes"), {"fields": ["disputed", "disputed_note"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        queryset, duplicates = super().get_search_results(
            request, queryset, search_term
        )
        titles = ["title_en", "title_zh_hans"]
        ranked = best_matches_first(queryset, search_term, "accession_number", titles)
        return ranked, duplicates

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("object_type")
            .prefetch_related(
                Prefetch("images", queryset=ArtifactImage.objects.order_by("position")),
                "section_items__section",
            )
        )

    @admin.display(description=_("image"))
    def thumb(self, obj):
        images = list(obj.images.all())
        return thumbnail(images[0].image, images[0].alt_text) if images else "—"
