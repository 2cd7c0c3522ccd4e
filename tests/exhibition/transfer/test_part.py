"""Exhibitions travel in ``collection.json``: export → import into another
installation gives back the exhibitions, their sections, featured people and the
hanging order; a bad entry is reported by name and nothing is written."""

import hashlib
import json
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from catalog.models import Artifact, Citation, Person, Photograph, Source, Status
from exhibition.models import Exhibition, FeaturedPerson, Section, SectionItem
from tests.factories import (
    cite,
    feature,
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
    make_source,
    uploaded_image,
)

pytestmark = pytest.mark.django_db


def checksum(field_file):
    with field_file.storage.open(field_file.name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@pytest.fixture
def museum():
    """Two exhibitions that both have a section called "letters", a record hung in
    both, a long bilingual introduction, a BCE timeline, citations everywhere."""
    source = make_source(key="register")
    bronze = make_exhibition(
        slug="bronze-age",
        title_en="Ritual Bronzes of the Shang and Zhou: " + "vessels " * 28,
        title_zh_hans="商周青铜礼器",
        introduction_en="Casting in piece moulds. " * 50,
        introduction_zh_hans="块范铸造。" * 50,
        opening_date=date(2027, 3, 1),
        closing_date=date(2027, 9, 30),
        kind=Exhibition.Kind.TEMPORARY,
        timeline_start=-1600,
        timeline_end=-221,
        venue_en="East wing",
        venue_zh_hans="东翼",
        galleries_en="Gallery 3",
        galleries_zh_hans="第三展厅",
    )
    prints = make_exhibition(
        slug="woodcuts", kind=Exhibition.Kind.ONLINE, status=Status.DRAFT
    )
    cite(bronze, source, "vol. 2")
    letters = make_section(
        bronze,
        slug="letters",
        position=2,
        hero_image=uploaded_image("hero.jpg"),
        hero_alt_en="A bronze ding",
        hero_alt_zh_hans="青铜鼎",
        gallery_room="E2",
    )
    vessels = make_section(bronze, slug="vessels", position=1)
    other_letters = make_section(prints, slug="letters", status=Status.REVIEW)
    cite(letters, source, "p. 9")
    ding = make_artifact(accession_number="BR-0001")
    gui = make_artifact(accession_number="BR-0002")
    rubbing = make_photograph(slug="rubbing")
    for position, record in enumerate([gui, rubbing, ding], 1):
        hang(letters, record, position)
    hang(vessels, ding, 1)
    hang(other_letters, ding, 1)
    caster = make_person(slug="caster")
    scholar = make_person(slug="scholar")
    feature(bronze, scholar, 1)
    feature(bronze, caster, 2)
    return {"bronze": bronze, "prints": prints}


def exhibitions_state():
    """Everything an exhibition's pages are made of, by natural keys."""
    state = {}
    for exhibition in Exhibition.objects.order_by("slug"):
        sections = {}
        for section in exhibition.sections.order_by("slug"):
            sections[section.slug] = {
                "title": (section.title_en, section.title_zh_hans),
                "status": section.status,
                "position": section.position,
                "room": section.gallery_room,
                "hero": checksum(section.hero_image) if section.hero_image else "",
                "alt": (section.hero_alt_en, section.hero_alt_zh_hans),
                "citations": [
                    (c.source.key, c.locator) for c in section.citations.all()
                ],
                "items": [
                    item.artifact.accession_number
                    if item.artifact_id
                    else item.photograph.slug
                    for item in section.items.order_by("position", "pk")
                ],
            }
        state[exhibition.slug] = {
            "fields": {
                name: getattr(exhibition, name)
                for name in (
                    "title_en",
                    "title_zh_hans",
                    "introduction_en",
                    "introduction_zh_hans",
                    "opening_date",
                    "closing_date",
                    "kind",
                    "status",
                    "timeline_start",
                    "timeline_end",
                    "venue_en",
                    "venue_zh_hans",
                    "galleries_en",
                    "galleries_zh_hans",
                )
            },
            "citations": [
                (c.source.key, c.locator) for c in exhibition.citations.all()
            ],
            "featured": [
                chosen.person.slug
                for chosen in exhibition.featured.order_by("position")
            ],
            "sections": sections,
        }
    return state


def empty_the_installation():
    for model in (SectionItem, FeaturedPerson, Section, Exhibition, Citation):
        model.objects.all().delete()
    for model in (Artifact, Photograph, Person, Source):
        model.objects.all().delete()


def import_export(out, **options):
    output, errors = StringIO(), StringIO()
    try:
        call_command(
            "import_collection",
            out / "collection.csv",
            images=out / "images",
            stdout=output,
            stderr=errors,
            **options,
        )
    except CommandError:
        pytest.fail(errors.getvalue())
    return output.getvalue()


def test_a_whole_exhibition_moves_to_an_empty_installation(museum, tmp_path):
    before = exhibitions_state()
    call_command("export_collection", tmp_path, stdout=StringIO())
    written = json.loads((tmp_path / "collection.json").read_text("utf-8"))
    assert [e["slug"] for e in written["exhibitions"]] == ["bronze-age", "woodcuts"]

    empty_the_installation()
    assert not Exhibition.objects.exists()
    output = import_export(tmp_path)

    assert exhibitions_state() == before
    assert "exhibition: 2 created" in output
    assert "section: 3 created" in output
    # Hanging order is the file's, not the order the CSV rows came in.
    letters = Section.objects.get(exhibition__slug="bronze-age", slug="letters")
    assert [str(item.record.pk) for item in letters.items.all()] == [
        str(Artifact.objects.get(accession_number="BR-0002").pk),
        str(Photograph.objects.get(slug="rubbing").pk),
        str(Artifact.objects.get(accession_number="BR-0001").pk),
    ]


def test_a_section_slug_two_exhibitions_share_is_written_with_its_exhibition(
    museum, tmp_path
):
    call_command("export_collection", tmp_path, stdout=StringIO())
    csv_text = (tmp_path / "collection.csv").read_text("utf-8-sig")
    ding_row = next(line for line in csv_text.splitlines() if "BR-0001" in line)
    # In exhibition order, then hanging order; "vessels" is one exhibition's only.
    assert ",vessels|bronze-age/letters|woodcuts/letters," in ding_row


def test_importing_the_same_file_again_changes_nothing(museum, tmp_path):
    call_command("export_collection", tmp_path, stdout=StringIO())
    before = exhibitions_state()
    changed_at = set(Exhibition.objects.values_list("updated_at", flat=True))
    output = import_export(tmp_path)
    assert "exhibition: 2 unchanged" in output
    assert "section: 3 unchanged" in output
    assert exhibitions_state() == before
    assert set(Exhibition.objects.values_list("updated_at", flat=True)) == changed_at


def test_a_csv_row_can_hang_in_a_section_only_the_file_defines(museum, tmp_path):
    call_command("export_collection", tmp_path, stdout=StringIO())
    path = tmp_path / "collection.json"
    content = json.loads(path.read_text("utf-8"))
    content["exhibitions"].append(
        {
            "slug": "next-year",
            "title_en": "Next year",
            "title_zh_hans": "明年",
            "sections": [{"slug": "first", "title_en": "First", "position": 1}],
        }
    )
    path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    csv_path = tmp_path / "collection.csv"
    text = csv_path.read_text("utf-8-sig")
    csv_path.write_text(text.replace(",vessels|", ",next-year/first|"), "utf-8")

    import_export(tmp_path)

    first = Section.objects.get(exhibition__slug="next-year", slug="first")
    assert [item.record.accession_number for item in first.items.all()] == ["BR-0001"]
    assert first.status == Status.DRAFT  # the model's default, never published


def test_galleries_written_before_they_were_translated_are_read_as_english(
    museum, tmp_path
):
    call_command("export_collection", tmp_path, stdout=StringIO())
    path = tmp_path / "collection.json"
    content = json.loads(path.read_text("utf-8"))
    assert content["exhibitions"][0]["galleries_zh_hans"] == "第三展厅"
    older = content["exhibitions"][0]
    for key in ("galleries_en", "galleries_zh_hans"):
        del older[key]
    older["galleries"] = "Room 12"  # as files were written before
    path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")

    import_export(tmp_path)

    bronze = Exhibition.objects.get(slug="bronze-age")
    assert (bronze.galleries_en, bronze.galleries_zh_hans) == ("Room 12", "第三展厅")


BAD_ENTRIES = [
    ({"slug": "x", "colour": "red"}, "colour", "Unknown key."),
    ({"slug": "x", "timeline_start": "early"}, "timeline_start", "not a whole number"),
    ({"slug": "x", "kind": "travelling"}, "kind", "is not one of"),
    ({"slug": "x", "opening_date": "spring"}, "opening_date", "date"),
    ({"slug": "x", "featured": ["nobody"]}, "featured", "Unknown person “nobody”."),
    ({"slug": "x", "citations": [["nowhere", "p. 1"]]}, "citations", "nowhere"),
    ({"slug": "x", "sections": "all"}, "sections", "This must be a list."),
]


@pytest.mark.parametrize(("entry", "key", "message"), BAD_ENTRIES)
def test_a_bad_exhibition_entry_is_named_and_nothing_is_written(
    museum, tmp_path, entry, key, message
):
    call_command("export_collection", tmp_path, stdout=StringIO())
    path = tmp_path / "collection.json"
    content = json.loads(path.read_text("utf-8"))
    content["exhibitions"].append({"title_en": "X", **entry})
    path.write_text(json.dumps(content), "utf-8")
    before = exhibitions_state()
    errors = StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(
            "import_collection",
            tmp_path / "collection.csv",
            images=tmp_path / "images",
            stdout=StringIO(),
            stderr=errors,
        )
    report = errors.getvalue()
    assert "collection.json, exhibition 3 (slug “x”), field " + key in report
    assert message in report
    assert exhibitions_state() == before


BAD_SECTIONS = [
    ({"slug": "timeline"}, "slug", "names a page of the exhibition"),
    ({"slug": "y", "items": [{"artifact": "NO-SUCH"}]}, "items", "“NO-SUCH”"),
    ({"slug": "y", "items": [{"statue": "BR-0001"}]}, "items", "is not an item"),
    (
        {"slug": "y", "items": [{"artifact": "BR-0001"}, {"artifact": "BR-0001"}]},
        "items",
        "in the section twice",
    ),
    ({"slug": "y", "hero_image": "missing.jpg"}, "hero_image", "Missing image"),
]


@pytest.mark.parametrize(("entry", "key", "message"), BAD_SECTIONS)
def test_a_bad_section_entry_is_named_and_nothing_is_written(
    museum, tmp_path, entry, key, message
):
    call_command("export_collection", tmp_path, stdout=StringIO())
    path = tmp_path / "collection.json"
    content = json.loads(path.read_text("utf-8"))
    content["exhibitions"][0]["sections"].append({"title_en": "Y", **entry})
    path.write_text(json.dumps(content), "utf-8")
    before = exhibitions_state()
    errors = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_collection",
            tmp_path / "collection.csv",
            images=tmp_path / "images",
            stdout=StringIO(),
            stderr=errors,
        )
    report = errors.getvalue()
    slug = entry["slug"]
    assert f"section 3 (slug “{slug}”), field {key}" in report
    assert message in report
    assert exhibitions_state() == before


def test_a_registrar_who_may_not_change_exhibitions_cannot_import_them(
    museum, tmp_path
):
    from catalog.transfer.importer import CsvImport, registered_sections

    call_command("export_collection", tmp_path, stdout=StringIO())
    registrar = get_user_model().objects.create_user("registrar")
    job = CsvImport(
        (tmp_path / "collection.csv").read_bytes(),
        tmp_path / "images",
        extras=(tmp_path / "collection.json").read_bytes(),
        sections=registered_sections(),
        user=registrar,
    )
    report = job.run()
    assert any("You may not import exhibitions." in str(p) for p in report.problems)
