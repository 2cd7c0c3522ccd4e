"""The search index: one entry per published record, ranked by the database's own
full-text engine (PostgreSQL's weighted ``tsvector``, SQLite's FTS5 table)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Func, Lookup
from django.utils.translation import gettext_lazy as _

# Weights: the title or name (and the accession number) rank above the other names,
# place and type, which rank above descriptions, captions and biographies.
WEIGHTED_COLUMNS = (("title", "A"), ("names", "B"), ("body", "C"))


class WeightedDocument(Func):
    """PostgreSQL's weighted vector of an entry's three texts (stemmed English)."""

    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(*(models.F(column) for column, _weight in WEIGHTED_COLUMNS))

    def as_postgresql(self, compiler, connection):
        parts = []
        for expression, (_column, weight) in zip(
            self.source_expressions, WEIGHTED_COLUMNS, strict=True
        ):
            sql, _params = compiler.compile(expression)
            parts.append(
                f"setweight(to_tsvector('english'::regconfig, {sql}), '{weight}')"
            )
        return " || ".join(parts), []

    def as_sql(self, compiler, connection, **extra):
        # Elsewhere the index lives in an FTS5 table beside the entries (SearchText).
        return "NULL", []


class Kind(models.TextChoices):
    ARTIFACT = "artifact", _("Artifact")
    PHOTOGRAPH = "photograph", _("Photograph")
    PERSON = "person", _("Biography")


class SearchEntry(models.Model):
    """What search knows of one published record, written only by catalog.search."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    record_id = models.PositiveIntegerField()
    accession = models.CharField(max_length=50, blank=True)
    year = models.SmallIntegerField(null=True, blank=True)
    # A biography's names, whole (catalog.search.text.names_key): the person comes
    # before the records that mention them.
    names_key = models.TextField(blank=True)
    title = models.TextField(blank=True)
    names = models.TextField(blank=True)
    body = models.TextField(blank=True)
    document = models.GeneratedField(
        expression=WeightedDocument(),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "record_id"], name="one_search_entry_per_record"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.record_id}"


class MatchField(models.TextField):
    """FTS5's hidden column named after its table: ``table MATCH 'terms'``."""


@MatchField.register_lookup
class Match(Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", lhs_params + rhs_params


class SearchText(models.Model):
    """SQLite's FTS5 index of the entries (made by migration 0011, kept in step by
    triggers); PostgreSQL has no such table and never reads this model."""

    entry = models.OneToOneField(
        SearchEntry,
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="fts",
    )
    document = MatchField(db_column="catalog_searchentry_fts")

    class Meta:
        managed = False
        db_table = "catalog_searchentry_fts"

    def __str__(self):
        return str(self.entry_id)
