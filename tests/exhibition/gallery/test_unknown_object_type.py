"""Works of unknown type, as a real catalogue has them: shown as such, filterable as
such, and no public channel breaks on them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from catalog.models import Artifact
from catalog.search.index import reindex
from tests.factories import hang, make_artifact, make_exhibition, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def works():
    section = make_section(make_exhibition(slug="letters"), slug="post")
    untyped = make_artifact(
        slug="undated-letter",
        title_en="Undated letter",
        title_zh_hans="无日期信件",
        object_type=None,
    )
    typed = make_artifact(
        slug="brass-compass",
        title_en="Brass compass",
        title_zh_hans="黄铜罗盘",
        object_type="instrument",
    )
    for position, record in enumerate((untyped, typed)):
        hang(section, record, position)
    reindex(Artifact, [untyped.pk, typed.pk])
    return untyped, typed


@pytest.mark.parametrize(
    "prefix, shown", [("", "unknown object type"), ("/zh-hans", "类型不明")]
)
def test_the_page_and_the_card_of_a_work_of_unknown_type_say_so(
    client, works, prefix, shown
):
    page = client.get(f"{prefix}/artifacts/undated-letter/").content.decode()
    assert f'<p class="eyebrow">{shown} · ' in page
    collection = client.get(f"{prefix}/collection/").content.decode()
    card = collection.split("undated-letter")[1].split("</li>")[0]
    assert shown in card and "None" not in card


def test_the_collection_filters_and_counts_works_of_unknown_type(client, works):
    html = client.get("/collection/").content.decode()
    unknown = re.search(
        r'value="~unknown"> <span>unknown object type</span> '
        r'<span class="count">(\d+)</span>',
        html,
    )
    assert unknown and unknown.group(1) == "1"
    results = client.get("/collection/?type=~unknown").content.decode()
    results = results.split('id="results-heading"')[1]
    assert "Undated letter" in results and "Brass compass" not in results
    both = client.get("/collection/?type=~unknown&type=instrument").content.decode()
    assert "Undated letter" in both and "Brass compass" in both
    api = client.get("/api/v1/artifacts/", {"type": "~unknown"}).json()
    assert [record["slug"] for record in api["results"]] == ["undated-letter"]


def test_machines_read_a_work_of_unknown_type_without_a_type(client, works):
    record = client.get("/api/v1/artifacts/undated-letter/").json()
    assert record["object_type"] is None
    manifest = client.get("/iiif/artifacts/undated-letter/manifest").json()
    assert "Object type" not in [m["label"]["en"][0] for m in manifest["metadata"]]
    untyped, _typed = works
    oai = client.get(
        "/oai",
        {
            "verb": "GetRecord",
            "identifier": f"oai:testserver:artifact:{untyped.pk}",
            "metadataPrefix": "oai_dc",
        },
    ).content.decode()
    assert re.findall(r"<dc:type[^>]*>([^<]*)<", oai) == ["PhysicalObject"]
    with translation.override("en"):
        found = client.get("/search/", {"q": "undated letter"}).content.decode()
    assert "/artifacts/undated-letter/" in found
    assert "unknown object type" in found and "None" not in found


def test_the_admin_lists_works_of_unknown_type_under_a_filter_of_their_own(
    curator_client, works
):
    url = reverse("admin:catalog_artifact_changelist")
    page = curator_client.get(url).content.decode()
    assert 'href="?object_type__isnull=True"' in page
    assert "unknown object type</a>" in page
    filtered = curator_client.get(url, {"object_type__isnull": "True"})
    listed = filtered.content.decode()
    assert "Undated letter" in listed and "Brass compass" not in listed
