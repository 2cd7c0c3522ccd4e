"""The import's CSV read as a stream, in chunks, as often as the import needs it,
so that a file of any length never sits in memory as rows; and how far an import
has got (rows per second, time left)."""

import csv
import io
import itertools
import time
from dataclasses import dataclass
from pathlib import Path

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from catalog.transfer.columns import restore


class ImportFileError(Exception):
    """The file cannot be read at all (not UTF-8, no header), or not beyond a row
    (``row`` and ``column`` say where)."""

    def __init__(self, message, row=1, column=""):
        super().__init__(message)
        self.row = row
        self.column = column


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

    def _lines(self, binary):
        """The file's lines, as the CSV reader takes them, and its delimiter."""
        first_line = binary.readline().decode("utf-8", "replace")
        binary.seek(0)
        delimiter = max(",;\t", key=first_line.count)
        return io.TextIOWrapper(binary, encoding="utf-8-sig", newline=""), delimiter

    def _reader(self, binary):
        lines, delimiter = self._lines(binary)
        return csv.reader(lines, delimiter=delimiter)

    def scan(self):
        """Read the whole file once: is it UTF-8, what is its header, how many rows
        follow it. Raises ``ImportFileError``."""
        header, total, line = None, 0, 0  # ``line``: where the next row starts
        with self._binary() as binary:
            reader = self._reader(binary)
            try:
                header = next(reader, None)
                line = reader.line_num
                for _row in reader:
                    total += 1
                    line = reader.line_num
            except UnicodeDecodeError:
                raise ImportFileError(
                    _(
                        "The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 "
                        "(Comma delimited)”."
                    )
                ) from None
            except csv.Error as error:
                row = total + 2 if header is not None else 1
                raise self._unreadable(row, line, header, error) from None
        if header is None:
            raise ImportFileError(_("The file is empty."))
        self.header = [name.strip().lower() for name in header]
        self.total = total
        return self.header

    def _unreadable(self, row, line, header, error):
        """Why ``row``, starting on line ``line`` (0-based), cannot be read: a cell
        longer than the csv module takes, named by its column, or the module's own
        words."""
        limit = csv.field_size_limit()
        with self._binary() as binary:
            lines, delimiter = self._lines(binary)
            rest = itertools.islice(lines, line, None)
            index = oversized_cell(rest, delimiter, limit)
        if index is None:
            return ImportFileError(
                _("This row cannot be read as CSV (%(error)s).") % {"error": error},
                row,
            )
        names = header or []
        column = names[index].strip().lower() if index < len(names) else index + 1
        return ImportFileError(
            _(
                "This cell holds more than %(limit)s characters, the most a cell may "
                "hold: shorten it."
            )
            % {"limit": number_format(limit, force_grouping=True)},
            row,
            str(column),
        )

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


def oversized_cell(lines, delimiter, limit):
    """The position of the first cell longer than ``limit`` in the CSV row at the
    start of ``lines``, read as the csv module reads it (quotes, doubled quotes,
    line breaks inside quotes); None if it has none."""
    start, plain, quoted, quote = range(4)  # ``quote``: a quote in quotes
    state, index, length = start, 0, 0
    for text in lines:
        for char in text:
            if state == quoted:
                if char == '"':
                    state = quote  # the closing one, or the first of two
                    continue
            elif char == delimiter:
                state, index, length = start, index + 1, 0
                continue
            elif char in "\r\n":
                return None  # the row ends
            elif char == '"' and state == start:
                state = quoted
                continue
            elif char == '"' and state == quote:
                state = quoted  # a doubled quote: one quote in the cell
            else:
                state = plain
            length += 1
            if length > limit:
                return index
    return None


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
