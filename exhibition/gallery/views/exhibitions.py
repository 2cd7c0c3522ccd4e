"""The museum's home, the exhibitions index, each exhibition's page and its sections,
and the permanent redirects from the addresses that predate many exhibitions."""

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from catalog.models import Artifact, Person, Photograph, published_via
from exhibition import structured_data
from exhibition.gallery.views.common import (
    SECTION_PAGE_SIZE,
    SECTION_PEOPLE,
    citations_with_sources,
    clips_of,
    get_visible,
    images_in_order,
    visible,
)
from exhibition.models import (
    AudioStop,
    Exhibition,
    FeaturedPerson,
    Section,
    SectionItem,
)

PUBLISHED_ITEM = published_via("items__artifact") | published_via("items__photograph")


def by_state(exhibitions):
    """Published exhibitions split into current, upcoming and past, in one query."""
    groups = {state: [] for state in Exhibition.State.values}
    for exhibition in exhibitions:
        groups[exhibition.state()].append(exhibition)
    groups["upcoming"].sort(key=lambda e: (e.opening_date, e.slug))
    return groups


def published_exhibitions():
    return Exhibition.objects.published()


def sections_of(exhibition):
    """The exhibition's published sections, each with its count of published items."""
    return (
        Section.objects.published()
        .filter(exhibition=exhibition)
        .select_related("exhibition")
        .annotate(item_count=Count("items", filter=PUBLISHED_ITEM, distinct=True))
    )


def featured_of(exhibition):
    """The exhibition's featured people who are published, in the curators' order."""
    return [
        entry.person
        for entry in FeaturedPerson.objects.filter(
            published_via("person"), exhibition=exhibition
        )
        .select_related("person")
        .prefetch_related("person__nationalities")
        .order_by("position", "pk")
    ]


@require_GET
def home(request):
    groups = by_state(published_exhibitions())
    current = groups["current"]
    context = {"current": current, "upcoming": groups["upcoming"]}
    # With one exhibition open, the home page leads straight into it (docs/gallery.md).
    if len(current) == 1:
        lead = current[0]
        context.update(
            lead=lead,
            sections=sections_of(lead),
            featured_people=featured_of(lead),
            json_ld=structured_data.exhibition_event(request, lead),
        )
    return render(request, "gallery/home.html", context)


@require_GET
def exhibition_list(request):
    groups = by_state(published_exhibitions())
    return render(
        request,
        "gallery/exhibition_list.html",
        {
            "groups": [
                (state, label, groups[state])
                for state, label in Exhibition.State.choices
            ],
            "json_ld": [
                structured_data.exhibition_event(request, exhibition)
                for state in Exhibition.State.values
                for exhibition in groups[state]
            ],
        },
    )


@require_GET
def exhibition_detail(request, slug):
    stops = AudioStop.objects.published().filter(exhibition=OuterRef("pk"))
    exhibition = get_visible(
        Exhibition,
        request,
        lambda exhibitions: exhibitions.annotate(
            has_audio_guide=Exists(stops)
        ).prefetch_related(citations_with_sources()),
        slug=slug,
    )
    return render(
        request,
        "gallery/exhibition_detail.html",
        {
            "exhibition": exhibition,
            "clips": clips_of(exhibition),
            "sections": sections_of(exhibition),
            "featured_people": featured_of(exhibition),
            "json_ld": structured_data.exhibition_event(request, exhibition),
        },
    )


def links_of(model, items):
    """The ids of the people linked to the ``model`` records of ``items``."""
    kind = model._meta.model_name
    return model.people.through.objects.filter(
        **{f"{kind}__in": items.values(kind)}
    ).values("person")


def people_of(section):
    """Up to SECTION_PEOPLE published people of the section's published records,
    the exhibition's featured people first."""
    featured = FeaturedPerson.objects.filter(
        exhibition=section.exhibition_id, person=OuterRef("pk")
    )
    # The people's ids from the records' links, not joins from every person
    # through their records: that scanned every person and their records, then
    # sorted a DISTINCT over whole rows (over 10 minutes at 100,000 records).
    hung = SectionItem.objects.filter(section=section).of_published_records()
    linked = Q(pk__in=links_of(Artifact, hung)) | Q(pk__in=links_of(Photograph, hung))
    people = (
        Person.objects.published()
        .filter(linked)
        .annotate(featured_here=Exists(featured))
        .prefetch_related("nationalities")
        .order_by("-featured_here", "name")[:SECTION_PEOPLE]
    )
    return list(people)


def neighbours_of(section):
    """The published sections before and after this one in its exhibition."""
    siblings = list(
        Section.objects.published()
        .filter(exhibition=section.exhibition_id)
        .only("slug", "title_en", "title_zh_hans", "position")
    )
    for sibling in siblings:
        sibling.exhibition = section.exhibition  # for its URL, without a query
    index = next((i for i, s in enumerate(siblings) if s.pk == section.pk), None)
    return {
        "previous": siblings[index - 1] if index else None,
        "next": siblings[index + 1]
        if index is not None and index + 1 < len(siblings)
        else None,
    }


@require_GET
def section_detail(request, exhibition, slug):
    section = get_visible(
        Section,
        request,
        lambda sections: (
            sections.filter(exhibition__in=visible(Exhibition, request))
            .select_related("exhibition")
            .prefetch_related(citations_with_sources())
        ),
        exhibition__slug=exhibition,
        slug=slug,
    )
    items = (
        SectionItem.objects.filter(section=section)
        .of_published_records()
        .select_related("artifact__object_type", "photograph")
        .prefetch_related(Prefetch("artifact__images", queryset=images_in_order()))
        .order_by("position", "pk")
    )
    paginator = Paginator(items, SECTION_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "gallery/section_detail.html",
        {
            "section": section,
            "clips": clips_of(section),
            "exhibition": section.exhibition,
            "items": page.object_list,
            "page": page,
            "people": people_of(section),
            "neighbours": neighbours_of(section),
        },
    )


@require_GET
def old_section(request, slug):
    """/sections/<slug>/ predates many exhibitions: the oldest one's section."""
    section = (
        Section.objects.published()
        .filter(slug=slug)
        .select_related("exhibition")
        .order_by("exhibition__pk", "pk")
        .first()
    )
    if section is None:
        return get_object_or_404(Section.objects.none())
    return HttpResponsePermanentRedirect(section.get_absolute_url())


@require_GET
def old_timeline(request):
    """/timeline/ predates many exhibitions: the oldest exhibition's timeline."""
    exhibition = Exhibition.objects.published().order_by("pk").first()
    if exhibition is None:
        return HttpResponsePermanentRedirect(reverse("exhibition:exhibitions"))
    return HttpResponsePermanentRedirect(exhibition.get_timeline_url())
