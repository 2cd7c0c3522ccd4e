"""The import's CSV read as a stream, in chunks, as often as the import needs it,
so that a file of any length never sits in memory as rows; and how far an import
has got (rows per second, time left)."""

import csv
import io
import time
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from catalog.transfer.columns import restore


class ImportFileError(Exception):
    """The file cannot be read at all (not UTF-8, no header)."""


class CsvFile:
    """A CSV given as bytes or as a path: UTF-8 with or without BOM, comma-,
    semicolon- or tab-separated (whichever the header line uses most). Cells come
    back as they were before the export's formula escape (``neutralise``)."""

    def __init__(self, data):
        self.data = data
        self.header = []
        self.total = 0

    def _binary(self):
        if isinstance(self.data, (str, Path)):
            return open(self.data, "rb")  # noqa: SIM115 (closed by the caller)
        return io.BytesIO(self.data)

    def _reader(self, binary):
        first_line = binary.readline().decode("utf-8", "replace")
        binary.seek(0)
        delimiter = max(",;\t", key=first_line.count)
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        return csv.reader(text, delimiter=delimiter)

    def scan(self):
        """Read the whole file once: is it UTF-8, what is its header, how many rows
        follow it. Raises ``ImportFileError``."""
        with self._binary() as binary:
            reader = self._reader(binary)
            try:
                header = next(reader, None)
                total = sum(1 for _row in reader)
            except UnicodeDecodeError:
                raise ImportFileError(
                    _(
                        "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 "
                        "(Comma delimited)”."
                    )
                ) from None
        if header is None:
            raise ImportFileError(_("The file is empty."))
        self.header = [name.strip().lower() for name in header]
        self.total = total
        return self.header

    def chunks(self, size):
        """Lists of up to ``size`` (row number, cells by column) pairs; the row
        number as a spreadsheet shows it (the header is row 1)."""
        with self._binary() as binary:
            reader = self._reader(binary)
            next(reader, None)
            chunk = []
            for index, raw in enumerate(reader):
                cells = (restore(value) for value in raw)  # undo the formula escape
                chunk.append((index + 2, dict(zip(self.header, cells, strict=False))))
                if len(chunk) == size:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk


@dataclass
class Progress:
    """One step of an import: ``done`` of ``total`` rows in ``phase`` ("checking" or
    "importing"), at ``rate`` rows per second, ``left`` seconds to the phase's end."""

    done: int
    total: int
    phase: str
    rate: float = 0.0
    left: float = 0.0


class Clock:
    """Rows per second and time left of one phase, from when it started."""

    def __init__(self, phase, total):
        self.phase = phase
        self.total = total
        self.done = 0
        self.started = time.monotonic()

    def advance(self, rows):
        self.done = min(self.done + rows, self.total)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        return Progress(self.done, self.total, self.phase, rate, left)
