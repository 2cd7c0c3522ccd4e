"""Short forms of records where another record points to them."""

from rest_framework import serializers

from catalog.models import Nationality, ObjectType, Person, Role
from exhibition.interop.api.fields import ApiLinkField, TranslatedField
from exhibition.models import SectionItem


class PersonSummarySerializer(serializers.ModelSerializer):
    url = ApiLinkField("person-detail")
    name = TranslatedField()

    class Meta:
        model = Person
        fields = ["slug", "url", "kind", "name"]


class ObjectTypeSerializer(serializers.ModelSerializer):
    label = TranslatedField()

    class Meta:
        model = ObjectType
        fields = ["code", "label"]


class NationalitySerializer(serializers.ModelSerializer):
    label = TranslatedField()

    class Meta:
        model = Nationality
        fields = ["code", "label"]


class RoleSerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Role
        fields = ["slug", "name"]


class PlacementSerializer(serializers.ModelSerializer):
    """Where a record hangs: a public section of a public exhibition."""

    exhibition = serializers.SlugField(source="section.exhibition.slug")
    section = serializers.SlugField(source="section.slug")
    section_title = TranslatedField("title", of="section")
    url = ApiLinkField(
        "section-detail", lookups=("section.exhibition.slug", "section.slug")
    )

    class Meta:
        model = SectionItem
        fields = ["exhibition", "section", "section_title", "position", "url"]
