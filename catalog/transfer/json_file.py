"""The ``collection.json`` file itself: its name and format, reading it, and how
a problem in it is reported."""

import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

FILE = "collection.json"
FORMAT = "exhibition-cms-collection"
VERSION = 1


@dataclass
class EntryProblem:
    """A problem in ``collection.json``: which entry, which key, why. Reads like a
    CSV ``Problem`` (``row``, ``column``), so the same report lists both."""

    entry: str
    key: str
    message: str

    @property
    def row(self):
        return self.entry

    @property
    def column(self):
        return self.key

    def __str__(self):
        if self.key:
            return _("%(entry)s, field %(field)s: %(message)s") % {
                "entry": self.entry,
                "field": self.key,
                "message": self.message,
            }
        return _("%(entry)s: %(message)s") % {
            "entry": self.entry,
            "message": self.message,
        }


def parse_extras(data):
    """``collection.json`` as bytes or text → (its content or None, problems)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, [EntryProblem(FILE, "", _("The file is not UTF-8 text."))]
    try:
        return json.loads(data), []
    except json.JSONDecodeError as error:
        message = _(
            "The file is not valid JSON (line %(line)s, column %(column)s: %(error)s)."
        ) % {"line": error.lineno, "column": error.colno, "error": error.msg}
        return None, [EntryProblem(FILE, "", message)]
    except RecursionError:
        return None, [EntryProblem(FILE, "", _("The file is nested too deeply."))]


def show(value):
    """A JSON value as the file writes it, for a message."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
