"""The vocabulary migrations carry every artifact's type and person's nationality."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("catalog", "0005_longer_text_for_demo_content")


@pytest.mark.django_db(transaction=True)
def test_types_and_nationalities_become_links_to_their_terms():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    try:
        executor.migrate([BEFORE])
        old = MigrationExecutor(connection).loader.project_state([BEFORE]).apps
        old.get_model("catalog", "Artifact").objects.create(
            slug="shears",
            accession_number="M-1",
            object_type="instrument",
            title="Rib shears",
            title_en="Rib shears",
        )
        Person = old.get_model("catalog", "Person")
        Person.objects.create(
            slug="bethune",
            name="Norman Bethune",
            name_en="Norman Bethune",
            nationality="CA",
            china_years="1938–1939",
        )
        Person.objects.create(slug="corps", name="Corps", nationality="XX")
        Person.objects.create(slug="kisch", name="Kisch", nationality="CZ")
        executor = MigrationExecutor(connection)
        executor.migrate(latest)
        new = executor.loader.project_state(latest).apps
        artifact = new.get_model("catalog", "Artifact").objects.get(slug="shears")
        assert artifact.object_type.code == "instrument"
        assert artifact.object_type.label_zh_hans == "器械"
        people = new.get_model("catalog", "Person").objects
        bethune = people.get(slug="bethune")
        assert [n.code for n in bethune.nationalities.all()] == ["CA"]
        assert bethune.active_display == "1938–1939"
        assert not people.get(slug="corps").nationalities.exists()
        assert [n.code for n in people.get(slug="kisch").nationalities.all()] == ["CS"]
    finally:
        MigrationExecutor(connection).migrate(latest)
