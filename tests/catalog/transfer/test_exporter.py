"""Export → import into an empty catalogue gives back every field and every image."""

import csv
import hashlib
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import models
from django.utils import timezone

from catalog.models import (
    Artifact,
    ArtifactImage,
    Citation,
    Person,
    Photograph,
    Role,
    Source,
    Status,
)
from catalog.transfer.columns import FORMULA_STARTS, field_columns
from tests.factories import (
    cite,
    hang,
    make_artifact,
    make_person,
    make_photograph,
    make_section,
    make_source,
    uploaded_image,
)

pytestmark = pytest.mark.django_db

BOOKKEEPING = {"id", "created_at", "updated_at"}


def checksum(field_file):
    with field_file.storage.open(field_file.name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def fields_of(obj, skip=()):
    state = {}
    for f in obj._meta.concrete_fields:
        if f.name in BOOKKEEPING or f.name in skip:
            continue
        value = getattr(obj, f.name)
        if isinstance(f, models.FileField):
            value = checksum(value) if value else ""
        elif isinstance(f, models.ForeignKey):
            value = getattr(value, "username", None) or getattr(value, "pk", None)
        elif isinstance(f, (models.CharField, models.TextField)) and value is None:
            value = ""  # a CSV cell has no NULL; blank text is blank either way
        state[f.name] = value
    return state


def citations_of(record):
    """In order: the CSV keeps the order, numbering positions afresh."""
    return [(c.source.key, c.locator) for c in record.citations.all()]


def sections_of(record):
    return sorted(item.section.slug for item in record.section_items.all())


def collection_state():
    """Everything the catalogue holds, keyed by natural keys, with image checksums."""
    return {
        "artifacts": {
            a.accession_number: {
                **fields_of(a),
                "people": sorted(p.slug for p in a.people.all()),
                "citations": citations_of(a),
                "sections": sections_of(a),
                "images": [
                    fields_of(image, skip={"artifact"})
                    for image in a.images.order_by("position")
                ],
            }
            for a in Artifact.objects.all()
        },
        "photographs": {
            p.slug: {
                **fields_of(p),
                "people": sorted(x.slug for x in p.people.all()),
                "citations": citations_of(p),
                "sections": sections_of(p),
            }
            for p in Photograph.objects.all()
        },
        "people": {
            p.slug: {
                **fields_of(p),
                "roles": sorted(r.slug for r in p.roles.all()),
                "groups": sorted(g.slug for g in p.groups.all()),
                "citations": citations_of(p),
            }
            for p in Person.objects.all()
        },
        "sources": {s.key: fields_of(s) for s in Source.objects.all()},
        "roles": {r.slug: fields_of(r) for r in Role.objects.all()},
    }


@pytest.fixture
def collection(django_user_model):
    head = django_user_model.objects.create_user(username="head-curator")
    now = timezone.now().replace(microsecond=123456)
    source = make_source(
        key="nmc",
        title_en="Announcement",
        title_zh_hans="公告",
        url="https://example.org/a",
        note_en="Note",
    )
    role = Role.objects.create(slug="doctor", name_en="Doctor", name_zh_hans="医生")
    section = make_section(slug="rescue")
    other = make_section(slug="support")
    group = make_person(
        slug="medical-corps",
        kind="group",
        name_en="Medical corps",
        name_zh_hans="医疗队",
    )
    doctor = make_person(
        slug="bethune",
        name_en="Norman Bethune",
        name_zh_hans="白求恩",
        nationalities="CA",
        birth_year=1890,
        summary_en="Surgeon.",
        summary_zh_hans="外科医生。",
        body_en="Long text\nwith two lines.",
        portrait=uploaded_image("portrait.jpg", color=(5, 5, 5)),
        portrait_alt_en="Portrait",
        portrait_alt_zh_hans="肖像",
        featured=True,
        published_by=head,
        published_at=now,
    )
    doctor.roles.add(role)
    doctor.groups.add(group)
    cite(doctor, source, "p. 9")

    artifact = make_artifact(
        accession_number="IF-A-7",
        slug="rib-shears",
        title_en="Rib shears",
        title_zh_hans="肋骨剪",
        description_en='A "surgical" instrument, with commas, and\nnewlines.',
        description_zh_hans="外科器械。",
        date_display_en="c. 1938",
        year_from=1937,
        year_to=1939,
        dimensions="20 × 5 cm",
        gallery_room="N12",
        case="3",
        rights_en="CC0",
        rights_zh_hans="CC0",
        disputed=True,
        disputed_note_en="Sources differ | on the year.",
        status=Status.PUBLISHED,
        submitted_by=head,
        submitted_at=now - timedelta(days=2),
        published_by=head,
        published_at=now,
    )
    ArtifactImage.objects.create(
        artifact=artifact,
        image=uploaded_image("second.png", image_format="PNG", color=(9, 9, 200)),
        alt_text_en="Side | view",
        alt_text_zh_hans="侧面",
        caption_en="Side",
        position=1,
    )
    artifact.people.add(doctor)
    cite(artifact, source, "§3.2, para 3")
    cite(artifact, make_source(key="paper"), "")
    hang(section, artifact)
    hang(other, artifact)

    photograph = make_photograph(
        slug="clinic",
        title_zh_hans="诊所",
        caption_en="A clinic.",
        archive_reference="ARC-1",
        status=Status.REVIEW,
        publish_at=now + timedelta(days=1),
        image=uploaded_image("clinic.jpg", color=(200, 1, 1)),
    )
    photograph.people.add(doctor, group)
    cite(photograph, source)
    hang(section, photograph)
    make_artifact(accession_number="IF-A-8", with_image=False, status=Status.DRAFT)
    return {"sections": [section, other]}


def empty_the_catalogue():
    Citation.objects.all().delete()
    for model in (ArtifactImage, Artifact, Photograph, Person, Source, Role):
        model.objects.all().delete()


def test_export_then_import_into_an_empty_catalogue_loses_nothing(collection, tmp_path):
    before = collection_state()
    out = tmp_path / "export"
    output = StringIO()
    call_command("export_collection", out, stdout=output)
    assert "2 artifacts, 1 photographs, 2 biographies" in output.getvalue()
    assert (out / "collection.json").exists()
    assert len(list((out / "images").iterdir())) == 4

    empty_the_catalogue()
    assert not Artifact.objects.exists()
    call_command(
        "import_collection",
        out / "collection.csv",
        images=out / "images",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    after = collection_state()
    for part in before:
        assert after[part] == before[part], part


def test_export_is_a_csv_excel_reads_with_chinese(collection, tmp_path):
    call_command("export_collection", tmp_path, stdout=StringIO())
    raw = (tmp_path / "collection.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with (tmp_path / "collection.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    artifact = next(row for row in rows if row["accession_number"] == "IF-A-7")
    assert artifact["kind"] == "artifact"
    assert artifact["title_zh_hans"] == "肋骨剪"
    assert artifact["people"] == "bethune"
    assert artifact["sections"] == "rescue|support"
    assert artifact["citations"] == "nmc: §3.2, para 3|paper"
    assert artifact["alt_text_en"] == "A test image|Side \\| view"


def test_reimporting_an_export_over_the_same_catalogue_changes_nothing(
    collection, tmp_path
):
    call_command("export_collection", tmp_path, stdout=StringIO())
    before = collection_state()
    history = Artifact.history.count()
    out = StringIO()
    call_command(
        "import_collection",
        tmp_path / "collection.csv",
        images=tmp_path / "images",
        stdout=out,
        stderr=StringIO(),
    )
    assert "artifact: 2 unchanged" in out.getvalue()
    assert collection_state() == before
    assert Artifact.history.count() == history
    assert get_user_model().objects.count() == 1


def test_an_export_older_than_a_curators_edit_cannot_overwrite_it(collection, tmp_path):
    call_command("export_collection", tmp_path, stdout=StringIO())
    artifact = Artifact.objects.order_by("accession_number").first()
    artifact.title_en = "Retitled by a curator after the export"
    artifact.save()
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_collection",
            tmp_path / "collection.csv",
            images=tmp_path / "images",
            stdout=StringIO(),
            stderr=err,
        )
    assert (
        "column version: Changed in the catalogue since this file was exported"
        in err.getvalue()
    )
    artifact.refresh_from_db()
    assert artifact.title_en == "Retitled by a curator after the export"


# -- cells a spreadsheet would run as formulas (CSV injection) ----------------------

# Every start a spreadsheet reads as a formula, and quotes: the escape's own character.
HOSTILE_STARTS = ["=", "+", "-", "@", "\t", "\r", "'", "''", "'=", "'x"]


def hostile(prefix, n):
    return f'{prefix}HYPERLINK("https://evil.example/{n}","open")'


def hostile_collection(prefix):
    """An artifact with two images and a photograph whose every text column, image
    text and citation locator starts with ``prefix``."""
    counter = iter(range(1000))
    # The import trims one-line cells (accession numbers, rooms) and the items of a
    # list (image texts, locators): a leading tab or return cannot be kept there,
    # escaped or not, so those get the prefix without its white space.
    trimmed = prefix.strip()

    def fill(obj, model):
        for f in field_columns(model):
            if f.choices or not isinstance(f, (models.CharField, models.TextField)):
                continue
            if isinstance(f, models.URLField):
                continue  # a formula is no URL: the import rightly refuses it
            if isinstance(f, models.SlugField):
                value = f"{prefix}slug-{next(counter)}" if prefix == "-" else None
            elif not isinstance(f, models.TextField):
                value = hostile(trimmed, next(counter))[: f.max_length]
            else:
                value = hostile(prefix, next(counter))
            if value is not None:
                setattr(obj, f.name, value)
        obj.save()

    source = make_source(key="archive")
    artifact = make_artifact(
        with_image=False, status=Status.DRAFT, year_from=-500, year_to=-400
    )
    fill(artifact, Artifact)
    for position in (0, 1):
        ArtifactImage.objects.create(
            artifact=artifact,
            image=uploaded_image(f"view-{position}.jpg", color=(position, 9, 9)),
            position=position,
            **{
                name: hostile(trimmed, next(counter))
                for name in ("alt_text_en", "alt_text_zh_hans")
                + ("caption_en", "caption_zh_hans")
            },
        )
    cite(artifact, source, hostile(trimmed, next(counter)))
    photograph = make_photograph(status=Status.DRAFT)
    fill(photograph, Photograph)
    cite(photograph, source, hostile(trimmed, next(counter)))


@pytest.mark.parametrize("prefix", HOSTILE_STARTS, ids=repr)
def test_formula_cells_are_neutralised_and_come_back_exactly(prefix, tmp_path):
    hostile_collection(prefix)
    before = collection_state()
    texts = [
        value
        for record in (*before["artifacts"].values(), *before["photographs"].values())
        for value in record.values()
        if isinstance(value, str)
    ]
    assert sum(value.startswith(prefix) for value in texts) >= 30
    call_command("export_collection", tmp_path, stdout=StringIO())

    with (tmp_path / "collection.csv").open(encoding="utf-8-sig", newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    formulas = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert formulas == []
    assert any(cell.startswith("'") for cell in cells)

    empty_the_catalogue()
    problems = StringIO()
    try:
        call_command(
            "import_collection",
            tmp_path / "collection.csv",
            images=tmp_path / "images",
            stdout=StringIO(),
            stderr=problems,
        )
    except CommandError:
        pytest.fail(problems.getvalue())
    after = collection_state()
    for part in before:
        assert after[part] == before[part], part
