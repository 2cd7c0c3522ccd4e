"""Biographies of people and groups."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.models import Person
from exhibition.interop.api.fields import (
    ApiLinkField,
    PageField,
    PictureField,
    TranslatedField,
)
from exhibition.interop.api.serializers.summaries import (
    NationalitySerializer,
    PersonSummarySerializer,
    RoleSerializer,
)


@extend_schema_field(OpenApiTypes.URI)
class RecordsOfField(serializers.Field):
    """The API's list of one kind of record, filtered to this person."""

    def __init__(self, view_name, **kwargs):
        self.view_name = view_name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, person):
        path = reverse(f"api:{self.view_name}")
        return self.context["request"].build_absolute_uri(
            f"{path}?person={person.slug}"
        )


class PersonSerializer(serializers.ModelSerializer):
    url = ApiLinkField("person-detail")
    page = PageField(help_text="The biography's page in the public gallery.")
    name = TranslatedField()
    other_names = TranslatedField()
    nationalities = NationalitySerializer(many=True, read_only=True)
    roles = RoleSerializer(many=True, read_only=True)
    affiliation = TranslatedField()
    birth_display = TranslatedField(help_text="Born, as visitors read it.")
    death_display = TranslatedField(help_text="Died, as visitors read it.")
    active_display = TranslatedField(help_text="Years active, as visitors read them.")
    active_places = TranslatedField()
    summary = TranslatedField()
    body = TranslatedField(
        help_text="The full biography; paragraphs split by a blank line."
    )
    portrait = PictureField("portrait", "portrait_width", "portrait_height")
    portrait_alt = TranslatedField()
    disputed_note = TranslatedField()
    groups = PersonSummarySerializer(
        many=True, read_only=True, help_text="Published groups this person belongs to."
    )
    members = PersonSummarySerializer(
        many=True, read_only=True, help_text="For a group: its published members."
    )
    artifacts = RecordsOfField("artifact-list", help_text="Their artifacts.")
    photographs = RecordsOfField("photograph-list", help_text="Their photographs.")

    class Meta:
        model = Person
        fields = [
            "slug",
            "url",
            "page",
            "kind",
            "name",
            "other_names",
            "nationalities",
            "roles",
            "affiliation",
            "birth_display",
            "birth_year",
            "death_display",
            "death_year",
            "active_display",
            "active_from",
            "active_to",
            "active_places",
            "summary",
            "body",
            "portrait",
            "portrait_alt",
            "featured",
            "disputed",
            "disputed_note",
            "groups",
            "members",
            "artifacts",
            "photographs",
            "updated_at",
        ]
