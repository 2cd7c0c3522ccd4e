"""What the gallery's views share: page sizes, prefetches, who sees what."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from catalog.models import (
    ArtifactImage,
    Citation,
)

PAGE_SIZE = 24
SECTION_PAGE_SIZE = 48
SECTION_PEOPLE = 24
TIMELINE_PER_GROUP = 8
SEARCH_LIMIT = 24
RELATED_LIMIT = 6
PERSON_RECORDS = 24  # of each kind on a person's page
PEOPLE_PAGE_SIZE = 48


# New Prefetch objects for each query, never shared ones: Django writes the record
# being prefetched into its queryset's hints, and every prefetched list shares that
# dict, so a shared Prefetch carried one thread's record into another's cached
# record, whose pickling then failed when that thread changed it ("dictionary
# changed size during iteration": the soak's three 500s in 65,441 answers).
def images_in_order():
    return ArtifactImage.objects.order_by("position", "pk")


def first_image():
    return Prefetch("images", queryset=images_in_order())


def citations_with_sources():
    return Prefetch("citations", queryset=Citation.objects.select_related("source"))


def may_preview(model, request):
    opts = model._meta
    return request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def visible(model, request):
    """Published records, or every record for a curator allowed to change them."""
    if may_preview(model, request):
        return model.objects.all()
    return model.objects.published()


def get_visible(model, request, shape, **lookup):
    """The one record this visitor may see (``shape`` adds the view's joins and
    prefetches), or 404: from ``published()`` for the public, from every record
    for a curator allowed to change it (a preview, drafts included)."""
    return get_object_or_404(shape(visible(model, request)), **lookup)


def clips_of(record):
    """The clips of a record already read as visible, in the curators' order."""
    return list(record.media.order_by("position", "pk"))
