import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from catalog.models import Artifact, ObjectType, Person, Photograph, Status
from tests.factories import make_artifact, make_person, make_photograph, term

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Artifact, Photograph, Person])
def test_published_returns_only_published_records(model):
    factory = {
        Artifact: make_artifact,
        Photograph: make_photograph,
        Person: make_person,
    }[model]
    shown = factory(status=Status.PUBLISHED)
    for status in (Status.DRAFT, Status.REVIEW, Status.WITHDRAWN):
        factory(status=status)

    assert list(model.objects.published()) == [shown]


def test_new_records_start_as_drafts():
    artifact = Artifact.objects.create(
        slug="new",
        accession_number="N-1",
        object_type=term(ObjectType, "document"),
        title_en="New",
    )
    assert artifact.status == Status.DRAFT
    assert not Artifact.objects.published().exists()


def test_accession_numbers_are_unique():
    make_artifact(accession_number="IF-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_artifact(accession_number="IF-1")


def test_earliest_year_cannot_follow_latest_year():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_artifact(year_from=1945, year_to=1938)


def test_missing_chinese_title_falls_back_to_english():
    artifact = make_artifact(title_en="Field Health Manual", title_zh_hans="")
    with translation.override("zh-hans"):
        assert Artifact.objects.get(pk=artifact.pk).title == "Field Health Manual"


def test_chinese_title_is_shown_in_chinese():
    artifact = make_artifact(
        title_en="Field Health Manual", title_zh_hans="战地卫生手册"
    )
    with translation.override("zh-hans"):
        assert Artifact.objects.get(pk=artifact.pk).title == "战地卫生手册"
    with translation.override("en"):
        assert Artifact.objects.get(pk=artifact.pk).title == "Field Health Manual"


def test_a_person_can_belong_to_a_group():
    group = make_person(kind=Person.Kind.GROUP, name_en="Flying Tigers")
    pilot = make_person(name_en="Claire Lee Chennault")
    pilot.groups.add(group)

    assert list(group.members.all()) == [pilot]


def test_life_dates_join_birth_and_death():
    person = make_person(birth_display_en="1905", death_display_en="1972")
    assert person.life_dates == "1905 – 1972"


def test_artifact_urls_use_the_slug():
    artifact = make_artifact(slug="rib-shears")
    assert artifact.get_absolute_url() == "/artifacts/rib-shears/"
