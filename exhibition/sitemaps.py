"""/sitemap.xml: every published page, in English and Chinese, with hreflang links."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from catalog.models import Artifact, Person, Photograph
from exhibition.models import Section


class BilingualSitemap(Sitemap):
    limit = 1000  # records per page; each appears once per language
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(BilingualSitemap):
    priority = 0.8

    def items(self):
        return ["home", "collection", "people", "timeline"]

    def location(self, item):
        return reverse(f"exhibition:{item}")


class RecordSitemap(BilingualSitemap):
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class SectionSitemap(RecordSitemap):
    model = Section
    priority = 0.7


class ArtifactSitemap(RecordSitemap):
    model = Artifact


class PhotographSitemap(RecordSitemap):
    model = Photograph


class PersonSitemap(RecordSitemap):
    model = Person


SITEMAPS = {
    "pages": PagesSitemap,
    "sections": SectionSitemap,
    "artifacts": ArtifactSitemap,
    "photographs": PhotographSitemap,
    "people": PersonSitemap,
}
