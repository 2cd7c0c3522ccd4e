"""Pages of a list cost a fixed number of queries, however large the collection."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog import workflow
from tests.exhibition.interop.oai.conftest import identifiers, token
from tests.factories import (
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db

# Page of headers, museum, two set lookups, each kind's records and their links.
QUERIES_PER_PAGE = 11
# The first page of a long list also counts the list once (completeListSize).
QUERIES_FIRST_OF_MANY = QUERIES_PER_PAGE + 1


def build(count, curator):
    exhibition = make_exhibition()
    section = make_section(exhibition)
    for _ in range(count):
        hang(section, make_artifact(with_image=False))
        hang(section, make_photograph())
        person = make_person()
        feature(exhibition, person)
        make_artifact(with_image=False).people.add(person)
    workflow.withdraw(make_artifact(with_image=False), curator)


def queries(client, **arguments):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/oai", arguments)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("count", [2, 25])
def test_a_page_of_records_runs_the_same_queries_at_any_size(
    client, museum, curator, settings, count
):
    settings.OAI_PAGE_SIZE = 1000
    build(count, curator)
    used, response = queries(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert response.content.count(b"<record>") == 4 * count + 1
    assert used == QUERIES_PER_PAGE


def test_every_page_of_a_long_list_stays_within_the_budget(
    client, museum, curator, settings
):
    from tests.exhibition.interop import xsd

    settings.OAI_PAGE_SIZE = 30
    build(25, curator)
    used, response = queries(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert used <= QUERIES_FIRST_OF_MANY
    seen = identifiers(xsd.validate(response.content))
    next_token = token(xsd.validate(response.content)).text
    while next_token:
        used, response = queries(client, verb="ListRecords", resumptionToken=next_token)
        assert used <= QUERIES_PER_PAGE
        document = xsd.validate(response.content)
        seen += identifiers(document)
        next_token = token(document).text
    assert len(seen) == len(set(seen)) == 101
