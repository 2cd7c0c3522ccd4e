"""Exhibitions and sections as IIIF collections of their published records'
manifests, in hanging order, at a fixed number of queries."""

import pytest
from iiif_prezi3 import Collection

from catalog.models import Status
from tests.factories import (
    hang,
    make_artifact,
    make_exhibition,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db


def manifest_ids(collection):
    return [item["id"].rsplit("/iiif/", 1)[1] for item in collection["items"]]


@pytest.fixture
def hung():
    exhibition = make_exhibition(subtitle_en="On things", subtitle_zh_hans="关于物")
    first = make_section(exhibition, position=1)
    second = make_section(exhibition, position=2)
    a, b, c = make_artifact(), make_artifact(), make_photograph()
    hang(second, a, position=1)
    hang(first, b, position=2)
    hang(first, c, position=1)
    hang(second, c, position=0)  # hangs twice: listed once, where it first hangs
    return exhibition, first, second, a, b, c


def test_an_exhibition_lists_its_manifests_in_hanging_order(fetch, hung):
    exhibition, _first, _second, a, b, c = hung
    _response, collection = fetch(f"/iiif/exhibitions/{exhibition.slug}/collection")
    Collection(**collection)
    assert collection["label"] == {
        "en": [exhibition.title_en],
        "zh-Hans": [exhibition.title_zh_hans],
    }
    assert collection["summary"] == {"en": ["On things"], "zh-Hans": ["关于物"]}
    assert manifest_ids(collection) == [
        f"photographs/{c.slug}/manifest",
        f"artifacts/{b.slug}/manifest",
        f"artifacts/{a.slug}/manifest",
    ]
    assert all(item["type"] == "Manifest" for item in collection["items"])


def test_a_section_lists_its_manifests_and_belongs_to_its_exhibition(fetch, hung):
    exhibition, _first, second, a, _b, c = hung
    _response, collection = fetch(
        f"/iiif/exhibitions/{exhibition.slug}/{second.slug}/collection"
    )
    Collection(**collection)
    assert manifest_ids(collection) == [
        f"photographs/{c.slug}/manifest",
        f"artifacts/{a.slug}/manifest",
    ]
    assert collection["partOf"][0]["id"].endswith(
        f"/iiif/exhibitions/{exhibition.slug}/collection"
    )


def test_the_collection_of_exhibitions_lists_only_published_ones(fetch, hung):
    exhibition = hung[0]
    hidden = make_exhibition(status=Status.DRAFT)
    _response, collection = fetch("/iiif/collection")
    Collection(**collection)
    ids = [item["id"] for item in collection["items"]]
    assert f"http://testserver/iiif/exhibitions/{exhibition.slug}/collection" in ids
    assert not any(hidden.slug in i for i in ids)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_unpublished_records_and_sections_stay_out(fetch, hung, status):
    exhibition, first, second, a, b, c = hung
    b.status = status
    b.save()
    second.status = status
    second.save()
    _response, collection = fetch(f"/iiif/exhibitions/{exhibition.slug}/collection")
    assert manifest_ids(collection) == [f"photographs/{c.slug}/manifest"]
    fetch(f"/iiif/exhibitions/{exhibition.slug}/{second.slug}/collection", status=404)


def test_an_unpublished_exhibition_has_no_collections(fetch, hung):
    exhibition, first = hung[0], hung[1]
    exhibition.status = Status.DRAFT
    exhibition.save()
    fetch(f"/iiif/exhibitions/{exhibition.slug}/collection", status=404)
    fetch(f"/iiif/exhibitions/{exhibition.slug}/{first.slug}/collection", status=404)
    _response, collection = fetch("/iiif/collection")
    assert collection["items"] == []


@pytest.mark.parametrize("count", [2, 30])
def test_collections_cost_the_same_queries_however_many_items(
    client, django_assert_num_queries, count
):
    section = make_section()
    for position in range(count):
        hang(section, make_artifact(with_image=False), position=position)
        hang(section, make_photograph(), position=position)
    with django_assert_num_queries(2):
        client.get(f"/iiif/exhibitions/{section.exhibition.slug}/collection")
    with django_assert_num_queries(2):
        client.get(
            f"/iiif/exhibitions/{section.exhibition.slug}/{section.slug}/collection"
        )
    with django_assert_num_queries(1):
        client.get("/iiif/collection")
