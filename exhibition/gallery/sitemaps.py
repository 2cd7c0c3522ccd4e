"""/sitemap.xml: every published page, in English and Chinese, with hreflang links."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Prefetch
from django.urls import reverse

from catalog.models import Artifact, Person, Photograph
from exhibition.models import Exhibition, Section


class BilingualSitemap(Sitemap):
    limit = 1000  # records per page; each appears once per language
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(BilingualSitemap):
    priority = 0.8

    def items(self):
        return ["home", "exhibitions", "collection", "people"]

    def location(self, item):
        return reverse(f"exhibition:{item}")


class LanguagePairs:
    """(record, language) pairs read a page at a time, never the whole table.

    Django's i18n sitemaps build every pair in memory; at 100,000 records that is
    the whole collection on every request, even for the index.
    """

    def __init__(self, queryset, languages):
        self.queryset = queryset
        self.languages = languages

    def __len__(self):
        return self.queryset.count() * len(self.languages)

    count = __len__

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("LanguagePairs supports slices only")
        size = len(self.languages)
        start, stop = index.start or 0, index.stop
        records = self.queryset[start // size : -(-stop // size)]
        pairs = [(record, code) for record in records for code in self.languages]
        offset = start - (start // size) * size
        return pairs[offset : offset + (stop - start)]


class RecordSitemap(BilingualSitemap):
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def _items(self):
        return LanguagePairs(self.items(), self._languages())

    def get_latest_lastmod(self):
        # One indexed aggregate, not a walk over every record (Django's default).
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

    def lastmod(self, record):
        return record.updated_at


class ExhibitionSitemap(BilingualSitemap):
    """Each published exhibition's page, its timeline, and its sections under it.

    Exhibitions and sections are few: two queries list them all, and the latest
    change is read from what they return."""

    priority = 0.8

    def items(self):
        if not hasattr(self, "_pages"):
            sections = Section.objects.published().only(
                "slug", "updated_at", "exhibition", "position"
            )
            exhibitions = (
                Exhibition.objects.published()
                .only("slug", "updated_at")
                .prefetch_related(Prefetch("sections", queryset=sections))
                .order_by("pk")
            )
            self._pages = []
            for exhibition in exhibitions:
                self._pages += [(exhibition, "page"), (exhibition, "timeline")]
                for section in exhibition.sections.all():
                    section.exhibition = exhibition
                    self._pages.append((section, "page"))
        return self._pages

    def location(self, item):
        record, page = item
        if page == "timeline":
            return record.get_timeline_url()
        return record.get_absolute_url()

    def lastmod(self, item):
        return item[0].updated_at

    def get_latest_lastmod(self):
        return max((record.updated_at for record, _ in self.items()), default=None)


class ArtifactSitemap(RecordSitemap):
    model = Artifact


class PhotographSitemap(RecordSitemap):
    model = Photograph


class PersonSitemap(RecordSitemap):
    model = Person


class SharingSitemap(Sitemap):
    """Where other systems read the collection: the IIIF collection of the
    exhibitions and the OAI-PMH provider. The API's documentation is a tool's
    page, not one for search engines: robots.txt names it instead."""

    priority = 0.3

    def items(self):
        return ["iiif:collection", "oai-pmh"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PagesSitemap,
    "sharing": SharingSitemap,
    "exhibitions": ExhibitionSitemap,
    "artifacts": ArtifactSitemap,
    "photographs": PhotographSitemap,
    "people": PersonSitemap,
}
