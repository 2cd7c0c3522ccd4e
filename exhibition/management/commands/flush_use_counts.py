from django.core.management.base import BaseCommand

from exhibition.stats.flush import flush
from exhibition.stats.reports import forget_old_batches


class Command(BaseCommand):
    help = (
        "Write the uses counted in the cache (page views, scans, plays, IIIF "
        "manifests) to the database, and forget kiosk batch ids too old to be "
        "resent. Safe to run while the site serves and beside another flush; run it "
        "from cron at least daily (the site also flushes by itself every "
        "USE_COUNT_FLUSH_SECONDS while it has visitors)."
    )

    def handle(self, *args, **options):
        written = flush()
        forgotten = forget_old_batches()
        self.stdout.write(
            f"{written} uses written; {forgotten} old kiosk batch ids forgotten."
        )
