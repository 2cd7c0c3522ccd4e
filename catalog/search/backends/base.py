"""What a search backend does: find the entries that match a query, ranked."""

from django.db.models import Case, IntegerField, Q, Value, When

from catalog.models import SearchEntry
from catalog.models.search import Kind

# Before rank: the accession number typed exactly, then a biography one of whose
# names holds the words typed, whole and in order (the person, ahead of the
# records that mention them).
EXACT_ACCESSION, NAMED_PERSON, OTHER = 2, 1, 0


class SearchBackend:
    """Subclasses turn a ``Query`` into their engine's match and rank."""

    def __init__(self, using="default"):
        self.using = using

    def entries(self):
        return SearchEntry.objects.using(self.using)

    def matching(self, query):
        """Entries matching every term of ``query`` (or its accession number),
        annotated with ``rank`` (higher is better) and ``priority`` (see above).
        Unordered: filter and count it, then ``ranked()``."""
        if not query:
            return self.entries().none()
        return self.match(self.entries(), query).annotate(
            priority=self.priority(query), rank=self.rank(query)
        )

    @staticmethod
    def priority(query):
        cases = []
        if query.accession:
            cases.append(When(accession=query.accession, then=Value(EXACT_ACCESSION)))
        if query.name:
            named = Q(kind=Kind.PERSON, names_key__contains=query.name)
            cases.append(When(named, then=Value(NAMED_PERSON)))
        return Case(*cases, default=Value(OTHER), output_field=IntegerField())

    @staticmethod
    def ranked(entries):
        """By priority, then by rank; ties in a stable order."""
        return entries.order_by("-priority", "-rank", "kind", "record_id")

    def match(self, entries, query):
        raise NotImplementedError

    def rank(self, query):
        raise NotImplementedError
