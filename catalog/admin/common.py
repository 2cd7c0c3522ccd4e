"""Pieces every catalogue admin shares: thumbnails, list filters, citations, a
blank row where an inline has none, the order of search matches."""

from django.contrib import admin
from django.contrib.contenttypes.admin import (
    GenericInlineModelAdmin,
    GenericTabularInline,
)
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator

from catalog import readiness
from catalog.models import Citation
from catalog.periods import Periods

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
    """Records by period: decades, centuries or millennia, to suit the years of the
    records in the catalogue (not of any one exhibition)."""

    title = _("period")
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        # Called once, when the filter is made: the periods stay for queryset().
        self.periods = Periods.of(model_admin.model.objects.all())
        return self.periods.choices()

    def queryset(self, request, queryset):
        try:
            first = int(self.value() or "")
        except ValueError:
            return queryset
        return queryset.filter(self.periods.overlapping(first))


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


def best_matches_first(queryset, term, number, titles):
    """``queryset`` with the records a person most likely means by ``term`` first:
    the one whose ``number`` is the term, then numbers or ``titles`` that start
    with it, then titles that hold it, then the rest (matched elsewhere); each
    group in the model's order. A list orders its rows again; the autocomplete
    pickers keep this order."""
    term = term.strip()
    if not term:
        return queryset

    def any_title(lookup):
        return Q.create([(f"{name}__{lookup}", term) for name in titles], Q.OR)

    rank = Case(
        When(Q(**{f"{number}__iexact": term}), then=Value(0)),
        When(
            Q(**{f"{number}__istartswith": term}) | any_title("istartswith"),
            then=Value(1),
        ),
        When(any_title("icontains"), then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    return queryset.annotate(match_rank=rank).order_by("match_rank", *ordering, "pk")


class BlankRowWhenEmpty:
    """An inline that shows one blank row, ready to fill, while its record has
    none (and the user may add one): the first row needs no "Add another" click.
    A row left blank is not saved (Django skips an untouched extra form)."""

    def get_extra(self, request, obj=None, **kwargs):
        if not self.has_add_permission(request, obj):
            return 0
        if obj is None or obj.pk is None:
            return 1
        return 0 if self.rows_of(obj).exists() else 1

    def rows_of(self, obj):
        rows = self.model._default_manager
        if isinstance(self, GenericInlineModelAdmin):
            kind = ContentType.objects.get_for_model(obj)
            return rows.filter(**{self.ct_field: kind, self.ct_fk_field: obj.pk})
        link = self.fk_name or next(
            field.name
            for field in self.model._meta.get_fields()
            if field.many_to_one and field.related_model is self.parent_model
        )
        return rows.filter(**{link: obj})


class CitationInline(BlankRowWhenEmpty, GenericTabularInline):
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
