"""A real harvester (Sickle) against a live server: the whole published collection,
incremental harvests, resumption through long lists, GET and POST."""

import datetime as dt

import pytest
from sickle import Sickle
from sickle.oaiexceptions import BadArgument, NoRecordsMatch

from catalog import workflow
from catalog.models import Artifact, Person, Photograph, Status
from exhibition.models import Museum
from tests.exhibition.interop import xsd
from tests.factories import (
    hang,
    make_artifact,
    make_person,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db(transaction=True)


class CheckedSickle(Sickle):
    """Sickle that also checks every response against the OAI-PMH schemas."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.responses = []

    def harvest(self, **kwargs):
        response = super().harvest(**kwargs)
        xsd.validate(response.http_response.content)
        self.responses.append(response)
        return response


@pytest.fixture
def harvester(live_server, settings):
    settings.PAGE_CACHE_SECONDS = 600  # as in production: cached for anonymous
    Museum.objects.create(name_en="Museum of Tides", email="oai@tides.example")

    def make(method="GET"):
        return CheckedSickle(f"{live_server.url}/oai", http_method=method, timeout=30)

    return make


def oai_id(record):
    kind = {Artifact: "artifact", Photograph: "photograph", Person: "person"}
    return f"oai:localhost:{kind[type(record)]}:{record.pk}"


@pytest.fixture
def collection(curator):
    """Published, draft, in-review, withdrawn and deleted records of each kind."""
    section = make_section()
    published = [make_artifact(), make_photograph(), make_person()]
    for record in published[:2]:
        hang(section, record)
    drafts = [
        make_artifact(status=Status.DRAFT, title_en="Secret draft artifact"),
        make_photograph(status=Status.REVIEW, title_en="Secret photograph in review"),
        make_person(status=Status.DRAFT, name_en="Secret draft person"),
    ]
    withdrawn = [make_artifact(), make_person()]
    for record in withdrawn:
        workflow.withdraw(record, curator)
    deleted = make_photograph()
    hang(section, deleted)
    deleted_id = oai_id(deleted)
    deleted.delete()
    make_artifact(status=Status.DRAFT).delete()  # never public: never reported
    return {
        "published": {oai_id(record) for record in published},
        "drafts": drafts,
        "gone": {oai_id(record) for record in withdrawn} | {deleted_id},
        "section": section,
    }


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_harvester_gets_exactly_the_published_records_and_hears_of_the_rest(
    harvester, collection, method
):
    sickle = harvester(method)
    records = list(sickle.ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))

    live = {r.header.identifier for r in records if not r.deleted}
    gone = {r.header.identifier for r in records if r.deleted}
    assert live == collection["published"]
    assert gone == collection["gone"]
    raw = b"".join(response.http_response.content for response in sickle.responses)
    for draft in collection["drafts"]:
        assert oai_id(draft).encode() not in raw
    assert b"Secret" not in raw
    headers = {h.identifier: h for h in sickle.ListIdentifiers(metadataPrefix="oai_dc")}
    assert set(headers) == collection["published"] | collection["gone"]


def test_every_kind_of_response_the_harvester_reads_is_valid(harvester, collection):
    sickle = harvester()
    identify = sickle.Identify()
    assert identify.repositoryName == "Museum of Tides"
    assert identify.adminEmail == "oai@tides.example"
    assert identify.deletedRecord == "persistent"
    formats = [f.metadataPrefix for f in sickle.ListMetadataFormats()]
    assert formats == ["oai_dc"]
    section = collection["section"]
    specs = {s.setSpec for s in sickle.ListSets()}
    assert f"exhibition:{section.exhibition.slug}:{section.slug}" in specs
    first = sorted(collection["published"])[0]
    record = sickle.GetRecord(identifier=first, metadataPrefix="oai_dc")
    assert record.header.identifier == first
    assert len(sickle.responses) == 4  # each one checked against the schemas


def test_an_incremental_harvest_returns_only_what_changed(harvester, curator):
    unchanged = make_artifact()
    changed = make_photograph()
    withdrawn = make_person()
    long_ago = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    for model in (Artifact, Photograph, Person):
        model.objects.update(updated_at=long_ago)
    sickle = harvester()
    assert len(list(sickle.ListIdentifiers(metadataPrefix="oai_dc"))) == 3

    changed.title_en = "Retitled photograph"
    changed.save()
    workflow.withdraw(withdrawn, curator)

    since = "2021-01-01T00:00:00Z"
    records = list(
        sickle.ListRecords(
            metadataPrefix="oai_dc", ignore_deleted=False, **{"from": since}
        )
    )
    assert {(r.header.identifier, r.deleted) for r in records} == {
        (oai_id(changed), False),
        (f"oai:localhost:person:{withdrawn.pk}", True),
    }
    fresh = next(r for r in records if not r.deleted)
    assert "Retitled photograph" in fresh.metadata["title"]
    old = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", until="2020-01-01"))
    assert [h.identifier for h in old] == [oai_id(unchanged)]


def test_a_long_list_resumes_page_by_page_to_the_last_record(harvester, settings):
    settings.OAI_PAGE_SIZE = 100
    for _ in range(250):
        make_artifact(with_image=False)
    sickle = harvester()
    seen = [h.identifier for h in sickle.ListIdentifiers(metadataPrefix="oai_dc")]

    assert len(seen) == 250
    assert len(set(seen)) == 250
    assert len(sickle.responses) == 3
    tokens = [
        response.xml.find(".//{http://www.openarchives.org/OAI/2.0/}resumptionToken")
        for response in sickle.responses
    ]
    assert [t.get("cursor") for t in tokens] == ["0", "100", "200"]
    assert {t.get("completeListSize") for t in tokens} == {"250"}
    assert [bool(t.text) for t in tokens] == [True, True, False]


def test_a_harvest_of_an_empty_repository_says_no_records_match(harvester):
    with pytest.raises(NoRecordsMatch):
        list(harvester().ListRecords(metadataPrefix="oai_dc"))


def test_a_harvest_bounded_by_the_ends_of_the_calendar_leaves_nothing_out(harvester):
    """``until=9999-12-31`` is a legal bound (it answered 500); a year of five
    digits is no UTCdatetime, and a window past every change matches nothing."""
    artifact = make_artifact()
    sickle = harvester()
    for bounds in (
        {"until": "9999-12-31"},
        {"from": "0001-01-01", "until": "9999-12-31"},
        {"from": "0001-01-01T00:00:00Z", "until": "9999-12-31T23:59:59Z"},
    ):
        headers = sickle.ListIdentifiers(metadataPrefix="oai_dc", **bounds)
        assert [h.identifier for h in headers] == [oai_id(artifact)]
    with pytest.raises(BadArgument):
        list(sickle.ListIdentifiers(metadataPrefix="oai_dc", until="10000-01-01"))
    with pytest.raises(NoRecordsMatch):
        list(sickle.ListRecords(metadataPrefix="oai_dc", **{"from": "9999-12-31"}))
