"""Exhibitions and sections in the catalogue's ``collection.json``: written by its
export and read by its import, so a whole exhibition moves between installations."""
