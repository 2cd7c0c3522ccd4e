"""Public gallery pages of the whole catalogue: the collection, the people, robots
and the server-error page. Every record is read through ``published()``.

A curator who may change a record can preview it unpublished (with a banner);
everyone else gets 404 for anything not published.
"""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET

from catalog.models import (
    Artifact,
    Person,
    Photograph,
    Role,
)
from exhibition.gallery import fragments
from exhibition.gallery.context_processors import museum_name
from exhibition.gallery.facet_cache import cached_facets
from exhibition.gallery.filters import (
    DEFAULT_SORT,
    SORTS,
    ArtifactFilter,
    PersonFilter,
    PhotographFilter,
)
from exhibition.gallery.views.common import PAGE_SIZE, first_image
from exhibition.models import FeaturedPerson
from exhibition.page_cache import (
    cached_by_version,
    current_version,
    not_for_page_cache,
)


def card_records(model, pks):
    records = model.objects.published().filter(pk__in=pks)
    if model is Artifact:
        records = records.select_related("object_type").prefetch_related(first_image())
    return records


def facet_state(query):
    query = query.copy()
    query.pop("page", None)
    return query.urlencode()


def checked_filters(filter_class, query):
    """Whether the filters in the address are valid, and the sort they choose:
    asked once per filter state and content version (the choices are records)."""
    filters = filter_class(query, queryset=filter_class._meta.model.objects.none())
    valid = filters.is_valid()
    return valid, valid and (filters.form.cleaned_data.get("sort") or DEFAULT_SORT)


@require_GET
def collection(request):
    kind = "photographs" if request.GET.get("kind") == "photographs" else "artifacts"
    model, filter_class = (
        (Photograph, PhotographFilter)
        if kind == "photographs"
        else (Artifact, ArtifactFilter)
    )
    state = facet_state(request.GET)
    valid, sort = cached_by_version(
        "collection-filters",
        lambda: checked_filters(filter_class, request.GET),
        kind,
        state,
    )

    def filtered():
        filters = filter_class(request.GET, queryset=model.objects.published())
        filters.is_valid()
        return filters

    if not valid:
        return render(
            request,
            "gallery/collection.html",
            {"kind": kind, "filters": filtered(), "invalid": True, "facets": []},
            status=400,
        )
    # Filters are built only if the counts or the page's records must be read.
    version = current_version()
    facets, with_images, total, counted_at = cached_facets(
        model, lambda: filtered().qs, request.GET, model is Artifact, version
    )
    # Numbers only: the page of records is read below, by its pks.
    page = Paginator(range(total), PAGE_SIZE).get_page(request.GET.get("page"))
    start = (page.number - 1) * PAGE_SIZE
    pks = cached_by_version(
        "collection-page",
        lambda: list(
            filtered()
            .sorted_qs()
            .values_list("pk", flat=True)[start : start + PAGE_SIZE]
        ),
        kind,
        state,
        page.number,
    )
    response = render(
        request,
        "gallery/collection.html",
        {
            "kind": kind,
            "page": page,
            "cards": fragments.cards(
                model, pks, lambda missing: card_records(model, missing)
            ),
            "facets": facets,
            "with_images": with_images,
            "chips": [(facet, value) for facet in facets for value in facet.selected],
            "sort": sort,
            "sorts": SORTS,
            # The panel shows the filters, the sort and the counts (maybe older).
            "facet_state": f"{state}@{counted_at}",
        },
    )
    if counted_at < version:
        # The previous version's counts while they are counted again: never
        # stored as this version's page, which would outlive the recount (a
        # withdrawn person still offered) for as long as pages are kept.
        not_for_page_cache(response)
    return response


@require_GET
def people_list(request):
    filters = PersonFilter(
        request.GET,
        queryset=Person.objects.published().prefetch_related("roles", "nationalities"),
    )
    if not filters.is_valid():
        people = Person.objects.none()
        status = 400
    else:
        featured = FeaturedPerson.objects.filter(
            person=OuterRef("pk"), exhibition__status="published"
        )
        people = filters.qs.annotate(featured_anywhere=Exists(featured)).order_by(
            "-featured_anywhere", "kind", "name"
        )
        status = 200
    affiliations = (
        Person.objects.published()
        .exclude(affiliation_en="")
        .values_list("affiliation_en", "affiliation_zh_hans")
        .distinct()
        .order_by("affiliation_en")
    )
    return render(
        request,
        "gallery/person_list.html",
        {
            "filters": filters,
            "people": people,
            "roles": Role.objects.all(),
            "affiliations": affiliations,
        },
        status=status,
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /kiosk/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        # For harvesters and viewers: the collection in other systems' formats.
        f"# IIIF: {request.build_absolute_uri(reverse('iiif:collection'))}",
        f"# OAI-PMH: {request.build_absolute_uri(reverse('oai-pmh'))}",
        f"# API: {request.build_absolute_uri(reverse('api:docs'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """The 500 page, rendered without the database (it may be why we are here)."""
    html = render_to_string("500.html", {"museum_name": museum_name("en")})
    return HttpResponseServerError(html)
