"""Public gallery pages. Every record is read through ``published()``.

A curator who may change a record can preview it unpublished (with a banner);
everyone else gets 404 for anything not published.
"""

from django.core.paginator import Paginator
from django.db.models import F, Prefetch, Q, Window
from django.db.models.functions import RowNumber
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
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
from exhibition.models import Exhibition, Section, SectionItem
from exhibition.page_cache import cached_by_version, current_version

PAGE_SIZE = 24
SECTION_PAGE_SIZE = 48
SECTION_PEOPLE = 24
TIMELINE_YEARS = range(1931, 1946)
TIMELINE_PER_YEAR = 8
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
        .select_related("artifact", "photograph")
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


def related_records(record, model, limit=RELATED_LIMIT):
    """Up to ``limit`` published records near ``record``: its people's, then its
    neighbours in the sections' hanging order. Bounded at any collection size."""
    kind = model._meta.model_name
    same = isinstance(record, model)
    people = [p.pk for p in record.people.all()]
    by_people = (
        model.objects.published()
        .filter(people__in=people)
        .exclude(pk=record.pk if same else None)
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()[:limit]
    )
    near = Q(pk__in=[])
    for placement in record.section_items.all():
        near |= Q(
            section_id=placement.section_id,
            position__gte=placement.position - 2 * limit,
            position__lte=placement.position + 2 * limit,
        )
    neighbours = (
        SectionItem.objects.filter(near, **{f"{kind}__status": "published"})
        .exclude(**{kind: None})
        .exclude(**({kind: record.pk} if same else {}))
        .order_by("position")
        .values_list(kind, flat=True)[: 4 * limit]
    )
    # Both queries always run, so the page's query count never depends on data.
    chosen = list(by_people)
    chosen += [pk for pk in neighbours if pk not in chosen]
    return (
        model.objects.published()
        .filter(pk__in=chosen[:limit])
        .order_by("year_from", "pk")
    )


def record_prefetches():
    """What every detail page shows beside the record: sources, people, sections."""
    return [
        citations_with_sources,
        Prefetch("people", queryset=Person.objects.published()),
        Prefetch(
            "section_items",
            queryset=SectionItem.objects.filter(
                section__status="published"
            ).select_related("section"),
        ),
    ]


def related_of(record):
    """Related artifacts and photographs, computed once per content version."""
    kind = record._meta.model_name
    artifacts = cached_by_version(
        "related",
        lambda: list(related_records(record, Artifact).prefetch_related(first_image)),
        kind,
        "artifacts",
        record.pk,
    )
    photographs = cached_by_version(
        "related",
        lambda: list(related_records(record, Photograph)),
        kind,
        "photographs",
        record.pk,
    )
    return artifacts, photographs


@require_GET
def artifact_detail(request, slug):
    artifact = get_object_or_404(
        visible(Artifact, request).prefetch_related(first_image, *record_prefetches()),
        slug=slug,
    )
    related, related_photographs = related_of(artifact)
    return render(
        request,
        "gallery/artifact_detail.html",
        {
            "artifact": artifact,
            "images": artifact.images.all(),
            "related": related,
            "related_photographs": related_photographs,
            "json_ld": structured_data.artifact(request, artifact),
        },
    )


@require_GET
def photograph_detail(request, slug):
    photograph = get_object_or_404(
        visible(Photograph, request).prefetch_related(*record_prefetches()),
        slug=slug,
    )
    related_artifacts, related = related_of(photograph)
    return render(
        request,
        "gallery/photograph_detail.html",
        {
            "photograph": photograph,
            "related": related,
            "related_artifacts": related_artifacts,
            "json_ld": structured_data.photograph(request, photograph),
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
        records = records.prefetch_related(first_image)
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
        queryset=Person.objects.published().prefetch_related("roles"),
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
def person_detail(request, slug):
    person = get_object_or_404(
        visible(Person, request).prefetch_related(
            "roles",
            citations_with_sources,
            Prefetch("groups", queryset=Person.objects.published()),
            Prefetch("members", queryset=Person.objects.published()),
        ),
        slug=slug,
    )
    artifacts = person.artifacts.published().prefetch_related(first_image)
    photographs = person.photographs.published()
    return render(
        request,
        "gallery/person_detail.html",
        {
            "person": person,
            "artifacts": artifacts,
            "photographs": photographs,
            "json_ld": structured_data.person(request, person),
        },
    )


def first_per_year(queryset, field, limit):
    """The first ``limit`` rows of each year, in one query (a window function)."""
    ranked = queryset.annotate(
        rank=Window(RowNumber(), partition_by=F(field), order_by=[F("pk").asc()])
    )
    return ranked.filter(rank__lte=limit).order_by(field, "pk")


@require_GET
def timeline(request):
    """Dated records from 1931 to 1945, a few per year, each linking to its page."""
    years = cached_by_version("timeline", timeline_years)
    return render(request, "gallery/timeline.html", {"years": years})


def timeline_years():
    first, last = TIMELINE_YEARS[0], TIMELINE_YEARS[-1]
    years = {year: [] for year in TIMELINE_YEARS}
    in_range = Q(year_from__gte=first, year_from__lte=last)
    for model, kind in ((Artifact, "artifact"), (Photograph, "photograph")):
        records = first_per_year(
            model.objects.published()
            .filter(in_range)
            .only(
                "slug",
                "title_en",
                "title_zh_hans",
                "date_display_en",
                "date_display_zh_hans",
                "year_from",
            ),
            "year_from",
            TIMELINE_PER_YEAR,
        )
        for record in records:
            years[record.year_from].append((kind, record))
    arrivals = first_per_year(
        Person.objects.published()
        .filter(china_from__gte=first, china_from__lte=last)
        .only("slug", "name_en", "name_zh_hans", "china_from", "kind"),
        "china_from",
        TIMELINE_PER_YEAR,
    )
    for person in arrivals:
        years[person.china_from].append(("person", person))
    return [(year, entries) for year, entries in years.items() if entries]


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


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /kiosk/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
