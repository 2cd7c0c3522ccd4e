"""``rebuild_search_index``: rewrite the whole search index from the published
catalogue (after a restore, or a change made outside the application)."""

from django.core.management.base import BaseCommand

from catalog.search.index import rebuild


class Command(BaseCommand):
    help = "Rewrite the search index from every published record."

    def handle(self, *args, **options):
        counts = rebuild()
        summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
        self.stdout.write(f"Search index rebuilt: {summary}.")
