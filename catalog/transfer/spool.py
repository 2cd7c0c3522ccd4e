"""Checked rows kept from the checking pass to the writing pass in a temporary
file, a chunk at a time, so that no row is parsed or checked twice and a file of
any length still never sits in memory.

Each row is kept compactly: its record's own values (not the model instance), its
links, and references to the few objects many rows share (terms, users,
sections), which stay in memory once each: a term or a section the import itself
creates gets its pk before the rows are written, and the rows see it."""

import pickle
import tempfile

from django.db.models.base import ModelState
from django.db.models.fields.files import FieldFile

from catalog.transfer.columns import KINDS
from catalog.transfer.rows import Row


class Shared:
    """The objects rows point to, each kept once and named by its index."""

    def __init__(self):
        self.objects = []
        self.index = {}

    def ref(self, obj):
        key = id(obj)
        if key not in self.index:
            self.index[key] = len(self.objects)
            self.objects.append(obj)
        return self.index[key]

    def get(self, ref):
        return self.objects[ref]


class RowSpool:
    """Chunks of checked rows written once and read back once, in order."""

    def __init__(self):
        self.file = None
        self.shared = Shared()
        self.rows = 0  # rows kept, over every chunk

    def add(self, rows, covered):
        """Keep ``rows`` (checked ``Row``s) of a chunk of ``covered`` CSV rows."""
        if self.file is None:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed in chunks)
        entries = [self.pack(row) for row in rows]
        pickle.dump((covered, entries), self.file, pickle.HIGHEST_PROTOCOL)
        self.rows += len(entries)

    def chunks(self, database):
        """(CSV rows covered, restored ``Row``s) for each chunk ``add`` kept."""
        if self.file is None:
            return
        self.file.seek(0)
        try:
            while True:
                try:
                    covered, entries = pickle.load(self.file)
                except EOFError:
                    break
                yield covered, [self.unpack(entry, database) for entry in entries]
        finally:
            self.close()

    def close(self):
        if self.file is not None:
            self.file.close()
            self.file = None

    def pack(self, row):
        record = row.record
        values = {}
        for name, value in record.__dict__.items():
            if name == "_state":
                continue
            values[name] = value.name if isinstance(value, FieldFile) else value
        related = {
            name: self.shared.ref(obj)
            for name, obj in record._state.fields_cache.items()
            if obj is not None
        }
        sections = None
        if row.sections is not None:
            sections = [self.shared.ref(section) for section in row.sections]
        images = None if row.images is None else [name for name, _d in row.images]
        return (
            row.number,
            row.kind,
            row.created,
            values,
            related,
            row.before,
            row.people,
            sections,
            row.citations,
            images,
            row.image_text,
        )

    def unpack(self, entry, database):
        (number, kind, created, values, related, before, people, sections) = entry[:8]
        citations, images, image_text = entry[8:]
        model = KINDS[kind]
        record = model.__new__(model)
        record.__dict__.update(values)
        record._state = ModelState()
        record._state.adding = created
        record._state.db = None if created else database
        for name, ref in related.items():
            setattr(record, name, self.shared.get(ref))  # its pk, if made since
        row = Row(number, kind, model, {}, record, created)
        row.before = before
        row.people = people
        if sections is not None:
            row.sections = [self.shared.get(ref) for ref in sections]
        row.citations = citations
        row.images = None if images is None else [(name, None) for name in images]
        row.image_text = image_text
        return row
