"""Artifacts (with their images in order) and photographs."""

from rest_framework import serializers

from catalog.models import Artifact, ArtifactImage, Photograph
from exhibition.interop.api.fields import (
    ApiLinkField,
    IiifField,
    PageField,
    PictureField,
    TranslatedField,
)
from exhibition.interop.api.serializers.summaries import (
    ObjectTypeSerializer,
    PersonSummarySerializer,
    PlacementSerializer,
)

# Fields every catalogued record has, whatever its kind.
RECORD_FIELDS = [
    "slug",
    "url",
    "page",
    "iiif_manifest",
    "title",
    "date_display",
    "year_from",
    "year_to",
    "place",
    "credit_line",
    "rights",
    "disputed",
    "disputed_note",
    "people",
    "placements",
    "updated_at",
]


class RecordSerializer(serializers.ModelSerializer):
    page = PageField(help_text="The record's page in the public gallery.")
    title = TranslatedField()
    date_display = TranslatedField(help_text="The date as visitors read it.")
    place = TranslatedField()
    credit_line = TranslatedField()
    rights = TranslatedField()
    disputed_note = TranslatedField()
    people = PersonSummarySerializer(many=True, read_only=True)
    placements = PlacementSerializer(
        source="section_items",
        many=True,
        read_only=True,
        help_text="The public sections it hangs in, in exhibition order.",
    )


class ArtifactImageSerializer(serializers.ModelSerializer):
    alt_text = TranslatedField()
    caption = TranslatedField()
    image = PictureField("image")

    class Meta:
        model = ArtifactImage
        fields = ["position", "alt_text", "caption", "image"]


class ArtifactSerializer(RecordSerializer):
    url = ApiLinkField("artifact-detail")
    iiif_manifest = IiifField("artifacts")
    object_type = ObjectTypeSerializer(read_only=True, allow_null=True)
    description = TranslatedField()
    materials = TranslatedField()
    provenance = TranslatedField()
    images = ArtifactImageSerializer(many=True, read_only=True)

    class Meta:
        model = Artifact
        fields = [
            *RECORD_FIELDS,
            "accession_number",
            "object_type",
            "description",
            "materials",
            "dimensions",
            "provenance",
            "gallery_room",
            "case",
            "images",
        ]


class PhotographSerializer(RecordSerializer):
    url = ApiLinkField("photograph-detail")
    iiif_manifest = IiifField("photographs")
    caption = TranslatedField()
    alt_text = TranslatedField()
    photographer = TranslatedField()
    archive = TranslatedField()
    image = PictureField("image")

    class Meta:
        model = Photograph
        fields = [
            *RECORD_FIELDS,
            "caption",
            "alt_text",
            "photographer",
            "archive",
            "archive_reference",
            "image",
        ]
