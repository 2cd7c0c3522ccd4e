import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from catalog.models import Artifact, Status
from exhibition.models import Section, SectionItem
from tests.factories import (
    hang,
    make_artifact,
    make_exhibition,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db


def test_an_item_is_either_an_artifact_or_a_photograph():
    section = make_section()
    with pytest.raises(IntegrityError), transaction.atomic():
        SectionItem.objects.create(
            section=section, artifact=make_artifact(), photograph=make_photograph()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        SectionItem.objects.create(section=section)


def test_a_record_hangs_once_per_section_but_in_several_sections():
    artifact = make_artifact()
    first, second = make_section(), make_section()
    hang(first, artifact)
    hang(second, artifact)
    with pytest.raises(IntegrityError), transaction.atomic():
        hang(first, artifact)
    assert artifact.section_items.count() == 2


def test_items_keep_the_curators_order():
    section = make_section()
    late, early = make_artifact(), make_photograph()
    hang(section, late, position=2)
    hang(section, early, position=1)
    assert [item.record for item in section.items.all()] == [early, late]


def test_deleting_a_section_keeps_its_artifacts():
    section = make_section()
    artifact = make_artifact()
    hang(section, artifact)
    section.delete()
    assert Artifact.objects.filter(pk=artifact.pk).exists()


def test_an_exhibition_with_sections_cannot_be_deleted():
    section = make_section()
    with pytest.raises(ProtectedError):
        section.exhibition.delete()


def test_a_kiosk_refuses_another_exhibitions_section():
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from tests.factories import make_exhibition, make_kiosk, make_section

    own, other = make_exhibition(), make_exhibition()
    kiosk = make_kiosk(own)
    kiosk.sections.add(make_section(own))
    foreign = make_section(other)
    with pytest.raises(ValidationError), transaction.atomic():
        kiosk.sections.add(foreign)
    assert kiosk.sections.count() == 1


def test_a_published_section_of_a_draft_exhibition_is_not_public():
    draft = make_exhibition(status=Status.DRAFT)
    hidden = make_section(draft)
    shown = make_section(make_exhibition())
    public = set(Section.objects.published())
    assert shown in public and hidden not in public
