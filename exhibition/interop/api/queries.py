"""What each endpoint reads, all of it through the models' ``published()``, with
every related list fetched once per page (a fixed number of queries)."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce

from catalog.models import Artifact, ArtifactImage, Person, Photograph
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem


def published_sections():
    """Published sections of published exhibitions: nothing else is public."""
    return Section.objects.published().filter(
        exhibition__in=Exhibition.objects.published()
    )


def published_items():
    """Placements of published records (the section is the caller's to check)."""
    return SectionItem.objects.filter(
        Q(artifact__in=Artifact.objects.published())
        | Q(photograph__in=Photograph.objects.published())
    )


def with_item_count(sections):
    counts = (
        published_items()
        .filter(section=OuterRef("pk"))
        .order_by()
        .values("section")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return sections.annotate(
        item_count=Coalesce(Subquery(counts, output_field=IntegerField()), 0)
    )


def placements():
    """Where a record hangs: its places in public sections, in exhibition order."""
    return Prefetch(
        "section_items",
        queryset=SectionItem.objects.filter(section__in=published_sections())
        .select_related("section__exhibition")
        .order_by("section__exhibition__pk", "section__position", "position", "pk"),
    )


def ordered_images():
    return Prefetch("images", queryset=ArtifactImage.objects.order_by("position", "pk"))


def public_people(name):
    return Prefetch(name, queryset=Person.objects.published())


def artifacts():
    return (
        Artifact.objects.published()
        .select_related("object_type")
        .prefetch_related(ordered_images(), public_people("people"), placements())
    )


def photographs():
    return Photograph.objects.published().prefetch_related(
        public_people("people"), placements()
    )


def people():
    return Person.objects.published().prefetch_related(
        "nationalities", "roles", public_people("groups"), public_people("members")
    )


def exhibitions():
    return Exhibition.objects.published().prefetch_related(
        Prefetch(
            "sections",
            queryset=with_item_count(Section.objects.published()).order_by(
                "position", "pk"
            ),
        ),
        Prefetch(
            "featured",
            queryset=FeaturedPerson.objects.filter(
                person__in=Person.objects.published()
            )
            .select_related("person")
            .order_by("position", "pk"),
        ),
    )


def sections(exhibition_slug):
    return (
        with_item_count(published_sections())
        .filter(exhibition__slug=exhibition_slug)
        .select_related("exhibition")
        .order_by("position", "pk")
    )


def items(section):
    """A section's published records in the curators' hanging order."""
    return (
        published_items()
        .filter(section=section)
        .select_related("artifact", "photograph")
        .prefetch_related(
            Prefetch(
                "artifact__images",
                queryset=ArtifactImage.objects.order_by("position", "pk"),
            )
        )
        .order_by("position", "pk")
    )
