"""The closed lists records are described by: object types, nationalities or
cultures, roles. Curators add terms and translate their labels here."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from catalog.models import Nationality, ObjectType, Role


class WithoutChineseListFilter(admin.SimpleListFilter):
    title = _("Chinese label")
    parameter_name = "chinese"

    def lookups(self, request, model_admin):
        return [("missing", _("missing"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.without_chinese_label()
        return queryset


class TermAdmin(TranslationAdmin):
    """A list of terms, with how many records use each (``used_by``: the relations
    to count)."""

    used_by = ()
    list_display = ["label", "code", "position", "uses"]
    list_editable = ["position"]
    list_filter = [WithoutChineseListFilter]
    search_fields = ["code", "label_en", "label_zh_hans"]
    prepopulated_fields = {"code": ["label_en"]}

    def get_queryset(self, request):
        counts = {f"uses_{name}": Count(name, distinct=True) for name in self.used_by}
        return super().get_queryset(request).annotate(**counts)

    @admin.display(description=_("used by"))
    def uses(self, obj):
        return sum(getattr(obj, f"uses_{name}") for name in self.used_by)


@admin.register(ObjectType)
class ObjectTypeAdmin(TermAdmin):
    used_by = ("artifacts",)


@admin.register(Nationality)
class NationalityAdmin(TermAdmin):
    used_by = ("people",)


@admin.register(Role)
class RoleAdmin(TermAdmin):
    used_by = ("people",)
    list_display = ["name", "slug", "uses"]
    list_editable = []
    search_fields = ["slug", "name_en", "name_zh_hans"]
    prepopulated_fields = {"slug": ["name_en"]}
