"""load_exhibition: loads what the files hold, idempotently, keeping curators' edits."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Artifact, Citation, Person, Photograph, Role, Source
from exhibition.demo.loader import ContentError, load_exhibition, read_content
from exhibition.models import Exhibition, Section, SectionItem

SAMPLE = Path(__file__).parent / "sample_content"
pytestmark = pytest.mark.django_db


def media_files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


@pytest.fixture
def sample(tmp_path):
    """A writable copy of the sample content, for tests that change the files."""
    target = tmp_path / "content"
    shutil.copytree(SAMPLE, target)
    return target


def test_loads_every_record_in_the_files():
    content = read_content(SAMPLE)
    load_exhibition(SAMPLE)

    assert Source.objects.count() == len(content["sources"])
    assert Role.objects.count() == len(content["roles"])
    assert Person.objects.count() == len(content["people"])
    assert Artifact.objects.count() == len(content["artifacts"])
    assert Photograph.objects.count() == len(content["photographs"])
    assert Section.objects.count() == len(content["sections"])
    assert Exhibition.objects.published().get().title_zh_hans == "示例展览"


def test_loaded_records_carry_both_languages_sources_and_disputes():
    load_exhibition(SAMPLE)
    pilot = Person.objects.get(slug="pilot-one")
    assert pilot.name_en == "Pilot One" and pilot.name_zh_hans == "飞行员甲"
    assert pilot.disputed and "warship" in pilot.disputed_note_en
    assert "撞向敌舰" in pilot.disputed_note_zh_hans
    assert [c.source.key for c in pilot.citations.all()] == ["news", "paper"]
    assert [c.locator for c in pilot.citations.all()] == ["para 1", "§4.1"]
    assert list(pilot.groups.values_list("slug", flat=True)) == ["volunteers"]
    assert sorted(pilot.roles.values_list("slug", flat=True)) == ["commander", "pilot"]


def test_artifacts_get_ordered_placeholder_images_with_alt_text():
    load_exhibition(SAMPLE)
    artifact = Artifact.objects.get(accession_number="T-A-001")
    images = list(artifact.images.all())
    assert [image.caption_en for image in images] == ["Front", "Back"]
    assert all(image.alt_text_en and image.alt_text_zh_hans for image in images)
    assert all(image.width == 1600 and image.height == 1200 for image in images)
    assert "placeholder" in artifact.credit_line_en


def test_records_hang_in_their_sections_in_order():
    load_exhibition(SAMPLE)
    military = Section.objects.get(slug="military")
    assert [str(item.record.slug) for item in military.items.all()] == [
        "salvaged-engine-part",
        "bomber-salvaged",
    ]
    support = Section.objects.get(slug="support")
    assert [item.artifact.slug for item in support.items.all()] == [
        "salvaged-engine-part"
    ]


def test_running_twice_changes_nothing(isolated_media):
    load_exhibition(SAMPLE)
    files = media_files(isolated_media)
    counts = [m.objects.count() for m in (Person, Artifact, Citation, SectionItem)]

    report = load_exhibition(SAMPLE)

    assert media_files(isolated_media) == files
    assert [m.objects.count() for m in (Person, Artifact, Citation, SectionItem)] == (
        counts
    )
    assert {outcome for _, outcome in report.counts} == {"unchanged"}


def test_a_changed_file_updates_records_nobody_edited(sample):
    load_exhibition(sample)
    path = sample / "artifacts.toml"
    path.write_text(
        path.read_text().replace("Salvaged engine part", "Salvaged engine cowling")
    )

    report = load_exhibition(sample)

    assert Artifact.objects.get().title_en == "Salvaged engine cowling"
    assert report.counts[("catalog.Artifact", "updated")] == 1


def test_the_exhibition_notice_is_loaded_in_both_languages_and_updated(sample):
    load_exhibition(sample)
    exhibition = Exhibition.objects.get()
    assert exhibition.notice_en == "The records here are illustrative."
    assert exhibition.notice_zh_hans == "此处记录均为示意。"
    path = sample / "exhibition.toml"
    path.write_text(path.read_text().replace("are illustrative.", "are composed."))

    load_exhibition(sample)

    assert Exhibition.objects.get().notice_en == "The records here are composed."


def test_a_key_dropped_from_the_files_clears_the_field_nobody_edited(sample):
    load_exhibition(sample)
    assert Artifact.objects.get().case == "S8-C01"
    path = sample / "artifacts.toml"
    text = path.read_text()
    path.write_text(
        text.replace('dimensions = "40 × 30 cm"\n', "").replace('case = "S8-C01"\n', "")
    )

    report = load_exhibition(sample)

    artifact = Artifact.objects.get()
    assert (artifact.dimensions, artifact.case) == ("", "")
    assert report.counts[("catalog.Artifact", "updated")] == 1


def test_a_key_dropped_from_the_files_leaves_a_curators_edit_alone(sample):
    load_exhibition(sample)
    artifact = Artifact.objects.get()
    artifact.case = "S8-C09 (curator)"
    artifact.save()
    path = sample / "artifacts.toml"
    path.write_text(path.read_text().replace('case = "S8-C01"\n', ""))

    report = load_exhibition(sample)

    assert Artifact.objects.get().case == "S8-C09 (curator)"
    assert report.kept == ["catalog.Artifact T-A-001"]


def test_a_curators_edit_is_never_overwritten(sample):
    load_exhibition(sample)
    artifact = Artifact.objects.get()
    artifact.title_en = "Engine part (curator's title)"
    artifact.save()
    path = sample / "artifacts.toml"
    path.write_text(
        path.read_text().replace("Salvaged engine part", "Salvaged engine cowling")
    )

    report = load_exhibition(sample)

    assert Artifact.objects.get().title_en == "Engine part (curator's title)"
    assert report.kept == ["catalog.Artifact T-A-001"]


def test_a_curators_new_order_survives_a_reload(sample):
    load_exhibition(sample)
    military = Section.objects.get(slug="military")
    first, second = military.items.all()
    first.position, second.position = 2, 1
    first.save(), second.save()

    load_exhibition(sample)

    assert [item.pk for item in military.items.all()] == [second.pk, first.pk]


def test_unknown_references_are_all_reported_and_nothing_is_written(sample):
    path = sample / "artifacts.toml"
    text = path.read_text()
    text = text.replace('people = ["pilot-one"]', 'people = ["nobody"]')
    text = text.replace('section = "military"', 'section = "nowhere"')
    path.write_text(text)

    with pytest.raises(ContentError) as error:
        load_exhibition(sample)

    assert "unknown person 'nobody'" in str(error.value)
    assert "unknown section 'nowhere'" in str(error.value)
    assert not Person.objects.exists()


def test_the_command_reports_bad_files_clearly(sample):
    (sample / "people.toml").write_text("this is = = not toml")
    with pytest.raises(CommandError, match="people.toml"):
        call_command("load_exhibition", path=str(sample))
