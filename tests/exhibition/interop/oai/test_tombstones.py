"""Withdrawn, unpublished and deleted records are reported as deleted, for good."""

import pytest

from catalog import history, workflow
from catalog.models import Artifact, Status
from exhibition.models import OaiTombstone
from tests.exhibition.interop.oai.conftest import NS
from tests.factories import hang, make_artifact, make_photograph, make_section

pytestmark = pytest.mark.django_db


def header(oai, kind, pk):
    document = oai(
        verb="GetRecord",
        identifier=f"oai:testserver:{kind}:{pk}",
        metadataPrefix="oai_dc",
    )
    return document.find(".//oai:header", NS), document.find(".//oai:metadata", NS)


def test_a_withdrawn_record_is_reported_deleted_in_the_sets_it_was_in(oai, curator):
    section = make_section()
    artifact = make_artifact()
    hang(section, artifact)
    workflow.withdraw(artifact, curator)

    found, metadata = header(oai, "artifact", artifact.pk)
    assert found.get("status") == "deleted"
    assert metadata is None
    spec = f"exhibition:{section.exhibition.slug}:{section.slug}"
    assert spec in [node.text for node in found.findall("oai:setSpec", NS)]
    in_set = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
    assert in_set.find(".//oai:header", NS).get("status") == "deleted"


def test_publishing_again_brings_the_record_back(oai, curator):
    artifact = make_artifact()
    workflow.withdraw(artifact, curator)
    artifact.status = Status.PUBLISHED
    artifact.save()
    found, metadata = header(oai, "artifact", artifact.pk)
    assert found.get("status") is None
    assert metadata is not None
    assert not OaiTombstone.objects.exists()


def test_editing_a_withdrawn_record_keeps_its_deletion_date(curator):
    artifact = make_artifact()
    workflow.withdraw(artifact, curator)
    buried = OaiTombstone.objects.get().deleted_at
    artifact.refresh_from_db()
    artifact.title_en = "Corrected while withdrawn"
    artifact.save()
    assert OaiTombstone.objects.get().deleted_at == buried


def test_deleting_a_published_record_leaves_a_tombstone_that_outlives_it(oai):
    section = make_section()
    photograph = make_photograph()
    hang(section, photograph)
    pk = photograph.pk
    photograph.delete()

    tombstone = OaiTombstone.objects.get(kind="photograph", record_id=pk)
    assert f" exhibition:{section.exhibition.slug}:{section.slug} " in (
        tombstone.set_specs
    )
    found, _metadata = header(oai, "photograph", pk)
    assert found.get("status") == "deleted"


def test_drafts_leave_nothing_when_they_go():
    draft = make_artifact(status=Status.DRAFT)
    draft.status = Status.REVIEW
    draft.save()
    draft.delete()
    assert not OaiTombstone.objects.exists()


def test_restoring_a_deleted_record_from_history_publishes_it_again(oai):
    artifact = make_artifact()
    pk = artifact.pk
    artifact.delete()
    restored = history.restore(Artifact, pk)
    assert restored.pk == pk
    found, metadata = header(oai, "artifact", pk)
    assert found.get("status") is None
    assert metadata is not None
