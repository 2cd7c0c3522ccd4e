"""Search across the published collection, in both languages."""

from django.db.models import Q
from django.shortcuts import render
from django.views.decorators.http import require_GET

from catalog.models import (
    Artifact,
    Person,
    Photograph,
)
from exhibition.gallery.views.common import (
    SEARCH_LIMIT,
    first_image,
)


def search_query(text):
    return text.strip()[:100]


@require_GET
def search(request):
    query = search_query(request.GET.get("q", ""))
    results = {}
    if query:
        results = {
            "artifacts": Artifact.objects.published()
            .filter(
                Q(title_en__icontains=query)
                | Q(title_zh_hans__icontains=query)
                | Q(description_en__icontains=query)
                | Q(description_zh_hans__icontains=query)
                | Q(accession_number__iexact=query)
            )
            .select_related("object_type")
            .prefetch_related(first_image)
            .order_by("accession_number"),
            "photographs": Photograph.objects.published()
            .filter(
                Q(title_en__icontains=query)
                | Q(title_zh_hans__icontains=query)
                | Q(caption_en__icontains=query)
                | Q(caption_zh_hans__icontains=query)
            )
            .order_by("slug"),
            "people": Person.objects.published()
            .filter(
                Q(name_en__icontains=query)
                | Q(name_zh_hans__icontains=query)
                | Q(other_names_en__icontains=query)
                | Q(other_names_zh_hans__icontains=query)
                | Q(summary_en__icontains=query)
                | Q(summary_zh_hans__icontains=query)
            )
            .prefetch_related("nationalities")
            .order_by("name"),
        }
        results = {
            name: (queryset[:SEARCH_LIMIT], queryset.count())
            for name, queryset in results.items()
        }
    total = sum(count for _, count in results.values())
    return render(
        request,
        "gallery/search.html",
        {"query": query, "results": results, "total": total},
    )
