"""What the gallery's views share: page sizes, prefetches, who sees what."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from catalog.models import (
    ArtifactImage,
    Citation,
)
from exhibition.page_cache import held_by_version

PAGE_SIZE = 24
SECTION_PAGE_SIZE = 48
SECTION_PEOPLE = 24
TIMELINE_PER_GROUP = 8
SEARCH_LIMIT = 24
RELATED_LIMIT = 6


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
    prefetches), or 404. For the public it is read once per content version: the
    read starts from ``published()``, so a draft is never in it, and any save
    makes a new version. Curators read it afresh, drafts included."""
    if may_preview(model, request):
        return get_object_or_404(shape(model.objects.all()), **lookup)
    found = held_by_version(
        "record",
        lambda: list(shape(model.objects.published()).filter(**lookup)[:1]),
        model._meta.label,
        *(f"{name}={value}" for name, value in sorted(lookup.items())),
    )
    if not found:
        raise Http404(f"No {model._meta.verbose_name} matches the given query.")
    return found[0]


def clips_of(record):
    """The clips of a record already read as visible, in the curators' order: once
    per content version, so a page with players costs no more queries."""
    return held_by_version(
        "clips",
        lambda: list(record.media.order_by("position", "pk")),
        record._meta.label,
        record.pk,
    )


def described(request, build, record):
    """A record's structured data (``build(request, record)``), once per content
    version, language and address; a preview of a draft is built afresh."""
    if not record.is_published:
        return build(request, record)
    return held_by_version(
        "json-ld",
        lambda: build(request, record),
        record._meta.label,
        record.pk,
        f"{request.scheme}://{request.get_host()}",
    )
