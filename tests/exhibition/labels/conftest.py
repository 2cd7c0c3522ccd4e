"""What the label tests need from the machine: poppler's pdftotext/pdftoppm and the
labels' font. Locally they skip without them; in CI (REQUIRE_SERVICES) they fail."""

import os
import shutil

import pytest

from exhibition.labels import fonts


def require(ok, what):
    if ok:
        return
    if os.environ.get("REQUIRE_SERVICES"):
        pytest.fail(f"{what} is required here (REQUIRE_SERVICES) but missing")
    pytest.skip(f"{what} is not installed")


@pytest.fixture
def poppler():
    require(shutil.which("pdftotext") and shutil.which("pdftoppm"), "poppler-utils")
    try:
        fonts.font_file()
    except fonts.FontMissing:
        require(False, "the labels' font (fonts-noto-cjk)")
