"""The catalogue app's configuration."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def build_search_index(sender, using="default", **kwargs):
    """After a migrate that made the index, fill it from what is already published."""
    from catalog.search.index import index_needs_building, rebuild

    if index_needs_building():
        rebuild()


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = _("Catalogue")

    def ready(self):
        from catalog.search import signals

        signals.connect()
        post_migrate.connect(build_search_index, sender=self)
