"""catalog/admin/photographs.py: the picker finds a photograph by reference or
title before one that only mentions the words."""

import pytest

from tests.catalog.admin.test_artifacts import picker
from tests.factories import make_photograph

pytestmark = pytest.mark.django_db


def test_the_item_picker_lists_reference_and_title_matches_before_the_rest(
    curator_client,
):
    for n in range(25):  # earlier slugs, "quay" only in the caption
        make_photograph(
            slug=f"a-{n:03d}", title_en=f"Street {n}", caption_en="Near the quay."
        )
    make_photograph(slug="z-3", title_en="Boats at the quay")
    make_photograph(slug="z-2", title_en="Quayside market")
    make_photograph(slug="z-1", title_en="Crowd", archive_reference="QUAY-12")
    make_photograph(slug="z-0", title_en="Harbour", archive_reference="quay")
    listed = picker(curator_client, "photograph", "Quay")
    assert listed[:4] == ["Harbour", "Crowd", "Quayside market", "Boats at the quay"]
    assert listed[4] == "Street 0"
