"""Records in oai_dc: both languages marked, only what the public may see."""

import pytest

from catalog.models import Role
from tests.exhibition.interop.oai.conftest import LANG, NS
from tests.factories import make_artifact, make_person, make_photograph

pytestmark = pytest.mark.django_db


def dublin_core(oai, kind, record):
    document = oai(
        verb="GetRecord",
        identifier=f"oai:testserver:{kind}:{record.pk}",
        metadataPrefix="oai_dc",
    )
    dc = document.find(".//oai_dc:dc", NS)
    assert dc is not None
    return dc


def values(dc, element):
    """``[(xml:lang or None, text)]`` of every ``dc:<element>``."""
    return [(node.get(LANG), node.text) for node in dc.findall(f"dc:{element}", NS)]


def test_an_artifact_is_described_in_english_and_chinese(oai, museum):
    person = make_person(name_en="Ada Lovelace", name_zh_hans="阿达·洛芙莱斯")
    artifact = make_artifact(
        title_en="Brass sextant",
        title_zh_hans="黄铜六分仪",
        description_en="Used on the survey ship.",
        description_zh_hans="测量船上使用。",
        accession_number="HM-0042",
        year_from=1850,
        year_to=1855,
        date_display_en="c. 1850",
        date_display_zh_hans="约1850年",
        materials_en="Brass",
        dimensions="20 × 18 cm",
        rights_en="CC BY 4.0",
        rights_zh_hans="CC BY 4.0 协议",
    )
    artifact.people.add(person)
    dc = dublin_core(oai, "artifact", artifact)

    assert values(dc, "title") == [("en", "Brass sextant"), ("zh-Hans", "黄铜六分仪")]
    assert ("zh-Hans", "测量船上使用。") in values(dc, "description")
    assert values(dc, "subject") == [
        ("en", "Ada Lovelace"),
        ("zh-Hans", "阿达·洛芙莱斯"),
    ]
    assert (None, "1850/1855") in values(dc, "date")
    assert ("zh-Hans", "约1850年") in values(dc, "date")
    assert (None, "PhysicalObject") in values(dc, "type")
    assert (None, "20 × 18 cm") in values(dc, "format")
    assert (None, "HM-0042") in values(dc, "identifier")
    assert (None, f"http://testserver/artifacts/{artifact.slug}/") in values(
        dc, "identifier"
    )
    assert (None, f"http://testserver/zh-hans/artifacts/{artifact.slug}/") in values(
        dc, "identifier"
    )
    assert ("zh-Hans", "CC BY 4.0 协议") in values(dc, "rights")
    assert values(dc, "publisher") == [
        ("en", museum.name_en),
        ("zh-Hans", museum.name_zh_hans),
    ]


def test_a_photograph_names_its_photographer_and_archive(oai):
    photograph = make_photograph(
        title_en="Harbour at dawn",
        title_zh_hans="黎明的港口",
        photographer_en="Li Wen",
        photographer_zh_hans="李文",
        archive_en="City Archive",
        archive_reference="CA/12/7",
        year_from=1931,
    )
    dc = dublin_core(oai, "photograph", photograph)
    assert values(dc, "creator") == [("en", "Li Wen"), ("zh-Hans", "李文")]
    assert values(dc, "source") == [("en", "City Archive")]
    assert (None, "CA/12/7") in values(dc, "identifier")
    assert (None, "1931") in values(dc, "date")
    assert (None, "StillImage") in values(dc, "type")


def test_a_biography_gives_names_roles_and_the_languages_written(oai):
    role = Role.objects.create(name_en="Navigator", name_zh_hans="领航员")
    person = make_person(
        name_en="Mei Chen",
        name_zh_hans="陈梅",
        summary_en="A navigator.",
        summary_zh_hans="",
        birth_display_en="1901",
    )
    person.roles.add(role)
    dc = dublin_core(oai, "person", person)
    assert values(dc, "title") == [("en", "Mei Chen"), ("zh-Hans", "陈梅")]
    assert ("zh-Hans", "领航员") in values(dc, "subject")
    assert values(dc, "language") == [(None, "en")]
    assert (None, "Text") in values(dc, "type")


def test_people_not_published_are_never_named_in_a_record(oai):
    artifact = make_artifact()
    artifact.people.add(
        make_person(name_en="Hidden draft person", status="draft"),
        make_person(name_en="Shown person"),
    )
    dc = dublin_core(oai, "artifact", artifact)
    subjects = [text for _lang, text in values(dc, "subject")]
    assert "Shown person" in subjects
    assert "Hidden draft person" not in subjects


def test_markup_and_control_characters_in_text_stay_harmless(oai):
    artifact = make_artifact(
        title_en="<script>alert(1)</script> & </dc:title>",
        description_en="bell\x07 and form feed\x0c here",
    )
    dc = dublin_core(oai, "artifact", artifact)  # still valid XML, schema-checked
    assert ("en", "<script>alert(1)</script> & </dc:title>") in values(dc, "title")
    assert ("en", "bell and form feed here") in values(dc, "description")
