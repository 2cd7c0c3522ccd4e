"""Sections as the import and export see them: provided by the exhibition app,
which the catalogue never imports."""


class SectionDirectory:
    """What the importer and exporter need to know about sections. Subclassed in
    ``exhibition`` and registered with ``register_sections``."""

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

    def place_all(self, placements):
        """``place`` each ``(record, sections)`` of a list (in few queries is best)."""
        for record, sections in placements:
            self.place(record, sections)

    def slugs_for(self, record):
        """The slugs of the sections ``record`` hangs in, in a stable order."""
        raise NotImplementedError


_registered_sections = None


def register_sections(directory):
    global _registered_sections
    _registered_sections = directory


def registered_sections():
    return _registered_sections
