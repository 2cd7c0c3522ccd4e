"""Helpers for the OAI-PMH tests: requests that must validate, and the namespaces."""

import pytest

from exhibition.models import Museum
from tests.exhibition.interop import xsd

NS = {
    "oai": "http://www.openarchives.org/OAI/2.0/",
    "oai_dc": "http://www.openarchives.org/OAI/2.0/oai_dc/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def museum(db):
    return Museum.objects.create(
        name_en="Harbour Museum of Maps",
        name_zh_hans="港口地图博物馆",
        email="collections@harbour-maps.example",
    )


@pytest.fixture
def oai(client, museum):
    """``oai(verb=..., **arguments)``: the parsed response, after checking it is
    valid OAI-PMH (records and all) and served as XML. ``method="post"`` posts."""

    def request(method="get", **arguments):
        response = getattr(client, method)("/oai", arguments)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        return xsd.validate(response.content)

    return request


def error_code(document):
    errors = document.findall("oai:error", NS)
    return errors[0].get("code") if errors else None


def identifiers(document):
    return [node.text for node in document.iterfind(".//oai:header/oai:identifier", NS)]


def token(document):
    return document.find(".//oai:resumptionToken", NS)
