"""The figures curators read: an exhibition's records by use, per channel, per
kiosk and per day over a period, and one record's own figures. Read from
``UseCount`` only, after a flush, so they include the uses still in the cache."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.utils import timezone

from catalog.models import Artifact, Person, Photograph
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem
from exhibition.models.usage import Channel, UseCount

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
MODELS = {
    "artifact": Artifact,
    "photograph": Photograph,
    "person": Person,
    "section": Section,
    "exhibition": Exhibition,
}


@dataclass
class RecordRow:
    kind: str
    record: object
    by_channel: dict = field(default_factory=dict)

    @property
    def total(self):
        return sum(self.by_channel.values())

    @property
    def kind_label(self):
        return self.record._meta.verbose_name

    @property
    def admin_view(self):
        """The admin's change view of the record (a section is not in the catalogue)."""
        opts = self.record._meta
        return f"admin:{opts.app_label}_{opts.model_name}_change"

    def counts(self):
        """The counts in the order of ``Channel``, for a table row."""
        return [self.by_channel.get(code, 0) for code in Channel.values]


@dataclass
class KioskRow:
    kiosk: object
    opens: int
    most_opened: object = None


@dataclass
class Figures:
    start: datetime.date
    end: datetime.date
    records: list
    kiosks: list
    daily: list  # [(day, {channel: uses})], every day of the period
    totals: dict

    @property
    def total(self):
        return sum(self.totals.values())

    @property
    def used_records(self):
        return [row for row in self.records if row.total]


def records_of(exhibition):
    """{kind: {id, …}} of what hangs in the exhibition's sections, the people it
    features, and the exhibition and its sections themselves (their clips' plays)."""
    hung = SectionItem.objects.filter(section__exhibition=exhibition)
    return {
        "artifact": set(hung.exclude(artifact=None).values_list("artifact", flat=True)),
        "photograph": set(
            hung.exclude(photograph=None).values_list("photograph", flat=True)
        ),
        "person": set(
            FeaturedPerson.objects.filter(exhibition=exhibition).values_list(
                "person", flat=True
            )
        ),
        "section": set(exhibition.sections.values_list("pk", flat=True)),
        "exhibition": {exhibition.pk},
    }


def of_records(records):
    condition = Q(pk__in=[])
    for kind, ids in records.items():
        condition |= Q(kind=kind, record_id__in=ids)
    return UseCount.objects.filter(condition)


def loaded(records):
    """{(kind, id): record} for every record named, one query per kind."""
    return {
        (kind, record.pk): record
        for kind, ids in records.items()
        for record in MODELS[kind].objects.filter(pk__in=ids)
    }


def record_rows(records, uses):
    found = loaded(records)
    rows = {key: RecordRow(key[0], record) for key, record in found.items()}
    for use in (
        uses.values("kind", "record_id", "channel").annotate(n=Sum("count")).order_by()
    ):
        row = rows.get((use["kind"], use["record_id"]))
        if row:
            row.by_channel[use["channel"]] = use["n"]
    return sorted(rows.values(), key=lambda row: (-row.total, str(row.record)))


def kiosk_rows(exhibition, start, end, found):
    """Each of the exhibition's kiosks with its opens and its most opened record."""
    opens = {}
    for use in (
        UseCount.objects.filter(
            channel=Channel.KIOSK, kiosk__exhibition=exhibition, day__range=(start, end)
        )
        .values("kiosk", "kind", "record_id")
        .annotate(n=Sum("count"))
        .order_by("-n", "kind", "record_id")
    ):
        opens.setdefault(use["kiosk"], []).append(use)
    rows = []
    for kiosk in exhibition.kiosks.order_by("name"):
        mine = opens.get(kiosk.pk, [])
        top = next((found.get((u["kind"], u["record_id"])) for u in mine), None)
        rows.append(KioskRow(kiosk, sum(u["n"] for u in mine), top))
    return rows


def daily_series(uses, start, end):
    by_day = {}
    for use in uses.values("day", "channel").annotate(n=Sum("count")).order_by():
        by_day.setdefault(use["day"], {})[use["channel"]] = use["n"]
    days = (end - start).days + 1
    return [
        (day, by_day.get(day, {}))
        for day in (start + datetime.timedelta(days=n) for n in range(days))
    ]


def exhibition_figures(exhibition, days=DEFAULT_PERIOD, today=None):
    """Every figure of the exhibition's page for the last ``days`` days."""
    end = today or timezone.localdate()
    start = end - datetime.timedelta(days=days - 1)
    records = records_of(exhibition)
    uses = of_records(records).filter(day__range=(start, end))
    rows = record_rows(records, uses)
    found = {(row.kind, row.record.pk): row.record for row in rows}
    totals = dict.fromkeys(Channel.values, 0)
    for use in uses.values("channel").annotate(n=Sum("count")).order_by():
        totals[use["channel"]] = use["n"]
    return Figures(
        start=start,
        end=end,
        records=rows,
        kiosks=kiosk_rows(exhibition, start, end, found),
        daily=daily_series(uses, start, end),
        totals=totals,
    )


def record_figures(record, days=DEFAULT_PERIOD, today=None):
    """[(channel label, uses in the last ``days`` days, uses ever)] of one record."""
    start = (today or timezone.localdate()) - datetime.timedelta(days=days - 1)
    uses = UseCount.objects.of(record)
    recent = dict(
        uses.since(start).values_list("channel").annotate(n=Sum("count")).order_by()
    )
    ever = dict(uses.values_list("channel").annotate(n=Sum("count")).order_by())
    return [
        (label, recent.get(code, 0), ever.get(code, 0))
        for code, label in Channel.choices
    ]
