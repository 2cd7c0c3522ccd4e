"""Writing the counts kept in the cache to ``UseCount``, in one batch.

Runs from ``manage.py flush_use_counts`` (cron, or before reading figures) and,
at most every ``USE_COUNT_FLUSH_SECONDS``, after a response has been sent
(``request_finished``), never before it.

A key's count is taken with one atomic decrement by the value read. A decrement
that leaves the key below zero means another flush took those uses first, so it
gives them back and writes nothing: two flushes at once never write a use twice,
and uses counted while a flush runs stay in the key for the next one. A cache
lock keeps a second flush from even starting while one runs. If the database
refuses the batch, every taken count is given back to the cache.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils import timezone

from exhibition.models.usage import UseCount
from exhibition.stats.counter import KEEP_DAYS, TIMEOUT, parse_key, register_key

logger = logging.getLogger(__name__)
LOCK = "uses:flush-lock"
DUE = "uses:flush-due"
LOCK_SECONDS = 300


def registered_keys(today=None):
    """Every use key written in the registers of the last ``KEEP_DAYS`` days."""
    today = today or timezone.localdate()
    registers = [
        register_key(today - datetime.timedelta(days=n)) for n in range(KEEP_DAYS)
    ]
    slots = [
        f"{register}:{number}"
        for register, size in cache.get_many(registers).items()
        for number in range(1, int(size) + 1)
    ]
    return sorted(set(cache.get_many(slots).values()))


def give_back(key, value):
    try:
        cache.incr(key, value)
    except ValueError:  # expired meanwhile: put it back whole
        cache.add(key, value, TIMEOUT)


def take(keys):
    """{key: uses} taken out of the cache, each with one atomic decrement."""
    taken = {}
    for key, value in cache.get_many(keys).items():
        if not isinstance(value, int) or value <= 0:
            continue
        try:
            left = cache.incr(key, -value)
        except ValueError:  # expired between the read and the decrement
            continue
        if left is None:  # the cache is away
            continue
        if left < 0:  # another flush took these uses first
            give_back(key, value)
            continue
        taken[key] = value
    return taken


def write(taken):
    """Add the taken uses to the database in one transaction, or give them back."""
    try:
        with transaction.atomic():
            for key, value in sorted(taken.items()):
                day, channel, kind, record_id, kiosk = parse_key(key)
                UseCount.objects.add(
                    channel,
                    kind,
                    record_id,
                    kiosk=kiosk,
                    day=datetime.date.fromisoformat(day),
                    by=value,
                )
    except DatabaseError:
        for key, value in taken.items():
            give_back(key, value)
        raise
    return sum(taken.values())


def flush(today=None):
    """Write every use counted in the cache; the number of uses written (0 when
    another flush holds the lock)."""
    if not cache.add(LOCK, True, LOCK_SECONDS):
        return 0
    try:
        return write(take(registered_keys(today)))
    finally:
        cache.delete(LOCK)


# Per process: when this worker next asks whether a flush is due, so a request
# costs no cache call at all between two flushes.
_next_look = [float("-inf")]


def flush_when_due(**kwargs):
    """After a response: flush if ``USE_COUNT_FLUSH_SECONDS`` have passed since
    any worker last did (0 turns this off; the command then does it)."""
    seconds = getattr(settings, "USE_COUNT_FLUSH_SECONDS", 0)
    now = time.monotonic()
    if seconds <= 0 or now < _next_look[0]:
        return
    _next_look[0] = now + seconds
    if not cache.add(DUE, True, seconds):
        return
    try:
        flush()
    except DatabaseError:
        logger.exception("use counts not flushed; they stay in the cache")
