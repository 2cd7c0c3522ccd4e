"""Importing a collection from CSV and images: check everything, then write it all."""

import csv
import io
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.importer import CollectionImport, registered_sections
from catalog.models import Artifact, ArtifactImage, Photograph, Status
from tests.factories import image_bytes, make_person, make_section, make_source

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "catalog" / "sample_import"


@pytest.fixture
def world():
    """The people, sections and sources the test rows refer to."""
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
    return CollectionImport(
        data, images, sections=registered_sections(), **kwargs
    ).run()


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
        (11, "object_type"): "is not one of",
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
