"""Public gallery pages. Every record is read through ``published()``.

A curator who may change a record can preview it unpublished (with a banner);
everyone else gets 404 for anything not published.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from catalog.models import (
    Artifact,
    Person,
    Photograph,
    Role,
)
from exhibition.gallery import structured_data
from exhibition.gallery.facets import cached_facets
from exhibition.gallery.filters import (
    DEFAULT_SORT,
    ArtifactFilter,
    PersonFilter,
    PhotographFilter,
)
from exhibition.gallery.views.common import (
    PAGE_SIZE,
    SECTION_PAGE_SIZE,
    SECTION_PEOPLE,
    citations_with_sources,
    first_image,
    visible,
)
from exhibition.models import Exhibition, Section, SectionItem
from exhibition.page_cache import cached_by_version, current_version


def current_exhibition():
    return Exhibition.objects.published().first()


@require_GET
def home(request):
    exhibition = current_exhibition()
    if exhibition is None:
        return render(request, "gallery/home_empty.html")
    sections = Section.objects.published().filter(exhibition=exhibition)
    # Unordered in SQL, so the database reads the small "featured" index rather
    # than walking every name in order; eight people sort quickly here.
    featured = sorted(
        Person.objects.published().filter(featured=True).order_by(),
        key=lambda person: person.name,
    )
    return render(
        request,
        "gallery/home.html",
        {
            "exhibition": exhibition,
            "sections": sections,
            "featured_people": featured,
            "json_ld": structured_data.exhibition_event(request, exhibition),
        },
    )


@require_GET
def section_detail(request, slug):
    section = get_object_or_404(
        visible(Section, request)
        .select_related("exhibition")
        .prefetch_related(citations_with_sources),
        slug=slug,
    )
    items = (
        SectionItem.objects.filter(section=section)
        .filter(Q(artifact__status="published") | Q(photograph__status="published"))
        .select_related("artifact__object_type", "photograph")
        .prefetch_related(Prefetch("artifact__images", queryset=first_image.queryset))
        .order_by("position", "pk")
    )
    paginator = Paginator(items, SECTION_PAGE_SIZE)
    paginator.count = cached_by_version("section-count", items.count, section.pk)
    page = paginator.get_page(request.GET.get("page"))
    people_query = (
        Person.objects.published()
        .filter(
            Q(artifacts__section_items__section=section, artifacts__status="published")
            | Q(
                photographs__section_items__section=section,
                photographs__status="published",
            )
        )
        .distinct()
        .order_by("-featured", "name")[:SECTION_PEOPLE]
    )
    people = cached_by_version("section-people", lambda: list(people_query), section.pk)
    siblings = list(
        Section.objects.published()
        .filter(exhibition=section.exhibition_id)
        .only("slug", "title_en", "title_zh_hans", "position")
    )
    index = next((i for i, s in enumerate(siblings) if s.pk == section.pk), None)
    previous_section = siblings[index - 1] if index else None
    next_section = (
        siblings[index + 1] if index is not None and index + 1 < len(siblings) else None
    )
    return render(
        request,
        "gallery/section_detail.html",
        {
            "section": section,
            "items": page.object_list,
            "page": page,
            "people": people,
            "previous_section": previous_section,
            "next_section": next_section,
        },
    )


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
    records = filters.sorted_qs()
    if model is Artifact:
        records = records.select_related("object_type").prefetch_related(first_image)
    facets, with_images, total = cached_facets(
        model, filters.qs, request.GET, model is Artifact, current_version()
    )
    paginator = Paginator(records, PAGE_SIZE)
    paginator.count = total  # counted once per filter state, with the facets
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "gallery/collection.html",
        {
            "kind": kind,
            "filters": filters,
            "page": page,
            "facets": facets,
            "with_images": with_images,
            "chips": [(facet, value) for facet in facets for value in facet.selected],
            "sort": filters.form.cleaned_data.get("sort") or DEFAULT_SORT,
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
        people = filters.qs.order_by("-featured", "kind", "name")
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
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
