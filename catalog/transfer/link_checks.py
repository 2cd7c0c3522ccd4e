"""Checking what a row links to: people, sections, citations and images. Each
function takes what it checks against and the list its problems go to."""

from django.utils.translation import gettext as _

from catalog.models import Artifact, Photograph
from catalog.transfer.columns import split_list
from catalog.transfer.rows import note


def check_people(number, value, people, problems):
    """The slugs of the people ``value`` names; ``people``: slug or name → slug."""
    found = []
    for name in split_list(value):
        slug = people.get(name) or people.get(name.lower())
        if slug is None:
            note(
                problems,
                number,
                "people",
                _("Unknown person “%(name)s”.") % {"name": name},
            )
        else:
            found.append(slug)
    return found


def check_sections(number, value, resolve, problems):
    """The sections ``value`` names; ``resolve(name)``: the section or None, or
    ``resolve`` None where this import cannot set sections."""
    names = split_list(value)
    if names and resolve is None:
        note(problems, number, "sections", _("Sections cannot be set in this import."))
        return []
    found = []
    for name in names:
        section = resolve(name)
        if section is None:
            note(
                problems,
                number,
                "sections",
                _("Unknown section “%(name)s”.") % {"name": name},
            )
        else:
            found.append(section)
    return found


def check_citations(number, value, sources, problems):
    """[(source key, locator)] of ``value``; ``sources``: the keys that exist."""
    found = []
    for entry in split_list(value):
        key, _sep, locator = entry.partition(":")
        key = key.strip()
        if key not in sources:
            note(
                problems,
                number,
                "citations",
                _("Unknown source “%(key)s”.") % {"key": key},
            )
        else:
            found.append((key, locator.strip()))
    return found


IMAGE_TEXT_COLUMNS = (
    "alt_text_en",
    "alt_text_zh_hans",
    "image_caption_en",
    "image_caption_zh_hans",
)


def check_images(number, row, cells, images, problems):
    """Set ``row.images`` (names, their bytes read only when written) and an
    artifact's ``row.image_text``; ``images``: the import's ``ImageFolder``."""
    names = split_list(cells.get("images", ""))
    if row.model is Photograph:
        if len(names) > 1:
            note(problems, number, "images", _("A photograph has one image."))
        if not names and row.created:
            note(problems, number, "images", _("A new photograph needs an image."))
    if names:
        row.images = []
        for name in names:
            error = images.error(name)
            if error:
                note(problems, number, "images", error)
            else:
                row.images.append((name, None))
    if row.model is Artifact:
        row.image_text = {}
        for column in IMAGE_TEXT_COLUMNS:
            if column in cells:
                values = split_list(cells[column])
                if len(values) > len(names):
                    note(
                        problems,
                        number,
                        column,
                        _("More values than images (%(count)s).")
                        % {"count": len(names)},
                    )
                row.image_text[column] = values
