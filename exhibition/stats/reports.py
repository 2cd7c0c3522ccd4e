"""Kiosk opens, reported with the kiosk's heartbeat.

A kiosk counts the records visitors open on it in its own storage, offline or
not, and sends them as one batch with the next heartbeat: ``{"batch": id,
"counts": [[day, kind, record id, opens], …]}``. The batch id is remembered
(``ReportedBatch``) in the same transaction that adds the opens, so a batch sent
again (its answer was lost, or someone replays it) is counted once. Only opens of
published records count (each model's ``published()``): those of a draft, a
withdrawn or deleted record or an id no record has are dropped, and the answer
says how many.
"""

import datetime
import re
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone

from catalog.models import Artifact, Person, Photograph
from exhibition.models.usage import RECORD_KINDS, Channel, ReportedBatch, UseCount

BATCH_FORMAT = re.compile(r"[0-9a-f]{16,32}")
MAX_ENTRIES = 200
MAX_OPENS = 100_000
# A kiosk away longer than this has a clock or a store gone wrong.
OLDEST_DAYS = 90
# The largest id a record can have (a signed 64-bit key); past it no record is.
LARGEST_ID = 2**63 - 1


def entry_problem(entry, today):
    if not isinstance(entry, list) or len(entry) != 4:
        return "Each count must be [day, kind, record id, opens]."
    day, kind, record_id, opens = entry
    try:
        day = datetime.date.fromisoformat(day) if isinstance(day, str) else None
    except ValueError:
        day = None
    # A day ahead: the kiosk's clock may run in another time zone.
    if day is None or not -1 <= (today - day).days <= OLDEST_DAYS:
        return f"A count's day must be a date in the last {OLDEST_DAYS} days."
    if kind not in RECORD_KINDS:  # a kiosk opens records' pages only
        return "A count's kind must be one of: " + ", ".join(RECORD_KINDS) + "."
    if type(record_id) is not int or record_id <= 0:
        return "A count's record id must be a positive whole number."
    if type(opens) is not int or not 0 < opens <= MAX_OPENS:
        return "A count's opens must be a positive whole number."
    return None


def opens_problem(opens):
    """Why a heartbeat's ``opens`` is not acceptable, or None."""
    if not isinstance(opens, dict) or set(opens) != {"batch", "counts"}:
        return "opens must be an object with exactly: batch, counts."
    if not isinstance(opens["batch"], str) or not BATCH_FORMAT.fullmatch(
        opens["batch"]
    ):
        return "opens.batch must be 16 to 32 lowercase hexadecimal characters."
    counts = opens["counts"]
    if not isinstance(counts, list) or len(counts) > MAX_ENTRIES:
        return f"opens.counts must be a list of at most {MAX_ENTRIES} counts."
    today = timezone.localdate()
    for entry in counts:
        problem = entry_problem(entry, today)
        if problem:
            return problem
    return None


def published(counts):
    """The (kind, id) of the counted records that are published: a query a kind."""
    models = {model._meta.model_name: model for model in (Artifact, Person, Photograph)}
    wanted = defaultdict(set)
    for _day, kind, record_id, _opens in counts:
        if record_id <= LARGEST_ID:
            wanted[kind].add(record_id)
    found = set()
    for kind, ids in wanted.items():
        query = models[kind].objects.published().filter(pk__in=ids)
        found.update((kind, pk) for pk in query.values_list("pk", flat=True))
    return found


def add_opens(kiosk, opens):
    """Count a checked batch of ``kiosk``'s opens once, those of published records
    only: ``{"counted": opens added, "ignored": opens dropped}``, and
    ``"already_counted"`` for a batch counted before."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                ReportedBatch.objects.create(kiosk=kiosk, batch=opens["batch"])
        except IntegrityError:
            return {"counted": 0, "ignored": 0, "already_counted": True}
        shown = published(opens["counts"])
        counted = ignored = 0
        for day, kind, record_id, number in opens["counts"]:
            if (kind, record_id) not in shown:
                ignored += number
                continue
            UseCount.objects.add(
                Channel.KIOSK,
                kind,
                record_id,
                kiosk=kiosk,
                day=datetime.date.fromisoformat(day),
                by=number,
            )
            counted += number
    return {"counted": counted, "ignored": ignored}


def forget_old_batches(days=OLDEST_DAYS * 2):
    """Batch ids older than any kiosk could still resend: no longer needed."""
    cutoff = timezone.now() - datetime.timedelta(days=days)
    return ReportedBatch.objects.filter(received_at__lt=cutoff).delete()[0]
