"""print_labels on the command line: names in, one PDF out; drafts refused."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from catalog.models import Status
from tests.factories import hang, make_artifact, make_photograph, make_section

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("print_labels", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_the_command_writes_one_page_per_label_and_panel(poppler, tmp_path):
    section = make_section()
    hang(section, make_artifact())
    photograph = make_photograph(slug="harbour")
    make_artifact(accession_number="A 1/2")
    output = tmp_path / "out.pdf"
    said = run(
        "--artifact", "A 1/2",
        "--photograph", "harbour",
        "--section", f"{section.exhibition.slug}/{section.slug}",
        "--base-url", "https://museum.example/",
        "--panel-template", "panel-a3",
        "-o", str(output),
    )  # fmt: skip
    assert said.startswith("4 pages written")
    assert output.read_bytes().startswith(b"%PDF")
    assert photograph.pk


def test_a_draft_is_refused_with_the_reason(tmp_path):
    make_artifact(accession_number="D-1", status=Status.DRAFT)
    with pytest.raises(CommandError, match="Not published.*D-1"):
        run(
            "--artifact",
            "D-1",
            "--base-url",
            "https://m.example",
            "-o",
            str(tmp_path / "x.pdf"),
        )
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_names_and_a_missing_base_url_are_refused(settings):
    settings.PUBLIC_BASE_URL = ""
    with pytest.raises(CommandError, match="NOPE"):
        run("--artifact", "NOPE", "--base-url", "https://m.example")
    with pytest.raises(CommandError, match="PUBLIC_BASE_URL"):
        run("--artifact", "NOPE")
    with pytest.raises(CommandError, match="Nothing to print"):
        run("--base-url", "https://m.example")
