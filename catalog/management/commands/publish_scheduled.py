from django.core.management.base import BaseCommand

from catalog.scheduling import publish_due


class Command(BaseCommand):
    help = (
        "Publish the records whose scheduled time has come. Run it from cron, e.g. "
        "*/5 * * * * cd /srv/exhibition && .venv/bin/python manage.py "
        "publish_scheduled"
    )

    def handle(self, *args, **options):
        run = publish_due()
        for record in run.published:
            self.stdout.write(f"published: {record._meta.verbose_name} “{record}”")
        for record, problems in run.skipped:
            self.stderr.write(
                f"not published: {record._meta.verbose_name} “{record}”: "
                + " ".join(str(problem) for problem in problems)
            )
