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

    def slugs_for(self, record):
        """The slugs of the sections ``record`` hangs in, in a stable order."""
        raise NotImplementedError


_registered_sections = None


def register_sections(directory):
    global _registered_sections
    _registered_sections = directory


def registered_sections():
    return _registered_sections
