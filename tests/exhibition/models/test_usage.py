"""Daily use counts: one row per record, day, channel and kiosk, counted atomically."""

import datetime

import pytest

from exhibition.models import Channel, UseCount
from tests.factories import make_artifact, make_kiosk

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 5, 1)


def test_counting_twice_on_one_day_adds_to_one_row():
    UseCount.objects.add(Channel.SCAN, "artifact", 7, day=DAY)
    UseCount.objects.add(Channel.SCAN, "artifact", 7, day=DAY, by=2)
    row = UseCount.objects.get()
    assert (row.day, row.channel, row.kind, row.record_id, row.count) == (
        DAY,
        "scan",
        "artifact",
        7,
        3,
    )


def test_days_channels_and_kiosks_are_counted_apart():
    kiosk = make_kiosk()
    UseCount.objects.add(Channel.SCAN, "artifact", 7, day=DAY)
    UseCount.objects.add(Channel.SCAN, "artifact", 7, day=DAY + datetime.timedelta(1))
    UseCount.objects.add(Channel.WEB, "artifact", 7, day=DAY)
    UseCount.objects.add(Channel.KIOSK, "artifact", 7, day=DAY, kiosk=kiosk)
    UseCount.objects.add(Channel.KIOSK, "artifact", 7, day=DAY, kiosk=kiosk)
    assert UseCount.objects.count() == 4
    assert UseCount.objects.get(kiosk=kiosk).count == 2


def test_a_record_s_counts_are_found_from_the_record():
    artifact = make_artifact()
    UseCount.objects.add(Channel.SCAN, "artifact", artifact.pk, by=4)
    UseCount.objects.add(Channel.SCAN, "photograph", artifact.pk)
    assert UseCount.objects.of(artifact).total() == 4


def test_an_unknown_kind_of_record_is_refused():
    with pytest.raises(ValueError):
        UseCount.objects.add(Channel.SCAN, "visitor", 1)


def test_counting_does_not_invalidate_the_page_cache(
    django_capture_on_commit_callbacks,
):
    from exhibition.page_cache import current_version

    before = current_version()
    with django_capture_on_commit_callbacks(execute=True):
        UseCount.objects.add(Channel.SCAN, "artifact", 1)
    assert current_version() == before


def test_the_model_stores_nothing_about_the_visitor():
    names = {field.name for field in UseCount._meta.get_fields()}
    assert names == {"id", "day", "channel", "kind", "record_id", "kiosk", "count"}
