"""Headers of the published collection, in pages: one query per page, any size.

Live records (through each model's ``published()``) and tombstones are merged in
one ``UNION ALL`` ordered by (kind, id); a page continues after the last key the
previous page sent (keyset paging), so records published or withdrawn between two
pages neither repeat nor push others out of the list.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import BooleanField, CharField, F, Q, Value

from exhibition.interop.oai import sets
from exhibition.interop.oai.identifiers import KINDS, models
from exhibition.models import OaiTombstone

# Every column is an annotation, made in the same order in each part, so the parts
# of the UNION line up column by column.
COLUMNS = ("oai_kind", "oai_id", "oai_stamp", "oai_deleted", "oai_sets")


@dataclass(frozen=True)
class Entry:
    kind: str
    pk: int
    stamp: datetime
    deleted: bool
    stored_sets: str  # a tombstone's sets; live records' are looked up per page

    @property
    def key(self):
        return (self.kind, self.pk)


def _live(kind, window, set_spec, after):
    """``kind``'s published records in the request's window and set, or ``None``."""
    queryset = models()[kind].objects.published()
    if set_spec:
        membership = sets.members(kind, set_spec)
        if membership is None:
            return None
        queryset = queryset.filter(membership)
    if after is not None:
        if kind < after[0]:
            return None
        if kind == after[0]:
            queryset = queryset.filter(pk__gt=after[1])
    queryset = window.filter(queryset, "updated_at")
    return _columns(
        queryset,
        kind=Value(kind, output_field=CharField()),
        pk=F("pk"),
        stamp=F("updated_at"),
        deleted=Value(False, output_field=BooleanField()),
        stored_sets=Value("", output_field=CharField()),
    )


def _tombstones(window, set_spec, after):
    queryset = OaiTombstone.objects.all()
    if set_spec:
        queryset = queryset.filter(sets.stored_filter(set_spec))
    if after is not None:
        queryset = queryset.filter(
            Q(kind__gt=after[0]) | Q(kind=after[0], record_id__gt=after[1])
        )
    queryset = window.filter(queryset, "deleted_at")
    return _columns(
        queryset,
        kind=F("kind"),
        pk=F("record_id"),
        stamp=F("deleted_at"),
        deleted=Value(True, output_field=BooleanField()),
        stored_sets=F("set_specs"),
    )


def _columns(queryset, **expressions):
    """``queryset`` as the UNION's five columns, named as in ``COLUMNS``."""
    annotations = dict(zip(COLUMNS, expressions.values(), strict=True))
    if hasattr(queryset, "rewrite"):
        # modeltranslation's values_list() would pass the names through a set and
        # so select them in any order; the UNION needs them as listed.
        queryset = queryset.rewrite(False)
    return queryset.annotate(**annotations).order_by().values_list(*COLUMNS)


def entries(window, set_spec=None, after=None):
    """The matching entries after ``after`` (a key), as one unsliced query."""
    parts = [_live(kind, window, set_spec, after) for kind in KINDS]
    parts = [part for part in parts if part is not None]
    parts.append(_tombstones(window, set_spec, after))
    first, *others = parts
    return first.union(*others, all=True).order_by("oai_kind", "oai_id")


def page(window, set_spec, after, size):
    """Up to ``size`` entries, and whether more follow (one query)."""
    rows = list(entries(window, set_spec, after)[: size + 1])
    found = [
        Entry(kind, pk, stamp, bool(deleted), specs or "")
        for kind, pk, stamp, deleted, specs in rows
    ]
    return found[:size], len(found) > size


def count(window, set_spec):
    return entries(window, set_spec).count()
