"""The API's filters: the gallery's own FilterSets, a few API-only sorts, and a
backend that applies each FilterSet's sort after its filters."""

import copy

import django_filters
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.utils import extend_schema_field

from exhibition import filters as gallery
from exhibition.interop.api.queries import published_sections
from exhibition.models import Exhibition


def documented(filterset):
    """Name the type of each filter by slug or code for the schema (it cannot
    follow ``people__slug`` with ``to_field_name`` by itself)."""
    for name, found in filterset.base_filters.items():
        if isinstance(found, django_filters.ModelMultipleChoiceFilter):
            found = copy.deepcopy(found)  # the gallery's own filter stays as it is
            key = found.extra["to_field_name"]
            none = (
                f" {found.null_value} for records with none."
                if found.extra.get("null_label") is not None
                else ""
            )
            schema = {
                "type": "string",
                "description": (
                    f"{found.label}, by {key}; repeat for any of several. "
                    f"A value that names nothing matches nothing.{none}"
                ),
            }
            filterset.base_filters[name] = extend_schema_field(schema)(found)
        elif isinstance(found, gallery.PeriodFilter):
            schema = {
                "type": "string",
                "pattern": "^-?[0-9]{1,9}$",
                "description": (
                    "Period: any year in it (1937 or 1930 for the 1930s, -500 for "
                    "a period BCE); decades, centuries or millennia to suit the "
                    "collection's years. Repeat for any of several."
                ),
            }
            filterset.base_filters[name] = extend_schema_field(schema)(found)
    return filterset


def public_sections(request=None):
    return published_sections()


def section_filter():
    """The gallery's section filter, but only sections of published exhibitions:
    a section of a draft exhibition is no way in."""
    return django_filters.ModelMultipleChoiceFilter(
        field_name="section_items__section__slug",
        to_field_name="slug",
        queryset=public_sections,
        label=_("Section"),
        distinct=True,
    )


@documented
class ArtifactFilter(gallery.ArtifactFilter):
    section = section_filter()


@documented
class PhotographFilter(gallery.PhotographFilter):
    section = section_filter()


PERSON_SORTS = [("name", _("Name")), ("active", _("Years active"))]


@documented
class PersonFilter(gallery.PersonFilter):
    sort = django_filters.ChoiceFilter(
        choices=PERSON_SORTS, method="sort_by", label=_("Sort by"), empty_label=None
    )

    def sort_by(self, queryset, name, value):
        return queryset  # applied last, in ``sorted_qs``

    def sorted_qs(self):
        if self.form.cleaned_data.get("sort") == "active":
            return self.qs.order_by(F("active_from").asc(nulls_last=True), "name", "pk")
        return self.qs.order_by("name", "pk")


class ExhibitionFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        choices=Exhibition.State.choices,
        method="filter_state",
        label=_("Current, upcoming or past"),
    )
    kind = django_filters.ChoiceFilter(choices=Exhibition.Kind.choices, label=_("Kind"))

    class Meta:
        model = Exhibition
        fields = []

    def filter_state(self, queryset, name, value):
        return getattr(queryset, value)()

    def sorted_qs(self):
        return self.qs.order_by(F("opening_date").desc(nulls_last=True), "slug")


def known_values(data, filterset_class, request):
    """The query with an empty value left out and, for filters by slug or code,
    only the values that name something; and whether some filter named nothing
    known at all. An unknown slug is an answer (nothing matches), not a bad request:
    an API client cannot know the museum's vocabularies in advance."""
    data = data.copy()
    nothing = False
    for name, found in filterset_class.base_filters.items():
        if name not in data:
            continue
        values = [value for value in data.getlist(name) if value != ""]
        if any("\x00" in value for value in values):
            continue  # no database takes it: the form refuses it with a 400
        if isinstance(found, django_filters.ModelMultipleChoiceFilter) and values:
            key, queryset = found.extra["to_field_name"], found.extra["queryset"]
            if callable(queryset):
                queryset = queryset(request)
            known = set(
                queryset.filter(**{f"{key}__in": values}).values_list(key, flat=True)
            )
            if found.extra.get("null_label") is not None:
                known.add(found.null_value)  # e.g. works of unknown type
            values = [value for value in values if value in known]
            nothing = nothing or not values
        if values:
            data.setlist(name, values)
        else:
            del data[name]
    return data, nothing


class SortedFilterBackend(DjangoFilterBackend):
    """django-filter's DRF backend, ending with the FilterSet's ``sorted_qs``."""

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        filterset_class = self.get_filterset_class(view, queryset)
        kwargs["data"], view.matches_nothing = known_values(
            kwargs["data"], filterset_class, request
        )
        return kwargs

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid() and self.raise_exception:
            raise translate_validation(filterset.errors)
        if view.matches_nothing:  # only once every other value is known good
            return queryset.none()
        return filterset.sorted_qs()
