"""What the gallery's views share: page sizes, prefetches, who sees what."""

from django.db.models import Prefetch

from catalog.models import (
    ArtifactImage,
    Citation,
)
from exhibition.page_cache import cached_by_version

PAGE_SIZE = 24
SECTION_PAGE_SIZE = 48
SECTION_PEOPLE = 24
TIMELINE_PER_GROUP = 8
SEARCH_LIMIT = 24
RELATED_LIMIT = 6

first_image = Prefetch(
    "images", queryset=ArtifactImage.objects.order_by("position", "pk")
)
citations_with_sources = Prefetch(
    "citations", queryset=Citation.objects.select_related("source")
)


def visible(model, request):
    """Published records, or every record for a curator allowed to change them."""
    opts = model._meta
    if request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return model.objects.all()
    return model.objects.published()


def clips_of(record):
    """The clips of a record already read as visible, in the curators' order: once
    per content version, so a page with players costs no more queries."""
    return cached_by_version(
        "clips",
        lambda: list(record.media.order_by("position", "pk")),
        record._meta.label,
        record.pk,
    )
