"""Sections as the import and export see them: provided by the exhibition app,
which the catalogue never imports."""


class SectionDirectory:
    """What the importer and exporter need to know about sections. Subclassed in
    ``exhibition`` and registered with ``register_sections``.

    A directory may also own one top-level key of ``collection.json``
    (``file_key``): the export writes ``export_file()`` under it, and the import
    hands what it finds there to ``read_file()``, which returns a ``FilePart``."""

    file_key = None

    def resolve(self, value):
        """The section named by ``value`` (slug or title, either language), or None."""
        raise NotImplementedError

    def place(self, record, sections):
        """Hang ``record`` in each of ``sections`` it is not in yet (at the end)."""
        raise NotImplementedError

    def resolve_many(self, values):
        """``{value: section or None}`` for many values (one query is best)."""
        return {value: self.resolve(value) for value in values}

    def unplaced(self, placements):
        """Of ``[(record, sections)]``, the records missing from one of their
        sections; by default every record (``place`` leaves the others as they are)."""
        return [record for record, _sections in placements]

    def place_all(self, placements, positions=None):
        """``place`` each ``(record, sections)`` of a list (in few queries is best).
        ``positions``: a dict the caller keeps from one call to the next within a
        transaction, where a directory may remember each section's last position."""
        for record, sections in placements:
            self.place(record, sections)

    def slugs_for(self, record):
        """The slugs of the sections ``record`` hangs in, in a stable order."""
        raise NotImplementedError

    def export_file(self, copy_image):
        """The JSON value written under ``file_key``; ``copy_image(field_file,
        stem)`` puts a file into the export's images and returns its name."""
        raise NotImplementedError

    def read_file(self, value, context):
        """A ``FilePart`` for the value found under ``file_key``. ``context`` is the
        import: its ``images`` folder, ``image_error(name)`` and ``user``."""
        raise NotImplementedError


class FilePart:
    """One import's view of the directory's part of ``collection.json``: checked
    when read, written in two steps around the rows. Problems are
    ``EntryProblem``s in ``problems``."""

    problems = ()

    def resolve(self, value):
        """A section the file defines, named as a CSV row may name it, or None."""
        return None

    def check_records(self, provided):
        """Problems with references to records; ``provided`` maps "artifact" and
        "photograph" to the identifiers the CSV brings."""
        return []

    def write(self):
        """Before the rows: write what the records' rows may hang in."""

    def place(self):
        """After the rows: hang the records in the order the file gives."""

    def counts(self):
        """{(kind, outcome): count, …} for the report: what will be written
        ("to create", "to update") until ``place``, then what was."""
        return {}

    def kind_names(self):
        """{kind: verbose name} for the kinds ``counts`` uses."""
        return {}


_registered_sections = None


def register_sections(directory):
    global _registered_sections
    _registered_sections = directory


def registered_sections():
    return _registered_sections
