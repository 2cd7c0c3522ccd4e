"""A month of plausible uses for the demo's first exhibition, for the figures page
(run inside the demo site's process: ``manage.py shell``)."""

import datetime

from django.utils import timezone

from exhibition.models import Channel, Exhibition, UseCount
from exhibition.stats.figures import records_of


def seed(days=30, records=14):
    """Weekends busier, the first records more used; the exhibition's pk."""
    exhibition = Exhibition.objects.order_by("pk").first()
    kiosk = exhibition.kiosks.order_by("pk").first()
    today = timezone.localdate()
    shown = [
        (kind, pk) for kind, ids in records_of(exhibition).items() for pk in sorted(ids)
    ]
    add = UseCount.objects.add
    for rank, (kind, pk) in enumerate(shown[:records]):
        for ago in range(days):
            day = today - datetime.timedelta(days=ago)
            busy = 3 if day.weekday() >= 5 else 0
            add(Channel.WEB, kind, pk, day=day, by=(records - rank) * 2 + busy)
            if kind != "person":
                add(Channel.SCAN, kind, pk, day=day, by=(rank + ago) % 4 + busy)
                add(Channel.KIOSK, kind, pk, kiosk=kiosk, day=day, by=rank % 6 + 1)
                if ago % 3 == 0:
                    add(Channel.IIIF, kind, pk, day=day, by=1 + rank % 2)
            if rank % 3 == 0:
                add(Channel.AUDIO, kind, pk, day=day, by=2 + ago % 3)
    return exhibition.pk
