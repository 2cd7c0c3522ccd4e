"""SQLite: an FTS5 table over the entries (porter stemming for English, Han text
already spelled out as grams), ranked by ``bm25`` with per-column weights."""

from django.db.models import F, FloatField, Func, Value

from catalog.search.backends.base import SearchBackend

# bm25 weights of the FTS5 columns: title, names, body.
WEIGHTS = (10.0, 4.0, 1.0)


def quoted(term):
    return '"' + term.replace('"', '""') + '"'


class SQLiteBackend(SearchBackend):
    @staticmethod
    def expression(query):
        """An FTS5 query: every term, or the accession number's token."""
        found = " AND ".join(quoted(term) for term in query.terms)
        if query.accession:
            token = quoted(query.accession_token)
            found = f"({found}) OR {token}" if found else token
        return found

    def match(self, entries, query):
        return entries.filter(fts__document__match=self.expression(query))

    def rank(self, query):
        # bm25 is better when lower; negate it so every backend ranks high first.
        return -Func(
            F("fts__document"),
            *(Value(weight) for weight in WEIGHTS),
            function="bm25",
            output_field=FloatField(),
        )
