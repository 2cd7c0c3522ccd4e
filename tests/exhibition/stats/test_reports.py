"""Kiosk opens reported with the heartbeat: counted once per batch, for that kiosk,
only with its device key; a kiosk that was offline sends them later."""

import datetime
import json

import pytest
from django.utils import timezone

from catalog import workflow
from catalog.models import Status
from exhibition.models import Channel, ReportedBatch, UseCount
from exhibition.stats import reports
from tests.factories import make_artifact, make_kiosk, make_person, make_photograph

pytestmark = pytest.mark.django_db
BATCH = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def kiosk():
    kiosk = make_kiosk(slug="hall")
    kiosk.key = kiosk.rotate_device_key()
    return kiosk


@pytest.fixture(autouse=True)
def no_rate_limit(monkeypatch):
    """Heartbeats here come faster than the once-in-15-seconds a kiosk may send."""
    from exhibition.kiosk import heartbeat

    monkeypatch.setattr(heartbeat, "first_in_interval", lambda kiosk: True)


def beat(client, key, opens=None, slug="hall"):
    body = {"version": "0123456789abcdef", "uptime": 60}
    if opens is not None:
        body["opens"] = opens
    return client.post(
        f"/kiosk/{slug}/heartbeat",
        json.dumps(body),
        content_type="application/json",
        headers={"X-Kiosk-Key": key},
    )


def opens_of(kiosk):
    return {
        (row.day, row.kind, row.record_id): row.count
        for row in UseCount.objects.filter(channel=Channel.KIOSK, kiosk=kiosk)
    }


def test_a_heartbeat_adds_the_kiosks_opens_to_its_counts(client, kiosk):
    artifact, person = make_artifact(), make_person()
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    opens = {
        "batch": BATCH,
        "counts": [
            [today.isoformat(), "artifact", artifact.pk, 3],
            [yesterday.isoformat(), "artifact", artifact.pk, 2],  # kept offline
            [today.isoformat(), "person", person.pk, 1],
        ],
    }
    response = beat(client, kiosk.key, opens)
    assert response.status_code == 200
    assert response.json() == {"counted": 6, "ignored": 0}
    assert opens_of(kiosk) == {
        (today, "artifact", artifact.pk): 3,
        (yesterday, "artifact", artifact.pk): 2,
        (today, "person", person.pk): 1,
    }
    kiosk.refresh_from_db()
    assert kiosk.last_seen is not None


def test_a_batch_sent_again_is_not_counted_twice(client, kiosk):
    today = str(timezone.localdate())
    opens = {"batch": BATCH, "counts": [[today, "artifact", make_artifact().pk, 5]]}
    for _ in range(3):  # a retry after a lost answer, then a replay
        assert beat(client, kiosk.key, opens).status_code == 200
    assert list(opens_of(kiosk).values()) == [5]
    assert ReportedBatch.objects.filter(kiosk=kiosk).count() == 1
    other = {**opens, "batch": "f" * 32}
    assert beat(client, kiosk.key, other).status_code == 200
    assert list(opens_of(kiosk).values()) == [10]


def test_the_same_batch_id_from_another_kiosk_is_its_own(client, kiosk):
    second = make_kiosk(slug="annex")
    second_key = second.rotate_device_key()
    today = str(timezone.localdate())
    opens = {"batch": BATCH, "counts": [[today, "artifact", make_artifact().pk, 1]]}
    beat(client, kiosk.key, opens)
    beat(client, second_key, opens, slug="annex")
    assert list(opens_of(kiosk).values()) == [1]
    assert list(opens_of(second).values()) == [1]


@pytest.mark.parametrize("key", ["", "wrong-key"])
def test_a_heartbeat_without_the_key_counts_nothing_and_forgets_no_batch(
    client, kiosk, key
):
    today = str(timezone.localdate())
    opens = {"batch": BATCH, "counts": [[today, "artifact", make_artifact().pk, 2]]}
    assert beat(client, key, opens).status_code == 403
    assert UseCount.objects.count() == 0 and ReportedBatch.objects.count() == 0
    # The kiosk keeps the batch and sends it again with its key: counted then.
    assert beat(client, kiosk.key, opens).status_code == 200
    assert list(opens_of(kiosk).values()) == [2]


@pytest.mark.parametrize(
    "opens",
    [
        [],
        {"batch": BATCH},
        {"batch": "short", "counts": []},
        {"batch": BATCH.upper(), "counts": []},
        {"batch": BATCH, "counts": {}},
        {"batch": BATCH, "counts": [["2026-01-01", "artifact", 1]]},
        {"batch": BATCH, "counts": [["yesterday", "artifact", 1, 1]]},
        {"batch": BATCH, "counts": [["1999-01-01", "artifact", 1, 1]]},
        {"batch": BATCH, "counts": [["{today}", "section", 1, 1]]},
        {"batch": BATCH, "counts": [["{today}", "artifact", -1, 1]]},
        {"batch": BATCH, "counts": [["{today}", "artifact", "1", 1]]},
        {"batch": BATCH, "counts": [["{today}", "artifact", 1, 0]]},
        {"batch": BATCH, "counts": [["{today}", "artifact", 1, 10**9]]},
        {"batch": BATCH, "counts": [["{today}", "artifact", 1, True]]},
        {"batch": BATCH, "counts": [["{today}", "artifact", 1, 1]] * 201},
        {"batch": BATCH, "counts": [], "extra": 1},
    ],
)
def test_a_malformed_report_is_refused_whole_with_a_reason(client, kiosk, opens):
    text = json.dumps(opens).replace("{today}", timezone.localdate().isoformat())
    response = beat(client, kiosk.key, json.loads(text))
    assert response.status_code == 400
    assert response.json()["error"]
    assert UseCount.objects.count() == 0 and ReportedBatch.objects.count() == 0
    kiosk.refresh_from_db()
    assert kiosk.last_seen is None


def test_a_heartbeat_without_opens_is_as_before(client, kiosk):
    assert beat(client, kiosk.key).status_code == 204
    assert UseCount.objects.count() == 0


def test_batch_ids_too_old_to_be_resent_are_forgotten(kiosk):
    ReportedBatch.objects.create(kiosk=kiosk, batch=BATCH)
    fresh = ReportedBatch.objects.create(kiosk=kiosk, batch="e" * 32)
    ReportedBatch.objects.filter(batch=BATCH).update(
        received_at=timezone.now() - datetime.timedelta(days=365)
    )
    assert reports.forget_old_batches() == 1
    assert list(ReportedBatch.objects.all()) == [fresh]


def test_only_opens_of_published_records_are_counted_and_the_rest_said_ignored(
    client, kiosk, curator
):
    """A draft, a withdrawn record, an id that never existed and a deleted person
    were all stored as opens; now only the published record counts."""
    published = make_artifact()
    draft = make_artifact(status=Status.DRAFT)
    withdrawn = make_photograph()
    workflow.withdraw(withdrawn, curator)
    deleted = make_person()
    deleted_id = deleted.pk
    deleted.delete()
    today = timezone.localdate().isoformat()
    opens = {
        "batch": BATCH,
        "counts": [
            [today, "artifact", published.pk, 3],
            [today, "artifact", draft.pk, 5],
            [today, "photograph", withdrawn.pk, 7],
            [today, "person", deleted_id, 11],
            [today, "artifact", 999_999, 13],
            [today, "person", published.pk, 17],  # an artifact's id as a person
            [today, "artifact", 2**63, 19],  # past any database id
            [today, "photograph", 10**30, 23],
        ],
    }
    response = beat(client, kiosk.key, opens)
    assert response.status_code == 200
    assert response.json() == {"counted": 3, "ignored": 5 + 7 + 11 + 13 + 17 + 19 + 23}
    assert opens_of(kiosk) == {(timezone.localdate(), "artifact", published.pk): 3}
    kiosk.refresh_from_db()
    assert kiosk.last_seen is not None
    # The batch is remembered: sent again, nothing is counted twice.
    again = beat(client, kiosk.key, opens)
    assert again.status_code == 200
    assert again.json() == {"counted": 0, "ignored": 0, "already_counted": True}
    assert list(opens_of(kiosk).values()) == [3]
