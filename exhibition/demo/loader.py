"""Load the shipped museum and exhibitions from the TOML files in
``exhibition/demo/content/``.

Idempotent: each record's data is fingerprinted, and a record is written only when
it is new, or when its data changed and no curator has edited it since the last
load. A curator's edit always wins; the report says which records were kept.
"""

from django.db import transaction

from exhibition.demo.audio import AudioLoading
from exhibition.demo.exhibitions import ExhibitionLoading
from exhibition.demo.kiosks import KioskLoading
from exhibition.demo.reading import CONTENT_DIR, ContentError, read_content
from exhibition.demo.records import CatalogueLoading
from exhibition.demo.sync import LoadReport, RecordSync

__all__ = ["CONTENT_DIR", "ContentError", "Loader", "load_exhibition", "read_content"]


class Loader(
    CatalogueLoading, ExhibitionLoading, AudioLoading, KioskLoading, RecordSync
):
    """Loads the demo's data files, one kind of record after another."""


def load_exhibition(directory=CONTENT_DIR):
    """Load the museum and exhibitions in ``directory``; return a LoadReport."""
    content = read_content(directory)
    report = LoadReport()
    loader = Loader(content, report)
    with transaction.atomic():
        loader.load_museum()
        loader.load_sources()
        loader.load_roles()
        loader.load_people()
        loader.load_exhibition()
        loader.load_artifacts()
        loader.load_photographs()
        loader.load_placements()
        loader.load_audio()
        loader.load_kiosks()
    return report
