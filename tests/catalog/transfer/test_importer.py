"""Importing a collection from CSV and images: check everything, then write it all."""

import csv
import io
import json
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.models import (
    Artifact,
    ArtifactImage,
    Nationality,
    ObjectType,
    Person,
    Photograph,
    Role,
    Status,
)
from catalog.transfer.exporter import export_collection
from catalog.transfer.importer import CsvImport, registered_sections
from tests.factories import (
    image_bytes,
    make_person,
    make_section,
    make_source,
    term,
)

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[3] / "catalog" / "sample_import"


@pytest.fixture
def world():
    """The people, sections, sources and terms the test rows refer to."""
    ObjectType.objects.all().delete()  # only these: seeds vary with earlier tests
    Nationality.objects.all().delete()
    for code in ("publication", "document", "instrument", "medal", "other"):
        term(ObjectType, code)
    for code in ("CA", "US", "GB"):
        term(Nationality, code)
    return {
        "person": make_person(
            slug="edgar-snow", name_en="Edgar Snow", name_zh_hans="埃德加·斯诺"
        ),
        "section": make_section(slug="reporting", title_en="Reporting"),
        "other": make_section(slug="rescue", title_zh_hans="救护·医疗"),
        "source": make_source(key="nmc"),
    }


@pytest.fixture
def images(tmp_path):
    folder = tmp_path / "images"
    folder.mkdir()
    for name, color in [("a.jpg", (10, 20, 30)), ("b.png", (200, 10, 10))]:
        fmt = "PNG" if name.endswith(".png") else "JPEG"
        (folder / name).write_bytes(image_bytes(color=color, image_format=fmt))
    (folder / "p.jpg").write_bytes(image_bytes(color=(1, 99, 1)))
    return folder


def csv_bytes(rows, encoding="utf-8", delimiter=","):
    header = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


ARTIFACT = {
    "kind": "artifact",
    "accession_number": "IMP-1",
    "object_type": "publication",
    "title_en": "Red Star",
    "title_zh_hans": "红星",
    "year_from": "1937",
    "people": "edgar-snow",
    "sections": "reporting",
    "citations": "nmc: p. 3",
    "images": "a.jpg|b.png",
    "alt_text_en": "Front|Back",
    "alt_text_zh_hans": "正面|背面",
}
PHOTOGRAPH = {
    "kind": "photograph",
    "slug": "snow-1936",
    "title_en": "Snow in 1936",
    "people": "埃德加·斯诺",
    "sections": "救护·医疗",
    "images": "p.jpg",
    "alt_text_en": "A man",
}


def run(data, images, **kwargs):
    return CsvImport(data, images, sections=registered_sections(), **kwargs).run()


def test_a_clean_file_imports_every_row_with_links_and_images(world, images):
    report = run(csv_bytes([ARTIFACT, PHOTOGRAPH]), images)
    assert report.ok, report.problems
    artifact = Artifact.objects.get(accession_number="IMP-1")
    assert artifact.status == Status.DRAFT
    assert artifact.slug == "red-star-imp-1"
    assert artifact.title_zh_hans == "红星" and artifact.year_from == 1937
    assert list(artifact.people.all()) == [world["person"]]
    assert [c.locator for c in artifact.citations.all()] == ["p. 3"]
    assert [(i.alt_text_en, i.alt_text_zh_hans) for i in artifact.images.all()] == [
        ("Front", "正面"),
        ("Back", "背面"),
    ]
    assert [item.section for item in artifact.section_items.all()] == [world["section"]]
    photograph = Photograph.objects.get(slug="snow-1936")
    assert list(photograph.people.all()) == [world["person"]]
    assert photograph.section_items.get().section == world["other"]
    assert (photograph.width, photograph.height) == (64, 48)
    assert dict(report.counts) == {
        ("artifact", "created"): 1,
        ("photograph", "created"): 1,
    }


def test_a_file_with_every_kind_of_error_reports_each_and_writes_nothing(world, images):
    (images / "broken.jpg").write_bytes(image_bytes()[:200])
    rows = [
        {**ARTIFACT, "sections": "nowhere"},  # row 2
        {**ARTIFACT, "people": "Nobody"},  # row 3: also a duplicate accession
        {**ARTIFACT, "accession_number": "IMP-2", "images": "missing.jpg"},  # row 4
        {**ARTIFACT, "accession_number": "IMP-3", "year_from": "c. 1937"},  # row 5
        {**PHOTOGRAPH, "images": "broken.jpg"},  # row 6
        {**PHOTOGRAPH, "slug": "x", "publish_at": "next week"},  # row 7
        {**PHOTOGRAPH, "slug": "y", "kind": "statue"},  # row 8
        {**ARTIFACT, "accession_number": "IMP-4", "citations": "nope: p. 1"},  # 9
        {
            **ARTIFACT,
            "accession_number": "IMP-5",
            "year_from": "1945",
            "year_to": "1937",
        },  # row 10
        {**ARTIFACT, "accession_number": "IMP-6", "object_type": "spaceship"},  # 11
    ]
    report = run(csv_bytes(rows), images)
    found = {(p.row, p.column): p.message for p in report.problems}
    expected = {
        (2, "sections"): "Unknown section “nowhere”",
        (3, "people"): "Unknown person “Nobody”",
        (3, "accession_number"): "Duplicate",
        (4, "images"): "Missing image “missing.jpg”",
        (5, "year_from"): "is not a year",
        (6, "images"): "Broken image “broken.jpg”",
        (7, "publish_at"): "is not a date",
        (8, "kind"): "is not a kind",
        (9, "citations"): "Unknown source “nope”",
        (10, "year_to"): "latest year is before the earliest",
        (11, "object_type"): "“spaceship” is not a known object type.",
    }
    for where, text in expected.items():
        assert where in found, (where, found)
        assert text in found[where], (where, found[where])
    assert not Artifact.objects.exists()
    assert not Photograph.objects.exists()
    assert not ArtifactImage.objects.exists()
    assert str(report.problems[0]).startswith("Row 2, column sections:")


def test_an_unknown_column_stops_the_import_before_any_row(world, images):
    report = run(csv_bytes([{**ARTIFACT, "titel_en": "typo"}]), images)
    assert [(p.row, p.column) for p in report.problems] == [(1, "titel_en")]


def test_reimporting_the_same_file_updates_instead_of_duplicating(world, images):
    data = csv_bytes([ARTIFACT, PHOTOGRAPH])
    run(data, images)
    first_images = list(ArtifactImage.objects.values_list("pk", "image"))
    report = run(data, images)
    assert dict(report.counts) == {
        ("artifact", "unchanged"): 1,
        ("photograph", "unchanged"): 1,
    }
    assert list(ArtifactImage.objects.values_list("pk", "image")) == first_images
    artifact = Artifact.objects.get()
    history_before = artifact.history.count()

    changed = csv_bytes(
        [
            {
                **ARTIFACT,
                "title_en": "Red Star Over China",
                "images": "b.png",
                "alt_text_en": "Front",
                "alt_text_zh_hans": "正面",
            },
            PHOTOGRAPH,
        ]
    )
    report = run(changed, images)
    assert report.counts[("artifact", "updated")] == 1
    assert Artifact.objects.count() == 1 and Photograph.objects.count() == 1
    artifact.refresh_from_db()
    assert artifact.title_en == "Red Star Over China"
    assert artifact.slug == "red-star-imp-1"  # the slug stays
    assert [i.alt_text_en for i in artifact.images.all()] == ["Front"]
    assert artifact.images.get().pk == first_images[1][0]  # b.png kept, a.jpg gone
    assert artifact.history.count() > history_before
    assert world["section"].items.count() == 1


def test_a_utf8_file_with_bom_and_crlf_from_excel_is_read(world, images):
    data = "\ufeff".encode() + csv_bytes([ARTIFACT]).replace(b"\n", b"\r\n")
    assert data.startswith(b"\xef\xbb\xbf")
    report = run(data, images)
    assert report.ok, report.problems
    assert Artifact.objects.get().title_zh_hans == "红星"


def test_a_semicolon_separated_file_is_read(world, images):
    report = run(csv_bytes([ARTIFACT], delimiter=";"), images)
    assert report.ok, report.problems


def test_a_chinese_only_row_is_imported(world, images):
    row = {
        "kind": "artifact",
        "accession_number": "ZH-1",
        "object_type": "document",
        "title_zh_hans": "战地日记",
        "description_zh_hans": "只有中文。",
        "people": "埃德加·斯诺",
        "sections": "救护·医疗",
        "images": "a.jpg",
        "alt_text_zh_hans": "日记封面",
    }
    report = run(csv_bytes([row]), images)
    assert report.ok, report.problems
    artifact = Artifact.objects.get()
    assert artifact.slug == "zh-1"
    assert artifact.title_en in ("", None)
    assert artifact.title_zh_hans == "战地日记"
    assert artifact.images.get().alt_text_zh_hans == "日记封面"


def test_a_file_that_is_not_utf8_is_refused_with_advice(world, images):
    report = run(csv_bytes([ARTIFACT], encoding="gbk"), images)
    assert "CSV UTF-8" in report.problems[0].message


def test_images_can_come_from_a_zip_file(world, images, tmp_path):
    archive = tmp_path / "images.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in images.iterdir():
            zipped.write(path, f"photos/{path.name}")
    report = run(csv_bytes([ARTIFACT, PHOTOGRAPH]), archive)
    assert report.ok, report.problems
    assert ArtifactImage.objects.count() == 2


def test_a_user_who_may_not_publish_cannot_import_published_records(
    world, images, django_user_model
):
    curator = django_user_model.objects.create_user(username="cur")
    curator.groups.add(Group.objects.get(name="Curator"))
    report = run(csv_bytes([{**ARTIFACT, "status": "published"}]), images, user=curator)
    assert [(p.row, p.column) for p in report.problems] == [(2, "status")]


# -- the command ----------------------------------------------------------------------


def test_command_dry_run_checks_and_writes_nothing(world, images, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes([ARTIFACT, PHOTOGRAPH]))
    out, err = StringIO(), StringIO()
    call_command(
        "import_collection", path, images=images, dry_run=True, stdout=out, stderr=err
    )
    assert "artifact: 1 to create" in out.getvalue()
    assert "checking [" in err.getvalue() and "2/2" in err.getvalue()
    assert not Artifact.objects.exists()


def test_command_imports_and_fails_loudly_on_problems(world, images, tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes([ARTIFACT]))
    out, err = StringIO(), StringIO()
    call_command("import_collection", path, images=images, stdout=out, stderr=err)
    assert "artifact: 1 created" in out.getvalue()
    assert "importing [" in err.getvalue()

    path.write_bytes(csv_bytes([{**ARTIFACT, "people": "Nobody"}]))
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_collection", path, images=images, stderr=err)
    assert "Row 2, column people: Unknown person “Nobody”." in err.getvalue()


def test_the_shipped_sample_imports_into_the_demo_exhibition():
    call_command("load_exhibition", stdout=StringIO())
    out = StringIO()
    call_command(
        "import_collection",
        SAMPLE / "collection.csv",
        images=SAMPLE / "images",
        stdout=out,
        stderr=StringIO(),
    )
    assert "artifact: 2 created" in out.getvalue()
    assert "photograph: 2 created" in out.getvalue()
    chinese_only = Artifact.objects.get(accession_number="SAMPLE-A-002")
    assert chinese_only.title_zh_hans == "红十字臂章（样例）"


# -- the admin page --------------------------------------------------------------------


def zip_upload(folder):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for path in folder.iterdir():
            zipped.write(path, path.name)
    return SimpleUploadedFile("images.zip", buffer.getvalue())


def streamed(response):
    return b"".join(response.streaming_content).decode()


def test_admin_import_page_streams_progress_and_imports(curator_client, world, images):
    url = reverse("admin:catalog_collectionimport_changelist")
    assert "Check and import" in curator_client.get(url).content.decode()
    response = curator_client.post(
        url,
        {
            "csv_file": SimpleUploadedFile(
                "rows.csv", csv_bytes([ARTIFACT, PHOTOGRAPH])
            ),
            "images": zip_upload(images),
        },
    )
    assert response.streaming
    page = streamed(response)
    assert '<progress max="2" value="2"></progress> Checking rows 2 / 2' in page
    assert "Importing 2 / 2" in page
    assert "Import complete." in page
    assert Artifact.objects.get().history.latest().history_user.username == "head"
    assert Photograph.objects.count() == 1


def test_admin_import_page_lists_problems_by_row_and_column(
    curator_client, world, images
):
    response = curator_client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {
            "csv_file": SimpleUploadedFile(
                "rows.csv", csv_bytes([{**ARTIFACT, "sections": "nowhere"}])
            ),
            "images": zip_upload(images),
        },
    )
    page = streamed(response)
    assert "1 problem found: nothing was imported." in page
    assert "<td>2</td><td>sections</td><td>Unknown section “nowhere”.</td>" in page
    assert not Artifact.objects.exists()


def test_admin_import_refuses_an_images_file_that_is_not_a_zip(curator_client):
    response = curator_client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {
            "csv_file": SimpleUploadedFile("rows.csv", csv_bytes([ARTIFACT])),
            "images": SimpleUploadedFile("images.zip", b"not a zip"),
        },
    )
    assert "This is not a ZIP file." in response.content.decode()


# -- collection.json: checked like the rows, before anything is written --------------

ROLE = {"slug": "doctor", "name_en": "Doctor", "name_zh_hans": "医生"}
BIOGRAPHY = {
    "slug": "bethune",
    "name_en": "Norman Bethune",
    "name_zh_hans": "白求恩",
    "nationalities": ["CA"],
    "birth_year": 1890,
    "roles": ["doctor"],
    "groups": [],
    "citations": [["nmc", "p. 9"]],
}


def collection_json(*people, roles=(ROLE,), sources=()):
    return {
        "format": "exhibition-cms-collection",
        "version": 1,
        "sources": list(sources),
        "roles": list(roles),
        "people": list(people),
    }


def export_folder(tmp_path, extras):
    """``collection.csv`` and ``collection.json`` side by side, as the export writes."""
    path = tmp_path / "collection.csv"
    path.write_bytes(csv_bytes([ARTIFACT]))
    text = extras if isinstance(extras, str) else json.dumps(extras)
    (tmp_path / "collection.json").write_text(text, encoding="utf-8")
    return path


def nothing_written():
    return not (
        Artifact.objects.exists()
        or Person.objects.exclude(slug="edgar-snow").exists()
        or Role.objects.exists()
    )


def test_a_checked_collection_json_imports_with_roles_groups_and_citations(
    world, images
):
    group = {"slug": "corps", "kind": "group", "name_en": "Corps", "nationalities": []}
    extras = collection_json({**BIOGRAPHY, "groups": ["corps"]}, group)
    report = run(csv_bytes([ARTIFACT]), images, extras=extras)
    assert report.ok, [str(p) for p in report.problems]
    bethune = Person.objects.get(slug="bethune")
    assert [n.code for n in bethune.nationalities.all()] == ["CA"]
    assert bethune.birth_year == 1890
    assert [r.slug for r in bethune.roles.all()] == ["doctor"]
    assert [g.slug for g in bethune.groups.all()] == ["corps"]
    assert [c.locator for c in bethune.citations.all()] == ["p. 9"]


def test_a_place_given_as_nationality_is_refused_naming_biography_and_field(
    world, images
):
    extras = collection_json(
        {**BIOGRAPHY, "nationalities": ["London, United Kingdom"]},
    )
    report = run(csv_bytes([ARTIFACT]), images, extras=extras)
    messages = [str(p) for p in report.problems]
    assert messages == [
        "collection.json, biography 1 (slug “bethune”), field nationalities: "
        "“London, United Kingdom” is not a known nationality or culture. Known: "
        "CA, GB, US."
    ], messages
    assert nothing_written()


def test_command_refuses_a_birth_year_that_is_not_a_year_with_a_message(
    world, images, tmp_path
):
    path = export_folder(
        tmp_path, collection_json({**BIOGRAPHY, "birth_year": "not a year"})
    )
    err = StringIO()
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_collection", path, images=images, stderr=err)
    assert (
        "collection.json, biography 1 (slug “bethune”), field birth_year: "
        "“not a year” is not a whole number." in err.getvalue()
    ), err.getvalue()
    assert nothing_written()


def test_admin_import_page_refuses_a_birth_year_that_is_not_a_year(
    curator_client, world, images
):
    extras = collection_json({**BIOGRAPHY, "birth_year": "not a year"})
    response = curator_client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {
            "csv_file": SimpleUploadedFile("rows.csv", csv_bytes([ARTIFACT])),
            "images": zip_upload(images),
            "extras": SimpleUploadedFile(
                "collection.json", json.dumps(extras).encode()
            ),
        },
    )
    page = streamed(response)
    assert "1 problem found: nothing was imported." in page
    assert (
        "<td>collection.json, biography 1 (slug “bethune”)</td><td>birth_year</td>"
        "<td>“not a year” is not a whole number.</td>" in page
    ), page
    assert nothing_written()


def test_command_reports_a_malformed_collection_json_with_the_csv_problems(
    world, images, tmp_path
):
    path = export_folder(tmp_path, '{"people": [{"slug": "bethune",}]}')
    path.write_bytes(csv_bytes([{**ARTIFACT, "people": "Nobody"}]))
    err = StringIO()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_collection", path, images=images, stderr=err)
    assert (
        "collection.json: The file is not valid JSON "
        "(line 1, column 32: Expecting property name enclosed in double quotes)."
        in err.getvalue()
    ), err.getvalue()
    assert "Row 2, column people: Unknown person “Nobody”." in err.getvalue()
    assert nothing_written()


def test_admin_import_page_reports_a_malformed_collection_json(
    curator_client, world, images
):
    response = curator_client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {
            "csv_file": SimpleUploadedFile("rows.csv", csv_bytes([ARTIFACT])),
            "images": zip_upload(images),
            "extras": SimpleUploadedFile("collection.json", b'{"people": ['),
        },
    )
    page = streamed(response)
    assert "1 problem found: nothing was imported." in page
    assert "<td>collection.json</td><td>—</td><td>The file is not valid JSON" in page
    assert nothing_written()


def test_collection_json_entries_of_the_wrong_type_are_reported_not_raised(
    world, images
):
    extras = {
        **collection_json(
            {
                **BIOGRAPHY,
                "birth_year": [1890],
                "featured": "yes",
                "roles": "doctor",
                "published_at": "last spring",
                "name_en": 7,
            },
            "bethune",
        ),
        "sources": {"key": "nmc"},
    }
    report = run(csv_bytes([ARTIFACT]), images, extras=extras)
    found = {(p.row, p.column): p.message for p in report.problems}
    person = "collection.json, biography 1 (slug “bethune”)"
    assert found == {
        ("collection.json", "sources"): "This must be a list.",
        (person, "birth_year"): "“[1890]” is not a whole number.",
        (person, "featured"): "Write true or false.",
        (person, "roles"): "This must be a list.",
        (person, "published_at"): (
            "“last spring” is not a date and time (use 2025-09-03 10:00)."
        ),
        (person, "name_en"): "This must be text.",
        ("collection.json, biography 2", ""): "This must be an object.",
    }, found
    assert nothing_written()


def test_unknown_keys_and_references_in_collection_json_are_reported(world, images):
    extras = {
        **collection_json(
            {
                **BIOGRAPHY,
                "birthyear": 1890,
                "roles": ["surgeon"],
                "groups": ["edgar-snow", "nobody"],
                "citations": [["nope", "p. 1"], "nmc"],
                "portrait": "missing.jpg",
                "status": "published",
            },
            {**BIOGRAPHY, "name_en": "Again"},
            roles=[ROLE, {"slug": "doctor", "name_en": "Doctor"}],
        ),
        "sections": [],
    }
    curator = Group.objects.get(name="Curator").user_set.create(username="cur")
    report = run(csv_bytes([ARTIFACT]), images, extras=extras, user=curator)
    found = {(p.row, p.column): p.message for p in report.problems}
    person = "collection.json, biography 1 (slug “bethune”)"
    assert found == {
        ("collection.json", "sections"): "Unknown key.",
        ("collection.json, role 2 (slug “doctor”)", "slug"): (
            "Duplicate: “doctor” is already in an earlier entry."
        ),
        (person, "birthyear"): "Unknown key.",
        (person, "roles"): "Unknown role “surgeon”.",
        (person, "groups"): "“edgar-snow” is not a group.",
        (person, "citations"): "Unknown source “nope”.",
        (person, "portrait"): "Missing image “missing.jpg”: no such file.",
        (person, "status"): "You may not import records as published.",
        ("collection.json, biography 2 (slug “bethune”)", "slug"): (
            "Duplicate: “bethune” is already in an earlier entry."
        ),
    }, found
    assert nothing_written()


def test_the_exports_formula_escape_is_undone_and_a_typed_quote_kept(world, images):
    rows = [
        {**ARTIFACT, "title_en": "'=SUM(A1)", "description_en": "'Tis a quote"},
        {**PHOTOGRAPH, "title_en": "''=quoted", "caption_en": "'-500"},
    ]
    report = run(csv_bytes(rows), images)
    assert report.ok, report.problems
    artifact = Artifact.objects.get(accession_number="IMP-1")
    assert (artifact.title_en, artifact.description_en) == ("=SUM(A1)", "'Tis a quote")
    photograph = Photograph.objects.get(slug="snow-1936")
    assert (photograph.title_en, photograph.caption_en) == ("'=quoted", "-500")


# -- a real catalogue: gaps, long titles, repeated problems, cells no form allows -----

TYPES = ("publication", "document", "instrument", "medal", "other")


def catalogue(count, types=TYPES):
    """Rows shaped like a public museum's catalogue: every seventh work of unknown
    type, every third without a year, titles from a few words to 320 characters,
    Chinese titles on half, descriptions with commas, quotes and line breaks."""
    rows = []
    for n in range(count):
        year = 1880 + n % 120
        rows.append(
            {
                "kind": "artifact",
                "accession_number": f"{1950 + n % 70}.{n}",
                "object_type": "" if n % 7 == 3 else types[n % len(types)],
                "title_en": (f"Work {n}: " + "letter, with envelope; " * (n % 16))[
                    :320
                ],
                "title_zh_hans": f"藏品{n}" if n % 2 else "",
                "year_from": "" if n % 3 == 0 else str(year),
                "date_display_en": "" if n % 3 == 0 else f"c. {year}",
                "description_en": (
                    'Given by the family, "with thanks",\nin two parts.'
                    if n % 4 == 0
                    else ""
                ),
            }
        )
    return rows


def test_a_catalogue_with_gaps_imports_works_of_unknown_type_and_exports_them_blank(
    world, tmp_path
):
    rows = catalogue(300)
    report = run(csv_bytes(rows), None)
    assert report.ok, [str(p) for p in report.problems[:5]]
    assert Artifact.objects.count() == 300
    untyped = {row["accession_number"] for row in rows if not row["object_type"]}
    assert len(untyped) == 43
    assert (
        set(
            Artifact.objects.filter(object_type=None).values_list(
                "accession_number", flat=True
            )
        )
        == untyped
    )
    assert (
        max(len(title) for title in Artifact.objects.values_list("title_en", flat=True))
        == 320
    )

    export_collection(tmp_path)
    with (tmp_path / "collection.csv").open(encoding="utf-8-sig", newline="") as f:
        exported = {row["accession_number"]: row for row in csv.DictReader(f)}
    assert {
        number for number, row in exported.items() if not row["object_type"]
    } == untyped
    again = run((tmp_path / "collection.csv").read_bytes(), tmp_path / "images")
    assert again.ok, [str(p) for p in again.problems[:5]]
    assert dict(again.counts) == {("artifact", "unchanged"): 300}


def unknown_types(count):
    """A first try before the option that creates terms: most rows name a type the
    catalogue lacks (two spellings), one names an unknown person."""
    rows = catalogue(count, types=("on paper, unique", "on paper, unique", "document"))
    rows[5]["object_type"] = "Silver"
    rows[8]["people"] = "Nobody"
    return rows


def test_command_reports_each_repeated_problem_once_with_its_count_and_rows(
    world, tmp_path
):
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes(unknown_types(300)))
    err = StringIO()
    with pytest.raises(CommandError, match="173 problems found; nothing was imported"):
        call_command("import_collection", path, stdout=StringIO(), stderr=err)
    known = "Known: document, instrument, medal, other, publication."
    lines = err.getvalue().partition(" left \n")[2].splitlines()  # after the bar
    assert lines == [
        "171 rows (2–3, 6, 8–9, 11, 14–15, 17–18, 20–21, 23–24, …), column "
        f"object_type: “on paper, unique” is not a known object type. {known}",
        f"Row 7, column object_type: “Silver” is not a known object type. {known}",
        "Row 10, column people: Unknown person “Nobody”.",
    ]


def test_admin_import_page_lists_repeated_problems_once_and_caps_the_rest(
    curator_client, world
):
    """Two thousand bad rows: each names the same unknown type and a year of its
    own. The page lists the type once, the first years, and counts the rest."""
    rows = catalogue(2000, types=("on paper, unique",))
    for n, row in enumerate(rows):
        row.update(object_type="on paper, unique", year_from=f"c. {n}")
    response = curator_client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {"csv_file": SimpleUploadedFile("rows.csv", csv_bytes(rows))},
    )
    page = streamed(response)
    assert "4000 problems found: nothing was imported." in page
    assert (
        "<td>2,000 rows (2–2001)</td><td>object_type</td>"
        "<td>“on paper, unique” is not a known object type." in page
    )
    assert "<td>2</td><td>year_from</td><td>“c. 0” is not a year.</td>" in page
    assert page.count("is not a year.") == 99
    assert "…and 1,901 more problems, not listed." in page
    assert len(page) < 60_000  # listed in full, the page would be 800 kB
    assert page.rstrip().endswith("</html>")
    assert not Artifact.objects.exists()


def test_a_cell_longer_than_the_csv_module_reads_is_refused_naming_row_and_column(
    curator_client, world
):
    rows = catalogue(5)
    rows[3]["description_en"] = "A very long description, " * 6000  # 150,000 chars
    report = run(csv_bytes(rows), None)
    assert [str(p) for p in report.problems] == [
        "Row 5, column description_en: This cell holds more than 131,072 "
        "characters, the most a cell may hold: shorten it."
    ]
    response = curator_client.post(
        reverse("admin:catalog_collectionimport_changelist"),
        {"csv_file": SimpleUploadedFile("rows.csv", csv_bytes(rows))},
    )
    page = streamed(response)
    assert "1 problem found: nothing was imported." in page
    assert "<td>5</td><td>description_en</td><td>This cell holds more" in page
    assert page.rstrip().endswith("</html>")
    assert not Artifact.objects.exists()


def test_a_nul_character_in_a_cell_is_refused_naming_row_and_column(world):
    rows = catalogue(5, types=("document",))
    rows[3]["object_type"] = "document"
    rows[1]["title_en"] = "Letter\x00 to a friend"
    rows[3]["accession_number"] = "1953.3\x00"
    report = run(csv_bytes(rows), None)
    message = (
        "This cell holds a NUL character (an invisible control character the "
        "catalogue cannot store): remove it."
    )
    assert [str(p) for p in report.problems] == [
        f"Row 3, column title_en: {message}",
        f"Row 5, column accession_number: {message}",
    ]
    assert not Artifact.objects.exists()
