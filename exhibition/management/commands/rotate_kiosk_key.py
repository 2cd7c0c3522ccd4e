from django.core.management.base import BaseCommand, CommandError

from exhibition.models import Kiosk


def rotate_keys(slugs, base_url=""):
    """Give each kiosk a new device key; return ``[(slug, start address)]``."""
    kiosks = {kiosk.slug: kiosk for kiosk in Kiosk.objects.filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in kiosks]
    if missing:
        raise CommandError(f"No kiosk with slug: {', '.join(missing)}")
    prefix = base_url.rstrip("/")
    return [
        (slug, prefix + kiosks[slug].start_url(kiosks[slug].rotate_device_key()))
        for slug in slugs
    ]


class Command(BaseCommand):
    help = (
        "Make a new device key for each kiosk named and print its start address "
        "(shown only now). The kiosk's old key stops working at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="+", metavar="SLUG")
        parser.add_argument(
            "--base-url",
            default="",
            help="Put this in front of each address, e.g. https://museum.example",
        )

    def handle(self, *args, **options):
        for slug, url in rotate_keys(options["slugs"], options["base_url"]):
            self.stdout.write(f"{slug}: {url}")
