"""The labels' font: found through fontconfig (as WeasyPrint finds it), and checked
to hold every character printed, so no label ever shows an empty box."""

import functools
import shutil
import subprocess

from django.utils.translation import gettext

from exhibition.labels.sizes import FONT_FAMILY


class FontMissing(Exception):
    """The labels' font is not installed, or lacks characters the labels need."""


INSTALL_HINT = "Debian/Ubuntu: apt-get install fonts-noto-cjk"


@functools.cache
def font_file(family=FONT_FAMILY):
    """(path, index in a collection) of ``family``'s regular face, or FontMissing."""
    if not shutil.which("fc-match"):
        raise FontMissing(gettext("fontconfig (fc-match) is not installed."))
    found = subprocess.run(
        ["fc-match", "--format", "%{file}|%{index}|%{family}", f"{family}:regular"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    path, _sep, rest = found.partition("|")
    index, _sep, families = rest.partition("|")
    # fc-match always names some font: the closest it has may be another family.
    if family not in families.split(","):
        raise FontMissing(
            gettext("The font %(family)s is not installed (%(hint)s).")
            % {"family": family, "hint": INSTALL_HINT}
        )
    return path, int(index or 0)


@functools.cache
def characters(family=FONT_FAMILY):
    from fontTools.ttLib import TTFont

    path, index = font_file(family)
    return frozenset(TTFont(path, fontNumber=index, lazy=True).getBestCmap())


def check_coverage(texts, family=FONT_FAMILY):
    """Raise FontMissing naming any character of ``texts`` the font lacks."""
    have = characters(family)
    missing = sorted(
        {
            char
            for text in texts
            for char in text
            if not char.isspace() and ord(char) not in have
        }
    )
    if missing:
        raise FontMissing(
            gettext("The font %(family)s has no glyph for: %(characters)s")
            % {"family": family, "characters": " ".join(missing)}
        )
