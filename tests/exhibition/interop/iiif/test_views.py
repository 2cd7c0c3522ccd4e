"""Every manifest and collection of the demo loads into the IIIF community's
Presentation 3 models; drafts reach none of them; record pages link them."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Q
from iiif_prezi3 import Collection, Manifest

from catalog.models import Artifact, Photograph, Status
from exhibition.models import Exhibition, Section, SectionItem
from tests.exhibition.interop.iiif.conftest import assert_language_map
from tests.factories import make_artifact, make_photograph


def crawl(client, start="/iiif/collection"):
    """Every IIIF resource reachable from the collection of exhibitions."""
    seen, queue, found = set(), [start], {"Collection": [], "Manifest": []}
    while queue:
        address = queue.pop().removeprefix("http://testserver")
        if address in seen:
            continue
        seen.add(address)
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Access-Control-Allow-Origin"] == "*"
        data = json.loads(response.content)
        found[data["type"]].append(data)
        if data["type"] == "Collection":
            queue += [item["id"] for item in data["items"]]
    return found


@pytest.fixture
def demo(db):
    call_command("load_exhibition", stdout=StringIO())


def test_every_demo_manifest_and_collection_is_valid_iiif_and_drafts_reach_none(
    client, demo
):
    """One test, so the demo is loaded (and its tiles made) once."""
    found = crawl(client)
    for section in Section.objects.published().filter(
        exhibition__in=Exhibition.objects.published()
    ):
        address = (
            f"/iiif/exhibitions/{section.exhibition.slug}/{section.slug}/collection"
        )
        found["Collection"] += crawl(client, address)["Collection"]
    assert len(found["Collection"]) > 3
    for collection in found["Collection"]:
        Collection(**collection)
        assert_language_map(collection["label"])
    for manifest in found["Manifest"]:
        Manifest(**manifest)
        assert_language_map(manifest["label"])
        assert manifest["items"], manifest["id"]
        for pair in manifest.get("metadata", []):
            assert_language_map(pair["label"])
            assert_language_map(pair["value"])
    hung = {
        (item.artifact_id, item.photograph_id)
        for item in SectionItem.objects.filter(
            Q(artifact__status="published") | Q(photograph__status="published"),
            section__status="published",
            section__exhibition__status="published",
        )
    }
    assert len(found["Manifest"]) == len(hung) > 10

    hung_here = {"section_items__section__status": "published"}
    hidden = list(Artifact.objects.published().filter(**hung_here).distinct()[:2])
    hidden += list(Photograph.objects.published().filter(**hung_here).distinct()[:2])
    for record in hidden:
        record.status = Status.DRAFT
        record.save()
    found = crawl(client)
    text = json.dumps(found, ensure_ascii=False)
    for record in hidden:
        assert f"/{record.slug}/manifest" not in text
        assert (
            client.get(
                f"/iiif/{record._meta.model_name}s/{record.slug}/manifest"
            ).status_code
            == 404
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory,kind", [(make_artifact, "artifacts"), (make_photograph, "photographs")]
)
def test_a_record_page_links_its_manifest_in_html_and_json_ld(client, factory, kind):
    record = factory()
    page = client.get(record.get_absolute_url()).content.decode()
    manifest = f"http://testserver/iiif/{kind}/{record.slug}/manifest"
    assert f'href="{manifest}"' in page
    assert "IIIF manifest" in page
    assert f'"url": "{manifest}"' in page or f'"url":"{manifest}"' in page
    chinese = client.get(f"/zh-hans{record.get_absolute_url()}").content.decode()
    assert "IIIF 清单" in chinese


@pytest.mark.django_db
def test_a_previewed_draft_does_not_link_a_manifest(curator_client):
    artifact = make_artifact(status=Status.DRAFT)
    page = curator_client.get(artifact.get_absolute_url()).content.decode()
    assert "/iiif/" not in page
