"""Sets: per kind, per exhibition and per section, published ones only."""

import pytest

from catalog.models import Status
from tests.exhibition.interop.oai.conftest import LANG, NS, error_code, identifiers
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


def specs(document):
    return [node.text for node in document.iterfind(".//oai:set/oai:setSpec", NS)]


def test_list_sets_names_kinds_exhibitions_and_sections_in_both_languages(oai):
    exhibition = make_exhibition(slug="tides", title_en="Tides", title_zh_hans="潮汐")
    make_section(exhibition, slug="moon", title_en="Moon", title_zh_hans="月亮")
    make_section(exhibition, slug="draft-room", status=Status.DRAFT)
    make_exhibition(slug="secret-show", status=Status.DRAFT)

    document = oai(verb="ListSets")
    assert specs(document) == [
        "artifact",
        "exhibition",
        "exhibition:tides",
        "exhibition:tides:moon",
        "person",
        "photograph",
    ]
    moon = document.findall(".//oai:set", NS)[3]
    assert moon.findtext("oai:setName", namespaces=NS) == "Tides: Moon"
    titles = {
        node.get(LANG): node.text
        for node in moon.iterfind("oai:setDescription//dc:title", NS)
    }
    assert titles == {"en": "Tides: Moon", "zh-Hans": "潮汐: 月亮"}


def test_a_selective_harvest_returns_the_set_and_nothing_else(oai):
    exhibition = make_exhibition(slug="tides")
    moon, sun = make_section(exhibition, slug="moon"), make_section(exhibition)
    in_moon, in_sun = make_artifact(), make_photograph()
    hang(moon, in_moon)
    hang(sun, in_sun)
    featured = make_person()
    feature(exhibition, featured)
    make_artifact()  # in no exhibition
    draft_room = make_section(exhibition, status=Status.DRAFT)
    hang(draft_room, make_artifact())

    def harvest(spec):
        return identifiers(
            oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set=spec)
        )

    assert harvest("exhibition:tides:moon") == [f"oai:testserver:artifact:{in_moon.pk}"]
    assert harvest("exhibition:tides") == [
        f"oai:testserver:artifact:{in_moon.pk}",
        f"oai:testserver:person:{featured.pk}",
        f"oai:testserver:photograph:{in_sun.pk}",
    ]
    assert harvest("photograph") == [f"oai:testserver:photograph:{in_sun.pk}"]
    assert len(harvest("exhibition")) == 3
    header = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="artifact")
    first = header.find(".//oai:header", NS)
    assert [node.text for node in first.findall("oai:setSpec", NS)] == [
        "artifact",
        "exhibition",
        "exhibition:tides",
        "exhibition:tides:moon",
    ]


def test_records_of_a_draft_exhibition_are_in_no_exhibition_set(oai):
    hidden = make_exhibition(slug="hidden", status=Status.DRAFT)
    hang(make_section(hidden), make_artifact())
    document = oai(verb="ListIdentifiers", metadataPrefix="oai_dc", set="exhibition")
    assert error_code(document) == "noRecordsMatch"
    listed = oai(verb="ListIdentifiers", metadataPrefix="oai_dc")
    specs_seen = [node.text for node in listed.iterfind(".//oai:setSpec", NS)]
    assert specs_seen == ["artifact"]
