"""Search across the published collection, in both languages: ranked by the
database's full-text engine, narrowed by facets, paged, the matched words marked in
a snippet in the visitor's language; all of it in the address."""

from collections import defaultdict
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET

from catalog.models import Artifact, Person, Photograph
from catalog.models.search import Kind
from catalog.search import backend
from catalog.search import search as search_catalog
from catalog.search.snippets import best_text, marked
from exhibition.gallery.search_facets import (
    cached_facets,
    chosen_filters,
    narrowed,
    state_digest,
)
from exhibition.gallery.views.common import SEARCH_LIMIT, first_image
from exhibition.page_cache import computed

SNIPPET_LENGTH = {"zh-hans": 90}
DEFAULT_SNIPPET_LENGTH = 220

# kind → published records of that kind, with what a result shows
RECORDS = {
    Kind.ARTIFACT: lambda: (
        Artifact.objects.published()
        .select_related("object_type")
        .prefetch_related(first_image())
    ),
    Kind.PHOTOGRAPH: lambda: Photograph.objects.published(),
    Kind.PERSON: lambda: Person.objects.published(),
}


@dataclass
class Result:
    kind: str
    kind_label: str
    record: object
    title: str
    snippet: str
    meta: str
    image: tuple | None


def describe(kind, record):
    """What a result shows of a record: texts to search for a snippet, a line of
    facts, a picture (file, width, height, alt text)."""
    if kind == Kind.ARTIFACT:
        image = next(iter(record.images.all()), None)
        facts = [
            record.date_display,
            str(record.object_type or gettext("unknown object type")),
        ]
        picture = image and (image.image, image.width, image.height, image.alt_text)
        return [record.description], facts, picture
    if kind == Kind.PHOTOGRAPH:
        picture = (record.image, record.width, record.height, record.alt_text)
        return [record.caption], [record.date_display, record.place], picture
    picture = record.portrait and (
        record.portrait,
        record.portrait_width,
        record.portrait_height,
        record.portrait_alt,
    )
    return [record.summary, record.body], [record.life_dates], picture


def results_for(rows, query):
    """The page's records, one query per kind on it, in the ranked order."""
    wanted = defaultdict(list)
    for kind, pk in rows:
        wanted[kind].append(pk)
    loaded = {
        (kind, record.pk): record
        for kind, pks in wanted.items()
        for record in RECORDS[kind]().filter(pk__in=pks)
    }
    length = SNIPPET_LENGTH.get(get_language(), DEFAULT_SNIPPET_LENGTH)
    labels = dict(Kind.choices)
    results = []
    for kind, pk in rows:
        record = loaded.get((kind, pk))
        if record is None:  # left the published catalogue since it was indexed
            continue
        texts, facts, picture = describe(kind, record)
        results.append(
            Result(
                kind=kind,
                kind_label=labels[kind],
                record=record,
                title=marked(
                    str(record.title if kind != Kind.PERSON else record.name), query
                ),
                snippet=marked(best_text(texts, query), query, length),
                meta=" · ".join(fact for fact in facts if fact),
                image=picture or None,
            )
        )
    return results


def ranked_page(page, query, chosen):
    """The page's (kind, id) pairs in rank order, kept as a computed part: ranking
    reads every match's vector, the one cost that grows with the collection."""
    return computed(
        "search-page",
        lambda: list(page.object_list),
        state_digest(query, chosen),
        page.number,
    )


@require_GET
def search(request):
    entries, query = search_catalog(request.GET.get("q", ""))
    chosen = chosen_filters(request.GET)
    context = {
        "query": query.text,
        "filtered": any(chosen.values()),
        "facets": [],
        "total": 0,
    }
    if query:
        entries = narrowed(entries, chosen)
        facets, total = cached_facets(entries, query, chosen)
        paginator = Paginator(
            backend().ranked(entries).values_list("kind", "record_id"), SEARCH_LIMIT
        )
        paginator.count = total  # counted once per query and filters, with the facets
        page = paginator.get_page(request.GET.get("page"))
        context |= {
            "facets": facets,
            "chips": [(facet, value) for facet in facets for value in facet.selected],
            "total": total,
            "page": page,
            "results": results_for(ranked_page(page, query, chosen), query),
        }
    return render(request, "gallery/search.html", context)
