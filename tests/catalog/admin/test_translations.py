"""Change forms show English beside Chinese, and what each language lacks."""

import pytest
from django.urls import reverse

from catalog.admin.translations import pair_translations
from tests.factories import make_artifact

pytestmark = pytest.mark.django_db


def test_translations_are_paired_and_other_fields_left_alone():
    fields = ["slug", "title_en", "title_zh_hans", ("year_from", "year_to"), "place_en"]
    assert pair_translations(fields) == [
        "slug",
        ("title_en", "title_zh_hans"),
        ("year_from", "year_to"),
        "place_en",
    ]


def test_the_change_form_marks_each_missing_translation(curator_client):
    artifact = make_artifact(title_en="Rib shears", title_zh_hans="")
    url = reverse("admin:catalog_artifact_change", args=[artifact.pk])
    html = curator_client.get(url).content.decode()
    assert "field-title_en field-title_zh_hans" in html  # one row, two languages
    assert "Title [zh-hans] · missing" in html
    assert "Title [en] · missing" not in html
    assert "Simplified Chinese: " in html and "fields missing" in html
