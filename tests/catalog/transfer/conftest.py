"""What the bulk-import tests share (test_importer.py keeps a world of its own)."""

import pytest

from catalog.models import ObjectType
from tests.factories import make_person, make_section, make_source, term


@pytest.fixture
def world(django_user_model):
    """Three people, two sections and a source, which ``test_bulk.rows`` name."""
    term(ObjectType, "document")
    people = [make_person(slug=f"p{n}", name_en=f"Person {n}") for n in range(3)]
    sections = [make_section(slug=f"s{n}") for n in range(2)]
    make_source(key="src")
    return {"people": people, "sections": sections}
