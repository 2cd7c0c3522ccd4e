"""The search index: entries, and each database's own full-text index of them."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

import catalog.models.search

COLUMNS = "title, names, body"
NEW = "new.title, new.names, new.body"
OLD = "old.title, old.names, old.body"

SQLITE = [
    # External content: the text stays in the entries table, FTS5 keeps the index.
    "CREATE VIRTUAL TABLE catalog_searchentry_fts USING fts5("
    f"{COLUMNS}, content='catalog_searchentry', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER catalog_searchentry_ai AFTER INSERT ON catalog_searchentry BEGIN "
    f"INSERT INTO catalog_searchentry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
    "CREATE TRIGGER catalog_searchentry_ad AFTER DELETE ON catalog_searchentry BEGIN "
    f"INSERT INTO catalog_searchentry_fts(catalog_searchentry_fts, rowid, {COLUMNS}) "
    f"VALUES ('delete', old.id, {OLD}); END",
    "CREATE TRIGGER catalog_searchentry_au AFTER UPDATE ON catalog_searchentry BEGIN "
    f"INSERT INTO catalog_searchentry_fts(catalog_searchentry_fts, rowid, {COLUMNS}) "
    f"VALUES ('delete', old.id, {OLD}); "
    f"INSERT INTO catalog_searchentry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS catalog_searchentry_ai",
    "DROP TRIGGER IF EXISTS catalog_searchentry_ad",
    "DROP TRIGGER IF EXISTS catalog_searchentry_au",
    "DROP TABLE IF EXISTS catalog_searchentry_fts",
]
POSTGRESQL = [
    "CREATE INDEX catalog_searchentry_document ON catalog_searchentry "
    "USING gin (document)",
]
POSTGRESQL_REVERSE = ["DROP INDEX IF EXISTS catalog_searchentry_document"]


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0010_text_fields_without_limits"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("artifact", "Artifact"),
                            ("photograph", "Photograph"),
                            ("person", "Biography"),
                        ],
                        max_length=10,
                    ),
                ),
                ("record_id", models.PositiveIntegerField()),
                ("accession", models.CharField(blank=True, max_length=50)),
                ("year", models.SmallIntegerField(blank=True, null=True)),
                ("names_key", models.TextField(blank=True)),
                ("title", models.TextField(blank=True)),
                ("names", models.TextField(blank=True)),
                ("body", models.TextField(blank=True)),
                (
                    "document",
                    models.GeneratedField(
                        db_persist=True,
                        expression=catalog.models.search.WeightedDocument(),
                        output_field=django.contrib.postgres.search.SearchVectorField(
                            null=True
                        ),
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("kind", "record_id"),
                        name="one_search_entry_per_record",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SearchText",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="fts",
                        serialize=False,
                        to="catalog.searchentry",
                    ),
                ),
                (
                    "document",
                    catalog.models.search.MatchField(
                        db_column="catalog_searchentry_fts"
                    ),
                ),
            ],
            options={
                "db_table": "catalog_searchentry_fts",
                "managed": False,
            },
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        ),
    ]
