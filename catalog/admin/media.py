"""Audio and video clips: edited inline on the record they belong to, in a
curator-chosen order, and listed on their own for finding and audio-guide stops."""

from adminsortable2.admin import SortableGenericInlineAdminMixin
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationGenericStackedInline

from catalog.media.checks import minutes
from catalog.models import MediaItem
from catalog.workflow import may_edit


def checked_summary(obj):
    """What the upload checks found, per language: '0:42 · audio/mpeg · 310 KB'."""
    from django.template.defaultfilters import filesizeformat

    parts = [
        f"{suffix}: {minutes(entry['duration'])} · {entry['mime']} · "
        f"{filesizeformat(entry.get('bytes', 0))}"
        for suffix, entry in sorted(obj.file_info.items())
    ]
    return " | ".join(parts) or "—"


class MediaItemInline(SortableGenericInlineAdminMixin, TranslationGenericStackedInline):
    model = MediaItem
    extra = 0
    fields = [
        "title",
        "file",
        "captions",
        "transcript",
        "credit",
        "rights",
        "placeholder",
        "checked",
    ]
    readonly_fields = ["checked"]
    verbose_name_plural = _("audio and video, in order (drag to reorder)")

    @admin.display(description=_("checked"))
    def checked(self, obj):
        return checked_summary(obj)


def may_change_record(user, clip):
    record = clip.record
    return record is None or not hasattr(record, "status") or may_edit(user, record)


@admin.register(MediaItem)
class MediaItemAdmin(TranslationAdmin):
    """Every clip, to find one; clips are added on their record's page."""

    list_display = ["title", "kind", "record_link", "placeholder", "updated_at"]
    list_filter = ["kind", "placeholder", "content_type"]
    search_fields = ["title_en", "title_zh_hans", "transcript_en", "transcript_zh_hans"]
    readonly_fields = ["kind", "record_link", "checked"]
    exclude = ["content_type", "object_id", "position"]

    def has_add_permission(self, request):
        return False

    # A clip is public exactly when its record is: changing the clip of a
    # published record is changing that record (``workflow.edit_of``).
    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_change_record(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or may_change_record(request.user, obj))

    @admin.display(description=_("attached to"))
    def record_link(self, obj):
        return str(obj.record) if obj.record else "—"

    @admin.display(description=_("checked"))
    def checked(self, obj):
        return checked_summary(obj)
