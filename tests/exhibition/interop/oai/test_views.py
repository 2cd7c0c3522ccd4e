"""The endpoint: every verb's response and every error, as the protocol defines them."""

import pytest

from tests.exhibition.interop import xsd
from tests.exhibition.interop.oai.conftest import NS, error_code, identifiers, token
from tests.factories import make_artifact, make_person

pytestmark = pytest.mark.django_db


def request_element(document):
    return document.find("oai:request", NS)


def test_identify_names_the_museum_and_its_address_from_content(oai, museum):
    document = oai(verb="Identify")
    identify = document.find("oai:Identify", NS)
    assert identify.findtext("oai:repositoryName", namespaces=NS) == museum.name_en
    assert identify.findtext("oai:adminEmail", namespaces=NS) == museum.email
    assert identify.findtext("oai:baseURL", namespaces=NS) == "http://testserver/oai"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "persistent"
    assert identify.findtext("oai:granularity", namespaces=NS) == "YYYY-MM-DDThh:mm:ssZ"
    assert request_element(document).get("verb") == "Identify"


def test_identify_stays_valid_before_curators_give_an_email(oai, museum):
    museum.email = ""
    museum.save()
    document = oai(verb="Identify")
    email = document.findtext(".//oai:adminEmail", namespaces=NS)
    assert email == "webmaster@testserver.invalid"


def test_the_earliest_datestamp_is_the_oldest_published_change(oai):
    artifact = make_artifact()
    document = oai(verb="Identify")
    earliest = document.findtext(".//oai:earliestDatestamp", namespaces=NS)
    assert earliest == artifact.updated_at.strftime("%Y-%m-%dT%H:%M:%SZ")


def test_list_metadata_formats_offers_oai_dc_for_any_record_or_for_one(oai):
    artifact = make_artifact()
    for arguments in ({}, {"identifier": f"oai:testserver:artifact:{artifact.pk}"}):
        document = oai(verb="ListMetadataFormats", **arguments)
        prefixes = document.findall(".//oai:metadataPrefix", NS)
        assert [p.text for p in prefixes] == ["oai_dc"]


@pytest.mark.parametrize("method", ["get", "post"])
def test_get_record_answers_by_get_and_by_post(oai, method):
    artifact = make_artifact()
    identifier = f"oai:testserver:artifact:{artifact.pk}"
    document = oai(
        method, verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc"
    )
    assert identifiers(document) == [identifier]
    assert request_element(document).get("identifier") == identifier


def test_posting_needs_no_csrf_token(museum):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/oai", {"verb": "Identify"})
    assert response.status_code == 200
    assert b"<Identify>" in response.content


def test_other_http_methods_are_refused(client):
    assert client.put("/oai?verb=Identify").status_code == 405


# -- errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"verb": "Harvest"},
        {"verb": ["Identify", "Identify"]},
    ],
)
def test_a_missing_repeated_or_unknown_verb_is_bad_verb(oai, arguments):
    document = oai(**arguments)
    assert error_code(document) == "badVerb"
    assert request_element(document).attrib == {}  # nothing echoed


@pytest.mark.parametrize(
    "arguments",
    [
        {"verb": "Identify", "metadataPrefix": "oai_dc"},  # an argument it has not
        {"verb": "GetRecord", "metadataPrefix": "oai_dc"},  # missing identifier
        {"verb": "ListRecords"},  # missing metadataPrefix
        {"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]},
        {"verb": "ListIdentifiers", "metadataPrefix": "oai_dc", "from": "yesterday"},
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2024-02-30"},
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-01-01",
            "until": "2024-06-01T00:00:00Z",  # another granularity
        },
        {
            "verb": "ListRecords",
            "metadataPrefix": "oai_dc",
            "from": "2024-06-01",
            "until": "2024-01-01",
        },
        {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "no spaces"},
        {"verb": "ListRecords", "metadataPrefix": "not a prefix"},
        {"verb": "ListRecords", "resumptionToken": "x", "metadataPrefix": "oai_dc"},
    ],
)
def test_wrong_arguments_are_bad_argument_and_not_echoed(oai, arguments):
    make_artifact()
    document = oai(**arguments)
    assert error_code(document) == "badArgument"
    assert request_element(document).attrib == {}


def test_a_forged_or_foreign_resumption_token_is_refused(oai, settings):
    settings.OAI_PAGE_SIZE = 1
    make_artifact(), make_artifact()
    forged = oai(verb="ListRecords", resumptionToken="eyJ2IjoiTGlzdFJlY29yZHMifQ:x")
    assert error_code(forged) == "badResumptionToken"
    issued = token(oai(verb="ListIdentifiers", metadataPrefix="oai_dc")).text
    assert error_code(oai(verb="ListIdentifiers", resumptionToken=issued)) is None
    assert error_code(oai(verb="ListRecords", resumptionToken=issued)) == (
        "badResumptionToken"
    )
    edited = issued[:-3] + ("AAA" if not issued.endswith("AAA") else "BBB")
    document = oai(verb="ListIdentifiers", resumptionToken=edited)
    assert error_code(document) == "badResumptionToken"
    assert error_code(oai(verb="ListSets", resumptionToken=issued)) == (
        "badResumptionToken"
    )


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
def test_another_metadata_format_cannot_be_disseminated(oai, verb):
    make_artifact()
    document = oai(verb=verb, metadataPrefix="marc21")
    assert error_code(document) == "cannotDisseminateFormat"
    assert request_element(document).get("metadataPrefix") == "marc21"


def test_get_record_in_another_format_cannot_be_disseminated(oai):
    artifact = make_artifact()
    document = oai(
        verb="GetRecord",
        identifier=f"oai:testserver:artifact:{artifact.pk}",
        metadataPrefix="mods",
    )
    assert error_code(document) == "cannotDisseminateFormat"


@pytest.mark.parametrize(
    "identifier",
    [
        "oai:testserver:artifact:999999",
        "oai:elsewhere.example:artifact:{pk}",  # another repository's
        "oai:testserver:exhibition:{pk}",
        "oai:testserver:artifact:0{pk}",
        "no identifier at all",
    ],
)
def test_an_unknown_identifier_does_not_exist(oai, identifier):
    artifact = make_artifact()
    identifier = identifier.format(pk=artifact.pk)
    document = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert error_code(document) == "idDoesNotExist"
    document = oai(verb="ListMetadataFormats", identifier=identifier)
    assert error_code(document) == "idDoesNotExist"


def test_a_draft_does_not_exist_for_harvesters(oai):
    draft = make_person(status="draft")
    identifier = f"oai:testserver:person:{draft.pk}"
    document = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert error_code(document) == "idDoesNotExist"


@pytest.mark.parametrize(
    "arguments",
    [
        {},
        {"set": "exhibition:nowhere"},
        {"from": "2999-01-01"},
        {"until": "1999-12-31T23:59:59Z"},
    ],
)
def test_an_empty_selection_is_no_records_match(oai, arguments):
    make_person(status="draft")
    if arguments:
        make_artifact()
    document = oai(verb="ListRecords", metadataPrefix="oai_dc", **arguments)
    assert error_code(document) == "noRecordsMatch"
    assert request_element(document).get("verb") == "ListRecords"


@pytest.mark.parametrize("verb", ["ListRecords", "ListIdentifiers"])
@pytest.mark.parametrize(
    "arguments",
    [
        {"until": "9999-12-31"},
        {"until": "9999-12-31T23:59:59Z"},
        {"from": "0001-01-01"},
        {"from": "0001-01-01T00:00:00Z"},
        {"from": "0001-01-01", "until": "9999-12-31"},
        {"from": "0001-01-01T00:00:00Z", "until": "9999-12-31T23:59:59Z"},
    ],
)
def test_the_ends_of_the_calendar_are_legal_bounds_that_leave_nothing_out(
    oai, verb, arguments
):
    """``until=9999-12-31`` used to answer 500 (the day after it overflowed)."""
    artifact = make_artifact()
    document = oai(verb=verb, metadataPrefix="oai_dc", **arguments)
    assert error_code(document) is None
    assert identifiers(document) == [f"oai:testserver:artifact:{artifact.pk}"]
    assert request_element(document).attrib == {
        "verb": verb,
        "metadataPrefix": "oai_dc",
        **arguments,
    }


@pytest.mark.parametrize(
    "arguments",
    [
        {"from": "9999-12-31"},
        {"from": "9999-12-31T23:59:59Z"},
        {"until": "0001-01-01"},
        {"from": "0001-01-01T00:00:00Z", "until": "0001-01-01T00:00:00Z"},
    ],
)
def test_a_window_at_an_end_of_the_calendar_matches_no_records(oai, arguments):
    make_artifact()
    document = oai(verb="ListRecords", metadataPrefix="oai_dc", **arguments)
    assert error_code(document) == "noRecordsMatch"


@pytest.mark.parametrize(
    "arguments",
    [
        {"until": "10000-01-01"},
        {"from": "0000-01-01"},
        {"from": ""},
        {"until": ""},
        {"from": "2024-05-01T08:30:05+08:00"},
        {"from": "2024-05-01T08:30:60Z"},
        {"until": "9999-12-31T23:59:59.999Z"},
        {"from": "\uff12\uff10\uff12\uff14-\uff10\uff15-\uff10\uff11"},
        {"from": "2024-05-01\x00"},
        {"from": "9" * 5000},
        {"from": "9999-12-31", "until": "9999-12-31T23:59:59Z"},
        {"from": "9999-12-31T00:00:01Z", "until": "9999-12-31T00:00:00Z"},
    ],
)
def test_a_date_that_is_no_utc_datetime_or_a_crossed_window_is_bad_argument(
    oai, arguments
):
    make_artifact()
    for verb in ("ListRecords", "ListIdentifiers"):
        document = oai(verb=verb, metadataPrefix="oai_dc", **arguments)
        assert error_code(document) == "badArgument"
        assert request_element(document).attrib == {}


@pytest.mark.parametrize(
    "request_arguments",
    [
        {
            "data": "verb=Identify",
            "content_type": "application/x-www-form-urlencoded; charset=latin-1",
        },
        {"data": "verb=Identify", "content_type": "multipart/form-data"},
        {"data": "verb=Identify&" + "a=1&" * 1001},
    ],
    ids=["form not in UTF-8", "multipart without a boundary", "too many arguments"],
)
def test_a_post_django_cannot_read_is_still_answered_in_oai_pmh(
    client, museum, request_arguments
):
    """These answered Django's HTML 400 page, which no harvester can read."""
    request_arguments.setdefault("content_type", "application/x-www-form-urlencoded")
    response = client.post("/oai", **request_arguments)
    assert response.status_code == 200
    document = xsd.validate(response.content)
    assert error_code(document) == "badArgument"


def test_a_query_with_too_many_arguments_is_bad_argument(client, museum):
    response = client.get("/oai?verb=Identify&" + "a=1&" * 1001)
    assert response.status_code == 200
    assert error_code(xsd.validate(response.content)) == "badArgument"
