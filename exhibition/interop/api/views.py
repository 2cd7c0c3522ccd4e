"""The API's endpoints: lists (filtered, sorted, paged) and details of published
exhibitions, sections and their items, artifacts, photographs and people."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils import translation
from rest_framework import generics

from exhibition.interop.api import filters, languages, queries, serializers
from exhibition.interop.api.caching import cached_answer
from exhibition.interop.api.paging import Pages
from exhibition.interop.api.schema import ApiSchema
from exhibition.models import Exhibition


class PublicView(generics.GenericAPIView):
    """Anonymous, read-only, rate-limited; cached per content version; in the
    language asked for (``lang`` or Accept-Language) or all of them."""

    http_method_names = ["get", "head"]
    lookup_field = "slug"
    pagination_class = Pages
    filter_backends = [filters.SortedFilterBackend]
    schema = ApiSchema()

    build_queryset = None  # what get_queryset returns, made afresh for each request
    # (views whose queryset depends on the address override get_queryset instead)

    def get_queryset(self):
        # Not a queryset kept on the class: its Prefetch objects' hints would be
        # written by every thread that runs it (see gallery/views/common.py).
        return self.build_queryset()

    def dispatch(self, request, *args, **kwargs):
        # Whatever language ``initial`` turns on ends with this request.
        with translation.override(translation.get_language()):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)  # throttling first
        language = languages.requested(request)
        request.api_language = language
        # Plain strings, links and error messages in the language asked for.
        translation.activate(
            settings.LANGUAGE_CODE if language == languages.ALL else language
        )

    def get(self, request, *args, **kwargs):
        def produce():
            return super(PublicView, self).get(request, *args, **kwargs).data

        return cached_answer(request, request.api_language, produce)


class ListView(PublicView, generics.ListAPIView):
    pass


class DetailView(PublicView, generics.RetrieveAPIView):
    filter_backends = []
    pagination_class = None


class ExhibitionList(ListView):
    """Published exhibitions, latest opening first."""

    build_queryset = staticmethod(queries.exhibitions)
    serializer_class = serializers.ExhibitionSerializer
    filterset_class = filters.ExhibitionFilter


class ExhibitionDetail(DetailView):
    """One published exhibition, with its sections and featured people."""

    build_queryset = staticmethod(queries.exhibitions)
    serializer_class = serializers.ExhibitionSerializer


class SectionList(ListView):
    """An exhibition's published sections, in order, with their item counts."""

    serializer_class = serializers.SectionSerializer
    filter_backends = []

    def get_queryset(self):
        exhibition = self.kwargs.get("exhibition")
        if exhibition is not None:  # not while the schema is generated
            get_object_or_404(Exhibition.objects.published(), slug=exhibition)
        return queries.sections(exhibition)


class SectionDetail(DetailView):
    """One published section of a published exhibition."""

    serializer_class = serializers.SectionSerializer

    def get_queryset(self):
        return queries.sections(self.kwargs.get("exhibition"))


class SectionItems(ListView):
    """A section's published artifacts and photographs, in the hanging order."""

    serializer_class = serializers.SectionItemSerializer
    filter_backends = []

    def get_queryset(self):
        if "slug" not in self.kwargs:  # the schema generator's call
            return queries.published_items().none()
        section = get_object_or_404(
            queries.sections(self.kwargs["exhibition"]), slug=self.kwargs["slug"]
        )
        return queries.items(section)


class ArtifactList(ListView):
    """Published artifacts, with the collection's filters."""

    build_queryset = staticmethod(queries.artifacts)
    serializer_class = serializers.ArtifactSerializer
    filterset_class = filters.ArtifactFilter


class ArtifactDetail(DetailView):
    """One published artifact, with its images in order."""

    build_queryset = staticmethod(queries.artifacts)
    serializer_class = serializers.ArtifactSerializer


class PhotographList(ListView):
    """Published photographs, with the collection's filters."""

    build_queryset = staticmethod(queries.photographs)
    serializer_class = serializers.PhotographSerializer
    filterset_class = filters.PhotographFilter


class PhotographDetail(DetailView):
    """One published photograph."""

    build_queryset = staticmethod(queries.photographs)
    serializer_class = serializers.PhotographSerializer


class PersonList(ListView):
    """Published biographies of people and groups, with the people list's filters."""

    build_queryset = staticmethod(queries.people)
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter


class PersonDetail(DetailView):
    """One published biography."""

    build_queryset = staticmethod(queries.people)
    serializer_class = serializers.PersonSerializer
