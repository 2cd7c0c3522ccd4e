"""The curators' admin for the exhibition app: the museum, exhibitions and their
sections, kiosks."""

from exhibition.admin import exhibitions, kiosks, museum

__all__ = ["exhibitions", "kiosks", "museum"]
