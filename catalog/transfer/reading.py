"""The import's first step: the files as given (bytes or paths) read into
``ImportFiles``. Nothing is checked against the catalogue yet."""

from pathlib import Path

from catalog.transfer.csv_file import CsvFile, ImportFileError
from catalog.transfer.images import ImageFolder
from catalog.transfer.json_file import parse_extras
from catalog.transfer.plan import ImportFiles
from catalog.transfer.rows import Problem


def read_files(csv_data, images=None, extras=None):
    """``csv_data``: the CSV as bytes or a path; ``images``: an ``ImageFolder``, a
    folder or a ZIP file; ``extras``: ``collection.json``, parsed or as bytes."""
    folder = images if isinstance(images, ImageFolder) else ImageFolder(images)
    extras_problems = []
    if isinstance(extras, (bytes, str)):
        extras, extras_problems = parse_extras(extras)
    files = ImportFiles(CsvFile(csv_data), folder, extras, extras_problems)
    try:
        files.csv.scan()
    except ImportFileError as error:
        files.csv_problem = Problem(error.row, error.column, str(error))
    return files


def read_extras(csv_path):
    """``collection.json`` beside the CSV, as written by the export, if present: its
    bytes, which the import parses and checks."""
    path = Path(csv_path).with_suffix(".json")
    if not path.exists():
        return None
    return path.read_bytes()
