"""The collection's and the people list's filters (django-filter), all in the URL: the
gallery's pages and the API filter the collection with the same FilterSets."""

import re

import django_filters
from django import forms
from django.db.models import BigIntegerField, Exists, F, Max, Min, OuterRef, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from catalog.models import (
    Artifact,
    ArtifactImage,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Role,
    published_via,
)
from catalog.periods import Periods, group_of
from exhibition.models import Exhibition, Section, SectionItem
from exhibition.page_cache import computed

SORTS = [
    ("date", _("Date")),
    ("curated", _("Curators’ order")),
    ("title", _("Title")),
]
# Date is the default: it is served from an index at any collection size, while the
# curators' order is computed across the sections each record hangs in.
DEFAULT_SORT = "date"


# Beyond any record, and within what every database's integers hold.
YEAR_BOUND = 10**9


class YearFilter(django_filters.NumberFilter):
    """A whole year (1937.5 is no year); one far beyond any record finds nothing."""

    field_class = forms.IntegerField

    def filter(self, qs, value):
        if value is not None:
            value = max(-YEAR_BOUND, min(YEAR_BOUND, value))
        return super().filter(qs, value)


class YesOrNoField(forms.NullBooleanField):
    """true or false (or nothing); any other value is refused, not ignored."""

    # NullBooleanSelect would read an unknown value as "no choice" before us.
    widget = forms.TextInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        if value in (True, "true", "True", "1"):
            return True
        if value in (False, "false", "False", "0"):
            return False
        raise forms.ValidationError(_("Enter true or false."), code="invalid")


class YesOrNoFilter(django_filters.BooleanFilter):
    field_class = YesOrNoField


def collection_periods():
    """The periods the collection filter offers: decades, centuries or millennia to
    suit the years of the published artifacts and photographs, whatever they are."""

    def compute():
        spans = [
            model.objects.published().aggregate(
                start=Min("year_from"), end=Max("year_to"), last=Max("year_from")
            )
            for model in (Artifact, Photograph)
        ]
        starts = [span["start"] for span in spans if span["start"] is not None]
        ends = [
            e for span in spans for e in (span["end"], span["last"]) if e is not None
        ]
        return Periods(min(starts, default=None), max(ends, default=None))

    return computed("collection-periods", compute)


WHOLE_YEAR = re.compile(r"-?[0-9]{1,9}")


class YearsField(forms.MultipleChoiceField):
    """Whole years, repeated: any year is a choice, naming the period it falls in."""

    def valid_value(self, value):
        return WHOLE_YEAR.fullmatch(value) is not None


class PeriodFilter(django_filters.MultipleChoiceFilter):
    field_class = YearsField


def published_sections(request=None):
    return Section.objects.published()


def published_exhibitions(request=None):
    return Exhibition.objects.published()


def published_people(request=None):
    return Person.objects.published()


def used_nationalities(request=None):
    """Only terms a published biography has: an unused term is never shown."""
    used = Person.objects.published().filter(nationalities=OuterRef("pk"))
    return Nationality.objects.filter(Exists(used))


def with_curated_order(queryset):
    """Annotate each record with its first place in the exhibition's hanging order."""
    return queryset.annotate(
        curated=Min(
            # 64-bit: PostgreSQL overflows a 32-bit product of these positions.
            Cast("section_items__section__position", BigIntegerField()) * 1_000_000
            + F("section_items__position")
        )
    )


def chose_nothing(choices):
    """No choice: an empty list, or an empty queryset (asked without running it)."""
    if isinstance(choices, QuerySet):
        return choices.query.is_empty()
    return not choices


class RecordFilter(django_filters.FilterSet):
    exhibition = django_filters.ModelMultipleChoiceFilter(
        field_name="section_items__section__exhibition__slug",
        to_field_name="slug",
        queryset=published_exhibitions,
        label=_("Exhibition"),
        distinct=True,
        method="filter_exhibition",
    )
    section = django_filters.ModelMultipleChoiceFilter(
        field_name="section_items__section__slug",
        to_field_name="slug",
        queryset=published_sections,
        label=_("Section"),
        distinct=True,
        method="filter_section",
    )
    person = django_filters.ModelMultipleChoiceFilter(
        field_name="person",
        to_field_name="slug",
        queryset=published_people,
        label=_("Person"),
        method="filter_people",
    )
    nationality = django_filters.ModelMultipleChoiceFilter(
        field_name="person__nationalities",
        to_field_name="code",
        queryset=Nationality.objects.all(),
        label=_("Nationality"),
        method="filter_people",
    )
    role = django_filters.ModelMultipleChoiceFilter(
        field_name="person__roles",
        to_field_name="slug",
        queryset=Role.objects.all(),
        label=_("Role"),
        method="filter_people",
    )
    decade = PeriodFilter(method="filter_decade", label=_("Period"))
    year_min = YearFilter(field_name="year_to", lookup_expr="gte", label=_("From year"))
    year_max = YearFilter(field_name="year_from", lookup_expr="lte", label=_("To year"))
    sort = django_filters.ChoiceFilter(
        choices=SORTS, method="sort_by", label=_("Sort by"), empty_label=None
    )

    # Each filter through a multi-valued relation is an IN (subquery), not a join:
    # a join repeats a record once per link and needs a DISTINCT over whole rows,
    # which on a person linked to half the catalogue sorts tens of thousands of
    # records. (An EXISTS was probed once per record: slow for a rare term.)
    def hung(self, *conditions, **where):
        kind = self._meta.model._meta.model_name
        return Q(pk__in=SectionItem.objects.filter(*conditions, **where).values(kind))

    def filter_exhibition(self, queryset, name, exhibitions):
        """Records hanging in a published section of any chosen exhibition."""
        if chose_nothing(exhibitions):
            return queryset
        return queryset.filter(
            self.hung(published_via("section"), section__exhibition__in=exhibitions)
        )

    def filter_section(self, queryset, name, sections):
        """Records hanging in a chosen public section: a draft exhibition's section
        of the same slug adds nothing."""
        if chose_nothing(sections):
            return queryset
        slugs = {section.slug for section in sections}
        return queryset.filter(
            self.hung(section__in=published_sections().filter(slug__in=slugs))
        )

    def filter_people(self, queryset, name, terms):
        """Records with any of the chosen people (or any person of the chosen
        nationalities, roles); ``name`` leads from a record's link to the term."""
        if chose_nothing(terms):
            return queryset
        model = self._meta.model
        links = model.people.through.objects.filter(**{f"{name}__in": terms})
        return queryset.filter(pk__in=links.values(model._meta.model_name))

    def filter_decade(self, queryset, name, values):
        periods = collection_periods()
        overlaps = Q()
        for value in values:
            overlaps |= periods.overlapping(group_of(int(value), periods.size))
        return queryset.filter(overlaps)

    def sort_by(self, queryset, name, value):
        return queryset  # applied last, in ``sorted_qs``, after every filter

    def sorted_qs(self):
        queryset = self.qs
        sort = self.form.cleaned_data.get("sort") or DEFAULT_SORT
        if sort == "date":
            return queryset.order_by("year_from", "pk")  # served from the year index
        if sort == "title":
            return queryset.order_by("title", "pk")
        return with_curated_order(queryset).order_by(
            F("curated").asc(nulls_last=True), "pk"
        )


# The type filter's value for works of unknown type: "~" is in no term's code.
UNKNOWN_TYPE = "~unknown"


class ArtifactFilter(RecordFilter):
    type = django_filters.ModelMultipleChoiceFilter(
        field_name="object_type__code",
        to_field_name="code",
        queryset=ObjectType.objects.all(),
        label=_("Type"),
        null_value=UNKNOWN_TYPE,
        null_label=_("unknown object type"),
    )
    has_image = YesOrNoFilter(method="filter_has_image", label=_("Has an image"))

    class Meta:
        model = Artifact
        fields = []

    def filter_has_image(self, queryset, name, value):
        has = Exists(ArtifactImage.objects.filter(artifact=OuterRef("pk")))
        return queryset.filter(has if value else ~has)


class PhotographFilter(RecordFilter):
    class Meta:
        model = Photograph
        fields = []


class PersonFilter(django_filters.FilterSet):
    nationality = django_filters.ModelMultipleChoiceFilter(
        field_name="nationalities__code",
        to_field_name="code",
        queryset=used_nationalities,
        label=_("Nationality"),
        distinct=True,
    )
    role = django_filters.ModelMultipleChoiceFilter(
        field_name="roles__slug",
        to_field_name="slug",
        queryset=Role.objects.all(),
        label=_("Role"),
        distinct=True,
    )
    affiliation = django_filters.CharFilter(
        field_name="affiliation_en", label=_("Affiliation")
    )
    kind = django_filters.ChoiceFilter(
        choices=Person.Kind.choices, label=_("People or groups")
    )

    class Meta:
        model = Person
        fields = []
