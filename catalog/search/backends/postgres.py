"""PostgreSQL: the entries' weighted ``tsvector`` (GIN index), English stemming,
``ts_rank`` with the weights title > other names > descriptions."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

from catalog.search.backends.base import SearchBackend


class PostgresBackend(SearchBackend):
    @staticmethod
    def tsquery(query):
        """Every term (stemmed by the 'english' configuration, as the index is),
        or the accession number's token."""
        found = None
        if query.terms:
            found = SearchQuery(
                " ".join(query.terms), config="english", search_type="plain"
            )
        if query.accession:
            token = SearchQuery(
                query.accession_token, config="english", search_type="plain"
            )
            found = token if found is None else found | token
        return found

    def match(self, entries, query):
        return entries.filter(document=self.tsquery(query))

    def rank(self, query):
        return SearchRank(F("document"), self.tsquery(query))
