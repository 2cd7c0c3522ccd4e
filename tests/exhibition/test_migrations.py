"""An installation on the one-exhibition schema migrates without losing a record,
placement, featured person or kiosk."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# Today's main before the many-exhibitions work: both apps as they were then.
BEFORE = [
    ("exhibition", "0004_exhibition_notice"),
    ("catalog", "0005_longer_text_for_demo_content"),
]


@pytest.mark.django_db(transaction=True)
def test_featured_people_and_kiosks_are_carried_into_many_exhibitions():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Exhibition = old.get_model("exhibition", "Exhibition")
    Section = old.get_model("exhibition", "Section")
    SectionItem = old.get_model("exhibition", "SectionItem")
    Kiosk = old.get_model("exhibition", "Kiosk")
    Person = old.get_model("catalog", "Person")
    Artifact = old.get_model("catalog", "Artifact")

    exhibition = Exhibition.objects.create(
        slug="first", title="First", title_en="First", venue_en="The Museum"
    )
    section = Section.objects.create(
        exhibition=exhibition, slug="rescue", title="Rescue", title_en="Rescue"
    )
    artifact = Artifact.objects.create(
        slug="shears", accession_number="A-1", object_type="instrument", title="S"
    )
    SectionItem.objects.create(section=section, artifact=artifact, position=3)
    for name in ("Zhu", "Alley"):
        Person.objects.create(
            slug=name.lower(), name=name, name_en=name, featured=True, nationality="US"
        )
    Person.objects.create(slug="other", name="Other", nationality="US")
    kiosk = Kiosk.objects.create(slug="hall", name="Hall", name_en="Hall")
    kiosk.sections.add(section)
    lonely = Kiosk.objects.create(slug="lonely", name="Lonely", name_en="Lonely")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)
    new = executor.loader.project_state(latest).apps
    FeaturedPerson = new.get_model("exhibition", "FeaturedPerson")
    NewKiosk = new.get_model("exhibition", "Kiosk")
    NewSectionItem = new.get_model("exhibition", "SectionItem")
    Museum = new.get_model("exhibition", "Museum")

    featured = FeaturedPerson.objects.filter(exhibition=exhibition.pk).order_by(
        "position"
    )
    assert [f.person.slug for f in featured] == ["alley", "zhu"]  # name order
    assert NewKiosk.objects.get(slug="hall").exhibition_id == exhibition.pk
    assert NewKiosk.objects.get(slug=lonely.slug).exhibition_id == exhibition.pk
    assert list(NewKiosk.objects.get(slug="hall").sections.all()) != []
    item = NewSectionItem.objects.get()
    assert (item.section_id, item.artifact_id, item.position) == (
        section.pk,
        artifact.pk,
        3,
    )
    assert Museum.objects.get().name_en == "The Museum"


@pytest.mark.django_db(transaction=True)
def test_records_gone_before_oai_pmh_existed_are_reported_deleted():
    """0009: withdrawn records, and published or withdrawn ones already deleted,
    get tombstones; drafts deleted before never do."""
    before = [
        ("exhibition", "0008_staff_preference"),
        ("catalog", "0010_text_fields_without_limits"),
    ]
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    ObjectType = old.get_model("catalog", "ObjectType")
    Artifact = old.get_model("catalog", "Artifact")
    HistoricalPerson = old.get_model("catalog", "HistoricalPerson")
    kind, _created = ObjectType.objects.get_or_create(
        code="document", defaults={"label": "Document", "label_en": "Document"}
    )
    withdrawn = Artifact.objects.create(
        slug="w", accession_number="W-1", object_type=kind, status="withdrawn"
    )
    Artifact.objects.create(
        slug="p", accession_number="P-1", object_type=kind, status="published"
    )
    from django.utils import timezone

    for pk, status in ((901, "published"), (902, "draft")):
        HistoricalPerson.objects.create(
            id=pk,
            slug=f"gone-{pk}",
            status=status,
            history_type="-",
            history_date=timezone.now(),
            created_at=timezone.now(),
            updated_at=timezone.now(),
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)
    new = executor.loader.project_state(latest).apps
    Tombstone = new.get_model("exhibition", "OaiTombstone")
    assert sorted(Tombstone.objects.values_list("kind", "record_id")) == [
        ("artifact", withdrawn.pk),
        ("person", 901),
    ]
