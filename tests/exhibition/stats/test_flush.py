"""Flushing: the uses in the cache reach the database exactly once, whatever runs
beside the flush (another flush, new uses, a refusing database)."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished
from django.db import DatabaseError, close_old_connections, connection
from django.test.utils import CaptureQueriesContext

from exhibition.models import Channel, UseCount
from exhibition.stats import counter
from exhibition.stats import flush as flushing
from exhibition.stats.flush import flush
from tests.factories import make_kiosk

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 3, 14)


@pytest.fixture
def on_day(monkeypatch):
    """Count as if on ``day``: set ``on_day.day``."""

    class Clock:
        day = DAY

    clock = Clock()
    monkeypatch.setattr(counter.timezone, "localdate", lambda: clock.day)
    return clock


def stored():
    return {
        (row.day, row.channel, row.kind, row.record_id, row.kiosk_id): row.count
        for row in UseCount.objects.all()
    }


def test_a_flush_writes_every_cached_use_once_with_exact_totals(any_cache, on_day):
    for _ in range(7):
        counter.count(Channel.WEB, "artifact", 1)
    counter.count(Channel.SCAN, "artifact", 1, by=3)
    counter.count(Channel.AUDIO, "person", 2)
    on_day.day = DAY + datetime.timedelta(days=1)
    counter.count(Channel.WEB, "artifact", 1)
    counter.count(Channel.IIIF, "photograph", 5)
    assert flush(today=on_day.day) == 13
    assert stored() == {
        (DAY, "web", "artifact", 1, None): 7,
        (DAY, "scan", "artifact", 1, None): 3,
        (DAY, "audio", "person", 2, None): 1,
        (on_day.day, "web", "artifact", 1, None): 1,
        (on_day.day, "iiif", "photograph", 5, None): 1,
    }
    assert flush(today=on_day.day) == 0  # nothing new: nothing written again
    counter.count(Channel.WEB, "artifact", 1)
    assert flush(today=on_day.day) == 1
    assert stored()[(on_day.day, "web", "artifact", 1, None)] == 2


def test_uses_of_a_kiosk_are_kept_apart(any_cache, on_day):
    kiosk = make_kiosk()
    counter.count(Channel.KIOSK, "artifact", 1, kiosk=kiosk, by=2)
    counter.count(Channel.KIOSK, "artifact", 1)
    flush(today=DAY)
    assert stored() == {
        (DAY, "kiosk", "artifact", 1, kiosk.pk): 2,
        (DAY, "kiosk", "artifact", 1, None): 1,
    }


def test_a_second_flush_while_one_holds_the_lock_writes_nothing(any_cache, on_day):
    counter.count(Channel.WEB, "artifact", 1, by=4)
    cache.add(flushing.LOCK, True, 60)
    assert flush(today=DAY) == 0
    assert UseCount.objects.count() == 0
    cache.delete(flushing.LOCK)
    assert flush(today=DAY) == 4


def test_two_flushes_at_once_never_write_a_use_twice(any_cache, on_day, monkeypatch):
    """The worst interleaving, lock or no lock (it may expire): a second flush
    and new uses come between the first flush's read and its decrement."""
    counter.count(Channel.WEB, "artifact", 1, by=5)
    counter.count(Channel.SCAN, "artifact", 2, by=2)
    real = flushing.cache
    interrupted = []

    class Interleaved:
        def __getattr__(self, name):
            return getattr(real, name)

        def get_many(self, keys):
            values = real.get_many(keys)
            if not interrupted and all(":slots" not in key for key in keys):
                interrupted.append(True)
                flushing.write(flushing.take(keys))  # another worker's flush
                counter.count(Channel.WEB, "artifact", 1, by=3)  # new visitors
            return values

    monkeypatch.setattr(flushing, "cache", Interleaved())
    flushing.write(flushing.take(flushing.registered_keys(DAY)))
    monkeypatch.setattr(flushing, "cache", real)
    assert interrupted
    assert stored() == {
        (DAY, "web", "artifact", 1, None): 5,
        (DAY, "scan", "artifact", 2, None): 2,
    }
    assert flush(today=DAY) == 3  # the uses counted meanwhile wait for the next
    assert stored()[(DAY, "web", "artifact", 1, None)] == 8
    assert flush(today=DAY) == 0


def test_a_database_that_refuses_the_batch_loses_no_use(any_cache, on_day, monkeypatch):
    counter.count(Channel.WEB, "artifact", 1, by=6)

    def refuse(*args, **kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(UseCount.objects, "add", refuse)
    with pytest.raises(DatabaseError):
        flush(today=DAY)
    monkeypatch.undo()
    monkeypatch.setattr(counter.timezone, "localdate", lambda: DAY)
    assert flush(today=DAY) == 6
    assert stored() == {(DAY, "web", "artifact", 1, None): 6}


def test_uses_of_days_older_than_the_registers_kept_are_not_read(any_cache, on_day):
    counter.count(Channel.WEB, "artifact", 1)
    later = DAY + datetime.timedelta(days=counter.KEEP_DAYS)
    assert flush(today=later) == 0
    assert flush(today=DAY + datetime.timedelta(days=counter.KEEP_DAYS - 1)) == 1


def test_the_command_flushes_and_says_how_many(any_cache, capsys):
    counter.count(Channel.SCAN, "person", 3, by=2)
    call_command("flush_use_counts")
    assert "2 uses written" in capsys.readouterr().out
    assert UseCount.objects.get().count == 2


def finish_request():
    """What a server does once a response is sent, keeping the test's connection
    (as Django's test client does)."""
    request_finished.disconnect(close_old_connections)
    try:
        request_finished.send(sender=None)
    finally:
        request_finished.connect(close_old_connections)


def test_after_a_response_a_flush_runs_at_most_once_per_period(
    any_cache, settings, monkeypatch
):
    settings.USE_COUNT_FLUSH_SECONDS = 300
    monkeypatch.setattr(flushing, "_next_look", [float("-inf")])
    counter.count(Channel.WEB, "artifact", 1)
    finish_request()
    assert UseCount.objects.get().count == 1
    counter.count(Channel.WEB, "artifact", 1)
    with CaptureQueriesContext(connection) as queries:
        finish_request()  # within the period: not even a look
    assert queries.captured_queries == []
    monkeypatch.setattr(flushing, "_next_look", [float("-inf")])  # another worker
    finish_request()
    assert UseCount.objects.get().count == 1  # the period is shared
    cache.delete(flushing.DUE)
    monkeypatch.setattr(flushing, "_next_look", [float("-inf")])
    finish_request()
    assert UseCount.objects.get().count == 2


def test_a_page_view_is_written_after_its_response_not_during_it(
    client, settings, monkeypatch
):
    from tests.factories import make_artifact

    settings.USE_COUNT_FLUSH_SECONDS = 300
    monkeypatch.setattr(flushing, "_next_look", [float("-inf")])
    artifact = make_artifact(slug="oar")
    seen_during = []
    original = counter.count_response

    def view_then_look(request, response):
        seen_during.append(UseCount.objects.count())
        return original(request, response)

    monkeypatch.setattr(counter, "count_response", view_then_look)
    client.get("/artifacts/oar/", HTTP_USER_AGENT="Mozilla/5.0 Firefox/133.0")
    assert seen_during == [0]
    assert UseCount.objects.of(artifact).total() == 1  # flushed at request_finished
