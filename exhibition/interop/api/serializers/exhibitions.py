"""Exhibitions, their sections, and the records hung in a section."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from exhibition.interop.api.fields import (
    IMAGE,
    ApiLinkField,
    IiifField,
    PageField,
    PictureField,
    TranslatedField,
    picture,
)
from exhibition.interop.api.links import iiif_url
from exhibition.interop.api.serializers.summaries import PersonSummarySerializer
from exhibition.models import Exhibition, Section, SectionItem

RECORD_KINDS = ["artifact", "photograph"]


class SectionSummarySerializer(serializers.ModelSerializer):
    url = ApiLinkField("section-detail", lookups=("exhibition.slug", "slug"))
    title = TranslatedField()
    item_count = serializers.IntegerField(
        read_only=True, help_text="How many published records hang in it."
    )

    class Meta:
        model = Section
        fields = ["slug", "url", "title", "position", "item_count"]


class FeaturedPersonSerializer(PersonSummarySerializer):
    """A featured person, read through the exhibition's ordered entry."""

    def to_representation(self, instance):
        return super().to_representation(instance.person)


class ExhibitionSerializer(serializers.ModelSerializer):
    url = ApiLinkField("exhibition-detail")
    page = PageField(help_text="The exhibition's page in the public gallery.")
    iiif_collection = IiifField(
        "exhibitions", help_text="A IIIF Collection of its records' manifests."
    )
    state = serializers.ChoiceField(
        choices=Exhibition.State.choices,
        read_only=True,
        help_text="Current, upcoming or past, from its dates and kind, today.",
    )
    title = TranslatedField()
    subtitle = TranslatedField()
    venue = TranslatedField()
    galleries = TranslatedField()
    organisers = TranslatedField()
    supporters = TranslatedField()
    introduction = TranslatedField()
    notice = TranslatedField()
    timeline_title = TranslatedField()
    sections = SectionSummarySerializer(many=True, read_only=True)
    featured_people = FeaturedPersonSerializer(
        source="featured", many=True, read_only=True
    )

    class Meta:
        model = Exhibition
        fields = [
            "slug",
            "url",
            "page",
            "iiif_collection",
            "kind",
            "state",
            "title",
            "subtitle",
            "venue",
            "galleries",
            "opening_date",
            "closing_date",
            "organisers",
            "supporters",
            "introduction",
            "notice",
            "timeline_start",
            "timeline_end",
            "timeline_title",
            "sections",
            "featured_people",
            "updated_at",
        ]


class SectionSerializer(serializers.ModelSerializer):
    url = ApiLinkField("section-detail", lookups=("exhibition.slug", "slug"))
    page = PageField(help_text="The section's page in the public gallery.")
    exhibition = serializers.SlugField(source="exhibition.slug", read_only=True)
    items = ApiLinkField(
        "section-items",
        lookups=("exhibition.slug", "slug"),
        help_text="Its records in the curators' hanging order (paged).",
    )
    title = TranslatedField()
    introduction = TranslatedField()
    hero_image = PictureField("hero_image", "hero_width", "hero_height")
    hero_alt = TranslatedField()
    item_count = serializers.IntegerField(
        read_only=True, help_text="How many published records hang in it."
    )

    class Meta:
        model = Section
        fields = [
            "slug",
            "url",
            "page",
            "exhibition",
            "title",
            "introduction",
            "hero_image",
            "hero_alt",
            "gallery_room",
            "position",
            "item_count",
            "items",
            "updated_at",
        ]


class RecordSummarySerializer(serializers.Serializer):
    """An artifact or a photograph as a section lists it."""

    slug = serializers.SlugField()
    url = serializers.SerializerMethodField()
    page = PageField()
    iiif_manifest = serializers.SerializerMethodField()
    title = TranslatedField()
    date_display = TranslatedField()
    year_from = serializers.IntegerField(allow_null=True)
    year_to = serializers.IntegerField(allow_null=True)
    image = serializers.SerializerMethodField()

    @staticmethod
    def kind(record):
        return record._meta.model_name

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, record):
        path = reverse(f"api:{self.kind(record)}-detail", args=[record.slug])
        return self.context["request"].build_absolute_uri(path)

    @extend_schema_field(OpenApiTypes.URI)
    def get_iiif_manifest(self, record):
        return iiif_url(self.context["request"], f"{self.kind(record)}s", record.slug)

    @extend_schema_field(IMAGE)
    def get_image(self, record):
        """A photograph's image, an artifact's first image."""
        request = self.context["request"]
        if self.kind(record) == "photograph":
            return picture(request, record.image, record.width, record.height)
        first = next(iter(record.images.all()), None)
        if first is None:
            return None
        return picture(request, first.image, first.width, first.height)


class SectionItemSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(
        choices=RECORD_KINDS, source="record._meta.model_name", read_only=True
    )
    record = RecordSummarySerializer(read_only=True)

    class Meta:
        model = SectionItem
        fields = ["position", "kind", "record"]
