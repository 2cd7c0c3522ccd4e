"""Pieces every catalogue admin shares: thumbnails, list filters, citations."""

from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from catalog import readiness
from catalog.models import Citation

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


def translated_field_names(model):
    """Every ``<field>_<language>`` column modeltranslation added to ``model``."""
    options = translator.get_options_for_model(model)
    return {field.name for fields in options.all_fields.values() for field in fields}


class MissingListFilter(admin.SimpleListFilter):
    """Records lacking what visitors need (the dashboard's counts link here)."""

    title = _("missing")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        filters = readiness.problem_filters(model_admin.model)
        return [(name, label) for name, (label, _q) in filters.items()]

    def queryset(self, request, queryset):
        filters = readiness.problem_filters(queryset.model)
        if self.value() in filters:
            return queryset.filter(filters[self.value()][1])
        return queryset
