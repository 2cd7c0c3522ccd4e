"""The curators' admin for exhibitions, their sections, featured people and the
order of what hangs in them. An exhibition's page is where curators start."""

from adminsortable2.admin import (
    SortableAdminBase,
    SortableAdminMixin,
    SortableTabularInline,
)
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from catalog.admin import CitationInline, thumbnail
from catalog.admin.common import BlankRowWhenEmpty
from catalog.admin.concurrency import SaveCheckedAdmin
from catalog.admin.media import MediaItemInline
from catalog.admin.publishing import PublicByTheRuleAdmin
from catalog.admin.translations import SideBySideTranslationsAdmin
from catalog.workflow import can_publish
from exhibition.admin.audio import AudioStopInline
from exhibition.admin.publish_with_sections import PublishWithSectionsAdmin
from exhibition.admin.readiness import section_overview
from exhibition.admin.section_slugs import SectionForm, SectionFormSet
from exhibition.admin.translation import TranslationViewAdmin
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem

# A sortable inline takes its order field from ``ordering``, else from the model's
# Meta.ordering, whose first entry here is the parent: name the position.
IN_ORDER = ["position", "pk"]


def readiness(not_ready):
    """A section's cell under "ready to publish": one reading only."""
    if not not_ready:
        return format_html("✓ {}", pgettext("publishing", "ready"))
    return format_html(
        "⚠ {}",
        ngettext(
            "%(count)s record lacks what publishing needs",
            "%(count)s records lack what publishing needs",
            not_ready,
        )
        % {"count": not_ready},
    )


class SectionInline(BlankRowWhenEmpty, SortableTabularInline, TranslationTabularInline):
    model = Section
    form = SectionForm
    formset = SectionFormSet
    ordering = IN_ORDER
    extra = 0
    fields = ["title", "slug", "gallery_room", "status"]
    prepopulated_fields = {"slug": ["title_en"]}
    show_change_link = True

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not can_publish(request.user, Section):
            readonly.append("status")  # a section's status moves on its own page
        return readonly


class FeaturedPersonInline(BlankRowWhenEmpty, SortableTabularInline):
    model = FeaturedPerson
    ordering = IN_ORDER
    extra = 0
    fields = ["person"]
    autocomplete_fields = ["person"]
    verbose_name_plural = _("featured people in order (drag to reorder)")


@admin.register(Exhibition)
class ExhibitionAdmin(
    PublishWithSectionsAdmin,
    PublicByTheRuleAdmin,
    TranslationViewAdmin,
    SaveCheckedAdmin,
    SideBySideTranslationsAdmin,
    SortableAdminBase,
    TranslationAdmin,
):
    change_form_template = "admin/checked_change_form.html"
    list_display = ["title", "kind", "state", "venue", "opening_date", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["slug", "title_en", "title_zh_hans"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [
        SectionInline,
        FeaturedPersonInline,
        AudioStopInline,
        MediaItemInline,
        CitationInline,
    ]
    readonly_fields = ["links", "overview"]
    fieldsets = [
        (None, {"fields": ["links", "slug", "status", "kind", "title", "subtitle"]}),
        (_("Sections and readiness"), {"fields": ["overview"]}),
        (
            _("Venue and dates"),
            {"fields": ["venue", "galleries", ("opening_date", "closing_date")]},
        ),
        (
            _("Timeline"),
            {"fields": ["timeline_title", ("timeline_start", "timeline_end")]},
        ),
        (
            _("Text"),
            {"fields": ["organisers", "supporters", "introduction", "notice"]},
        ),
    ]

    class Media:
        css = {"all": ["catalog/admin.css"]}

    @admin.display(description=_("state"))
    def state(self, obj):
        return Exhibition.State(obj.state()).label

    @admin.display(description=_("pages"))
    def links(self, obj):
        if not obj.pk:
            return "—"
        kiosks = list(obj.kiosks.all())
        parts = [
            (obj.get_absolute_url(), _("public page")),
            (obj.get_timeline_url(), _("timeline")),
            (
                reverse("admin:exhibition_exhibition_translation", args=[obj.pk]),
                _("what is left to translate"),
            ),
        ] + [
            (reverse("admin:exhibition_kiosk_change", args=[k.pk]), f"{_('kiosk')} {k}")
            for k in kiosks
        ]
        return format_html_join(" · ", '<a href="{}">{}</a>', parts)

    @admin.display(description=_("sections"))
    def overview(self, obj):
        if not obj.pk:
            return "—"
        rows = section_overview(obj)
        if not rows:
            return _("No sections yet.")
        body = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td>'
            "<td>{}</td></tr>",
            (
                (
                    reverse("admin:exhibition_section_change", args=[row.section.pk]),
                    row.section.title,
                    row.section.get_status_display(),
                    row.items,
                    row.published,
                    readiness(row.not_ready),
                )
                for row in rows
            ),
        )
        return format_html(
            '<table class="exhibition-overview"><thead><tr><th>{}</th><th>{}</th>'
            "<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("section"),
            _("status"),
            _("items"),
            _("published"),
            _("ready to publish"),
            body,
        )


class SectionItemInline(BlankRowWhenEmpty, SortableTabularInline):
    model = SectionItem
    ordering = IN_ORDER
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
class SectionAdmin(
    PublicByTheRuleAdmin,
    SaveCheckedAdmin,
    SideBySideTranslationsAdmin,
    SortableAdminMixin,
    TranslationAdmin,
):
    change_form_template = "admin/checked_change_form.html"
    form = SectionForm
    # The drag handle takes the place of the first ordering field: make it position.
    ordering = ["position"]
    list_display = ["title", "exhibition", "gallery_room", "item_count", "status"]
    list_filter = ["status", "exhibition", "gallery_room"]
    search_fields = ["slug", "title_en", "title_zh_hans"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [SectionItemInline, MediaItemInline, CitationInline]
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
