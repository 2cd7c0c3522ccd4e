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
    published_via,
)
from exhibition.filters import (
    DEFAULT_SORT,
    SORTS,
    ArtifactFilter,
    PersonFilter,
    PhotographFilter,
)
from exhibition.gallery.context_processors import museum_name
from exhibition.gallery.facets import build_facets
from exhibition.gallery.views.common import PAGE_SIZE, PEOPLE_PAGE_SIZE, first_image
from exhibition.models import FeaturedPerson
from exhibition.page_cache import computed


def facet_state(query):
    query = query.copy()
    query.pop("page", None)
    query.pop("sort", None)
    return query.urlencode()


def counted_facets(model, filters):
    """Facets, records with images and the record count of one filter state: they
    depend only on the filters (not the page or the sort), so one count serves
    every page and sort of the state. Kept as a computed part: counting a large
    collection costs far more than the rest of the page."""

    def count():
        queryset = filters.qs
        facets, with_images = build_facets(
            model, queryset, filters.data, model is Artifact
        )
        return facets, with_images, queryset.count()

    return computed("facets", count, model._meta.model_name, facet_state(filters.data))


@require_GET
def collection(request):
    kind = "photographs" if request.GET.get("kind") == "photographs" else "artifacts"
    model, filter_class = (
        (Photograph, PhotographFilter)
        if kind == "photographs"
        else (Artifact, ArtifactFilter)
    )
    filters = filter_class(request.GET, queryset=model.objects.published())
    if not filters.is_valid():
        return render(
            request,
            "gallery/collection.html",
            {"kind": kind, "filters": filters, "invalid": True, "facets": []},
            status=400,
        )
    facets, with_images, total = counted_facets(model, filters)
    # The count is known already: the paginator need not ask the database again.
    paginator = Paginator(filters.sorted_qs(), PAGE_SIZE)
    paginator.count = total
    page = paginator.get_page(request.GET.get("page"))
    records = page.object_list
    if model is Artifact:
        records = records.select_related("object_type").prefetch_related(first_image())
    return render(
        request,
        "gallery/collection.html",
        {
            "kind": kind,
            "page": page,
            "records": records,
            "facets": facets,
            "with_images": with_images,
            "chips": [(facet, value) for facet in facets for value in facet.selected],
            "sort": filters.form.cleaned_data.get("sort") or DEFAULT_SORT,
            "sorts": SORTS,
        },
    )


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
            published_via("exhibition"), person=OuterRef("pk")
        )
        people = filters.qs.annotate(featured_anywhere=Exists(featured)).order_by(
            "-featured_anywhere", "kind", "name", "pk"
        )
        status = 200
    # A page at a time: a real catalogue names thousands of people, and a card
    # each made the first view take seconds.
    page = Paginator(people, PEOPLE_PAGE_SIZE).get_page(request.GET.get("page"))
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
            "page": page,
            "people": page.object_list,
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
