"""Keeping the search index in step with the catalogue: on every save (signals), in
bulk (``reindex``, ``reindex_records``: an import, the benchmark's synthetic
collection), and all at once (``rebuild``)."""

from collections import defaultdict

from django.db import transaction

from catalog.models import SearchEntry
from catalog.search.documents import DOCUMENTS, KIND_OF

BATCH = 1000


def kind_of(model):
    return KIND_OF[model._meta.concrete_model]


def reindex(model, pks, batch=BATCH):
    """Bring the entries of ``model``'s records ``pks`` up to date: published ones
    are (re)written, any other (draft, withdrawn, deleted) leaves the index."""
    kind = kind_of(model)
    _model, read, make_entry = DOCUMENTS[kind]
    pks = sorted(set(pks))
    with transaction.atomic():
        for start in range(0, len(pks), batch):
            chunk = pks[start : start + batch]
            SearchEntry.objects.filter(kind=kind, record_id__in=chunk).delete()
            SearchEntry.objects.bulk_create(
                [make_entry(record) for record in read().filter(pk__in=chunk)],
                batch_size=batch,
            )


def rebuild(batch=BATCH):
    """Rewrite the whole index from the published catalogue; returns entry counts."""
    counts = {}
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for kind, (model, _read, _entry) in DOCUMENTS.items():
            pks = list(model.objects.published().values_list("pk", flat=True))
            reindex(model, pks, batch=batch)
            counts[kind] = len(pks)
    return counts


def index_needs_building():
    """True when the index is empty but something is published (a fresh migrate of
    an existing catalogue)."""
    if SearchEntry.objects.exists():
        return False
    return any(model.objects.published().exists() for model in KIND_OF)


def reindex_records(records):
    """``reindex`` for a mix of saved records (an import's rows), one batch per kind."""
    pks = defaultdict(set)
    for record in records:
        pks[type(record)._meta.concrete_model].add(record.pk)
    for model, chosen in pks.items():
        reindex(model, chosen)
