"""Manifests of published artifacts and photographs: both languages, credit, rights,
links, every image in order, a fixed number of queries, and nothing unpublished."""

import pytest
from iiif_prezi3 import Manifest

from catalog.models import ArtifactImage, Status
from tests.exhibition.interop.iiif.conftest import assert_language_map
from tests.factories import make_artifact, make_person, make_photograph, uploaded_image

pytestmark = pytest.mark.django_db
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"


def labels(manifest):
    return {pair["label"]["en"][0]: pair["value"] for pair in manifest["metadata"]}


def add_images(artifact, count):
    for position in range(count):
        ArtifactImage.objects.create(
            artifact=artifact,
            image=uploaded_image(size=(300 + position, 200)),
            caption_en=f"View {position}",
            caption_zh_hans=f"视图{position}",
            position=position,
        )


def test_an_artifact_manifest_speaks_both_languages(fetch):
    artifact = make_artifact(
        description_en="First paragraph.\n\nSecond.",
        description_zh_hans="第一段。\n\n第二段。",
        materials_en="Paper",
        materials_zh_hans="纸",
        credit_line_en="Gift of a friend",
        credit_line_zh_hans="友人捐赠",
        dimensions="20 × 30 cm",
        rights_uri=CC0,
    )
    artifact.people.add(make_person(name_en="Ann Lee", name_zh_hans="李安"))
    response, manifest = fetch(f"/iiif/artifacts/{artifact.slug}/manifest")
    assert response["Content-Type"].startswith("application/ld+json")
    Manifest(**manifest)
    assert (
        manifest["id"] == f"http://testserver/iiif/artifacts/{artifact.slug}/manifest"
    )
    assert manifest["label"] == {
        "en": [artifact.title_en],
        "zh-Hans": [artifact.title_zh_hans],
    }
    assert manifest["summary"] == {"en": ["First paragraph."], "zh-Hans": ["第一段。"]}
    metadata = labels(manifest)
    assert metadata["Materials and technique"] == {"en": ["Paper"], "zh-Hans": ["纸"]}
    assert metadata["Dimensions"] == {"none": ["20 × 30 cm"]}
    assert metadata["People"] == {"en": ["Ann Lee"], "zh-Hans": ["李安"]}
    assert metadata["Accession number"] == {"none": [artifact.accession_number]}
    for pair in manifest["metadata"]:
        assert_language_map(pair["label"])
        assert_language_map(pair["value"])
    assert manifest["metadata"][0]["label"]["zh-Hans"] == ["藏品编号"]
    assert manifest["requiredStatement"]["value"] == {
        "en": ["Gift of a friend"],
        "zh-Hans": ["友人捐赠"],
    }
    assert manifest["rights"] == CC0
    pages = {page["language"][0]: page["id"] for page in manifest["homepage"]}
    assert pages == {
        "en": f"http://testserver/artifacts/{artifact.slug}/",
        "zh-Hans": f"http://testserver/zh-hans/artifacts/{artifact.slug}/",
    }
    assert manifest["seeAlso"][0]["id"].endswith(
        f"/iiif/artifacts/{artifact.slug}/schema"
    )


def test_canvases_follow_the_images_order_with_their_size_and_service(fetch):
    artifact = make_artifact(with_image=False)
    add_images(artifact, 3)
    ArtifactImage.objects.filter(artifact=artifact, position=0).update(position=9)
    _response, manifest = fetch(f"/iiif/artifacts/{artifact.slug}/manifest")
    canvases = manifest["items"]
    assert [c["label"]["en"][0] for c in canvases] == ["View 1", "View 2", "View 0"]
    assert [c["width"] for c in canvases] == [301, 302, 300]
    body = canvases[0]["items"][0]["items"][0]["body"]
    service = body["service"][0]
    assert service["profile"] == "level0"
    assert body["id"] == f"{service['id']}/full/max/0/default.jpg"
    assert canvases[0]["items"][0]["items"][0]["target"] == canvases[0]["id"]


def test_an_artifact_without_a_rights_uri_has_no_rights(fetch):
    artifact = make_artifact(rights_en="All rights reserved")
    _response, manifest = fetch(f"/iiif/artifacts/{artifact.slug}/manifest")
    assert "rights" not in manifest
    assert labels(manifest)["Rights"]["en"] == ["All rights reserved"]


def test_a_text_missing_in_chinese_is_left_to_the_english(fetch):
    artifact = make_artifact(title_zh_hans="", place_en="Leeds")
    _response, manifest = fetch(f"/iiif/artifacts/{artifact.slug}/manifest")
    assert manifest["label"] == {"en": [artifact.title_en]}
    assert labels(manifest)["Place"] == {"en": ["Leeds"]}


def test_a_photograph_manifest_has_one_canvas(fetch):
    photograph = make_photograph(
        photographer_en="A. Photographer", archive_reference="REF-1", rights_uri=CC0
    )
    _response, manifest = fetch(f"/iiif/photographs/{photograph.slug}/manifest")
    Manifest(**manifest)
    assert len(manifest["items"]) == 1
    assert labels(manifest)["Photographer"] == {"en": ["A. Photographer"]}
    assert labels(manifest)["Archive reference"] == {"none": ["REF-1"]}
    assert manifest["rights"] == CC0


def test_unpublished_people_stay_out_of_a_manifest(fetch):
    artifact = make_artifact()
    artifact.people.add(make_person(name_en="Hidden Draft", status=Status.DRAFT))
    _response, manifest = fetch(f"/iiif/artifacts/{artifact.slug}/manifest")
    assert "Hidden Draft" not in str(manifest)


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_unpublished_records_have_no_manifest(fetch, status):
    artifact = make_artifact(status=status)
    photograph = make_photograph(status=status)
    fetch(f"/iiif/artifacts/{artifact.slug}/manifest", status=404)
    fetch(f"/iiif/photographs/{photograph.slug}/manifest", status=404)
    fetch(f"/iiif/artifacts/{artifact.slug}/schema", status=404)


@pytest.mark.parametrize("count", [1, 6])
def test_a_manifest_costs_the_same_queries_however_many_images(
    client, django_assert_num_queries, count
):
    artifact = make_artifact(with_image=False)
    add_images(artifact, count)
    artifact.people.add(make_person(), make_person())
    client.get(f"/iiif/artifacts/{artifact.slug}/manifest")  # tiles made once
    with django_assert_num_queries(3):
        assert (
            client.get(f"/iiif/artifacts/{artifact.slug}/manifest").status_code == 200
        )
    photograph = make_photograph()
    with django_assert_num_queries(2):
        assert (
            client.get(f"/iiif/photographs/{photograph.slug}/manifest").status_code
            == 200
        )


def test_manifests_are_cached_until_content_changes(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 600
    artifact = make_artifact()
    address = f"/iiif/artifacts/{artifact.slug}/manifest"
    assert client.get(address)["X-Page-Cache"] == "miss"
    cached = client.get(address)
    assert cached["X-Page-Cache"] == "hit"
    assert cached["Access-Control-Allow-Origin"] == "*"
    artifact.title_en = "A new title"
    with django_capture_on_commit_callbacks(execute=True):
        artifact.save()
    fresh = client.get(address)
    assert fresh["X-Page-Cache"] == "miss"
    assert b"A new title" in fresh.content
