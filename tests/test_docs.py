"""The documentation can be followed: links lead somewhere, the README stays a front
door, and every setting the code reads is in the configuration reference."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README_MAX_LINES = 220
# Where the code reads the environment: the settings package, the apps, their
# commands, and the measuring tools. A variable read there and missing from the
# reference is a setting nobody can find.
READS_THE_ENVIRONMENT = ("config", "staff", "catalog", "exhibition", "tests/bench")
REFERENCE = DOCS / "deployment.md"

# [text](target) and ![alt](target), not inside code: the target up to a space or ")".
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
CODE_SPAN = re.compile(r"`[^`\n]*`")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)
ENV_READ = re.compile(
    r"""(?:\benv(?:_bool|_list|_int)?|\brequire|os\.environ\.get|os\.getenv)"""
    r"""\(\s*["']([A-Z][A-Z0-9_]+)["']"""
    r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\]"""
)


def documents():
    return [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]


def prose(text):
    """The text a reader follows links in: code blocks and code spans left out."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def anchor(heading):
    """The id GitHub gives a heading: lower case, punctuation dropped, spaces as -."""
    text = CODE_SPAN.sub(lambda span: span.group(0).strip("`"), heading)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link: its text
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(path):
    found, seen = set(), {}
    for heading in HEADING.findall(FENCE.sub("", path.read_text(encoding="utf-8"))):
        slug = anchor(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def relative_links(path):
    for target in LINK.findall(prose(path.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
            continue  # http:, https:, mailto: — the web's, not ours
        yield target


def broken_links(path):
    for target in relative_links(path):
        file_part, _, fragment = target.partition("#")
        goal = (path.parent / file_part).resolve() if file_part else path
        if not goal.exists():
            yield f"{path.relative_to(ROOT)}: {target} (no such file)"
        elif fragment and goal.suffix == ".md" and fragment not in anchors(goal):
            yield f"{path.relative_to(ROOT)}: {target} (no such heading)"


@pytest.mark.parametrize(
    "path", documents(), ids=lambda path: str(path.relative_to(ROOT))
)
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(path):
    assert list(broken_links(path)) == []


def test_the_readme_is_a_short_front_door():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES


def test_the_readme_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in text and "make test" in text
    assert text.index("## Two commands") < text.index("## Configuration")


def test_the_documentation_index_lists_every_document():
    index = DOCS / "README.md"
    listed = {
        (index.parent / target.partition("#")[0]).resolve()
        for target in relative_links(index)
    }
    unlisted = [
        str(path.relative_to(ROOT))
        for path in sorted(DOCS.glob("*.md"))
        if path != index and path.resolve() not in listed
    ]
    assert unlisted == []


def variables_read():
    names = set()
    for package in READS_THE_ENVIRONMENT:
        for path in sorted((ROOT / package).rglob("*.py")):
            for match in ENV_READ.finditer(path.read_text(encoding="utf-8")):
                names.add(match.group(1) or match.group(2))
    return names


def variables_in_the_reference():
    rows = [
        line
        for line in REFERENCE.read_text(encoding="utf-8").splitlines()
        if line.startswith("|")
    ]
    first_cells = [row.split("|")[1] for row in rows]
    return {
        name for cell in first_cells for name in re.findall(r"`([A-Z0-9_]+)`", cell)
    }


def test_the_code_is_seen_reading_the_environment():
    # Guards the test below: a pattern that stopped matching would pass it vacuously.
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "CURATOR_PASSWORD"} <= variables_read()


def test_every_variable_the_code_reads_is_in_the_configuration_reference():
    missing = variables_read() - variables_in_the_reference()
    assert sorted(missing) == []
