"""Identifiers survive retitling; the repository's part can be configured."""

import pytest

from tests.exhibition.interop.oai.conftest import error_code, identifiers
from tests.factories import make_artifact

pytestmark = pytest.mark.django_db


def test_an_identifier_survives_a_new_title_slug_and_accession_number(oai):
    artifact = make_artifact(title_en="Old title", slug="old-title")
    before = identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"))
    artifact.title_en = "New title"
    artifact.slug = "new-title"
    artifact.accession_number = "CORRECTED-1"
    artifact.save()
    after = identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert before == after == [f"oai:testserver:artifact:{artifact.pk}"]


def test_the_repository_identifier_can_be_set_for_every_host(oai, settings):
    settings.OAI_REPOSITORY_ID = "harbour-maps.example"
    artifact = make_artifact()
    identifier = f"oai:harbour-maps.example:artifact:{artifact.pk}"
    listed = identifiers(oai(verb="ListIdentifiers", metadataPrefix="oai_dc"))
    assert listed == [identifier]
    document = oai(verb="GetRecord", identifier=identifier, metadataPrefix="oai_dc")
    assert error_code(document) is None
