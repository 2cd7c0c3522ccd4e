"""Writing exhibitions, their sections, featured people and hanging order to the
``exhibitions`` list of ``collection.json``."""

from django.db.models import Prefetch

from catalog.models import Citation
from catalog.transfer.exporter import json_entry
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem

# Fields an entry does not carry: its parent (it is nested) and what an image sets.
SECTION_SKIPPED = {"exhibition", "hero_image", "hero_width", "hero_height"}


def citations(obj):
    return [[c.source.key, c.locator] for c in obj.citations.all()]


def item_entry(item):
    """A placed record by the identifier the CSV matches it on."""
    if item.artifact_id:
        return {"artifact": item.artifact.accession_number}
    return {"photograph": item.photograph.slug}


def section_entry(section, copy_image):
    entry = json_entry(section, skipped=SECTION_SKIPPED)
    if section.hero_image:
        entry["hero_image"] = copy_image(
            section.hero_image, f"section-{section.exhibition.slug}-{section.slug}"
        )
    entry["citations"] = citations(section)
    entry["items"] = [item_entry(item) for item in section.items.all()]
    return entry


def export_exhibitions(copy_image):
    """Every exhibition, draft or published, as the import reads them back."""
    cited = Prefetch("citations", queryset=Citation.objects.select_related("source"))
    items = Prefetch(
        "items",
        queryset=SectionItem.objects.select_related("artifact", "photograph"),
    )
    sections = Prefetch(
        "sections",
        queryset=Section.objects.select_related("exhibition").prefetch_related(
            items, cited
        ),
    )
    featured = Prefetch(
        "featured", queryset=FeaturedPerson.objects.select_related("person")
    )
    entries = []
    for exhibition in Exhibition.objects.order_by("slug").prefetch_related(
        sections, featured, cited
    ):
        entry = json_entry(exhibition)
        entry["citations"] = citations(exhibition)
        entry["featured"] = [chosen.person.slug for chosen in exhibition.featured.all()]
        entry["sections"] = [
            section_entry(section, copy_image) for section in exhibition.sections.all()
        ]
        entries.append(entry)
    return entries
