"""Every endpoint answers with published records only: in lists, details, nested
lists and counts; anything hidden or unknown is a JSON 404."""

import json

import pytest

from tests.exhibition.interop.api.conftest import slugs
from tests.factories import (
    hang,
    make_artifact,
    make_exhibition,
    make_person,
    make_photograph,
    make_section,
)

pytestmark = pytest.mark.django_db
API = "/api/v1"


def test_lists_hold_exactly_the_published_records(client, world):
    assert set(slugs(client.get(f"{API}/artifacts/"))) == {
        "blue-bowl",
        "red-jar",
        "lone-cup",
    }
    assert slugs(client.get(f"{API}/photographs/")) == ["kiln-photo"]
    assert set(slugs(client.get(f"{API}/people/"))) == {"maker", "guild"}
    assert slugs(client.get(f"{API}/exhibitions/")) == ["ceramics"]
    assert client.get(f"{API}/artifacts/").json()["count"] == 3


@pytest.mark.parametrize(
    "kind, slug",
    [
        ("artifacts", "draft-vase"),
        ("artifacts", "review-vase"),
        ("artifacts", "withdrawn-vase"),
        ("photographs", "draft-photo"),
        ("photographs", "withdrawn-photo"),
        ("people", "secret-person"),
        ("exhibitions", "hidden-show"),
        ("artifacts", "no-such-thing"),
    ],
)
def test_a_hidden_or_unknown_record_is_a_json_404(client, world, kind, slug):
    response = client.get(f"{API}/{kind}/{slug}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "path",
    [
        "exhibitions/hidden-show/sections/",
        "exhibitions/hidden-show/sections/backstage/",
        "exhibitions/hidden-show/sections/backstage/items/",
        "exhibitions/ceramics/sections/secret-room/",
        "exhibitions/ceramics/sections/secret-room/items/",
        "exhibitions/ceramics/sections/backstage/",
        "exhibitions/no-such-show/sections/",
        "no/such/address/",
    ],
)
def test_sections_of_hidden_exhibitions_and_hidden_sections_are_404(
    client, world, path
):
    response = client.get(f"{API}/{path}")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_an_exhibition_shows_its_public_sections_counts_and_featured_people(
    client, world
):
    data = client.get(f"{API}/exhibitions/ceramics/").json()
    assert [(s["slug"], s["item_count"]) for s in data["sections"]] == [
        ("kilns", 2),
        ("glazes", 1),
    ]
    assert [p["slug"] for p in data["featured_people"]] == ["maker"]
    assert data["state"] == "current"
    assert data["kind"] == "permanent"
    assert data["iiif_collection"] == (
        "http://testserver/iiif/exhibitions/ceramics/collection"
    )
    assert data["page"] == "http://testserver/exhibitions/ceramics/"


def test_a_section_lists_its_published_items_in_hanging_order(client, world):
    sections = client.get(f"{API}/exhibitions/ceramics/sections/").json()
    assert [s["slug"] for s in sections["results"]] == ["kilns", "glazes"]
    section = client.get(f"{API}/exhibitions/ceramics/sections/kilns/").json()
    assert section["item_count"] == 2
    items = client.get(section["items"]).json()
    assert items["count"] == 2
    assert [(i["kind"], i["record"]["slug"]) for i in items["results"]] == [
        ("artifact", "red-jar"),
        ("artifact", "blue-bowl"),
    ]
    photos = client.get(f"{API}/exhibitions/ceramics/sections/glazes/items/").json()
    assert [(i["kind"], i["record"]["slug"]) for i in photos["results"]] == [
        ("photograph", "kiln-photo")
    ]
    assert photos["results"][0]["record"]["iiif_manifest"] == (
        "http://testserver/iiif/photographs/kiln-photo/manifest"
    )


def test_a_record_names_only_its_public_people_and_public_sections(client, world):
    bowl = client.get(f"{API}/artifacts/blue-bowl/").json()
    assert [p["slug"] for p in bowl["people"]] == ["maker"]
    assert [(p["exhibition"], p["section"]) for p in bowl["placements"]] == [
        ("ceramics", "kilns")
    ]
    assert bowl["object_type"]["code"] == "vessel"
    assert (
        bowl["iiif_manifest"] == "http://testserver/iiif/artifacts/blue-bowl/manifest"
    )
    lone = client.get(f"{API}/artifacts/lone-cup/").json()
    assert lone["placements"] == []
    guild = client.get(f"{API}/people/guild/").json()
    assert [m["slug"] for m in guild["members"]] == ["maker"]


def test_images_link_to_renditions_with_their_sizes(client, world):
    bowl = client.get(f"{API}/artifacts/blue-bowl/").json()
    image = bowl["images"][0]["image"]
    assert (image["width"], image["height"]) == (64, 48)
    rendition = image["renditions"][-1]
    assert rendition["width"] == 64 and rendition["height"] == 48
    assert rendition["jpeg"].startswith("http://testserver/media/renditions/")
    assert rendition["jpeg"].endswith("/64.jpg")
    assert rendition["webp"].endswith("/64.webp")
    assert client.get(rendition["jpeg"]).status_code == 200  # made, not promised
    assert client.get(f"{API}/artifacts/red-jar/").json()["images"] == []


def crawl(client, start, lang):
    """Every API address reachable from ``start`` through the answers' links."""
    seen, queue, bodies = set(), [start], []
    while queue:
        url = queue.pop()
        if url in seen or "/api/v1/" not in url:
            continue
        seen.add(url)
        response = client.get(url, {"lang": lang} if "lang=" not in url else {})
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
        stack = [response.json()]
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str) and value.startswith("http://testserver/api/"):
                queue.append(value)
    return seen, bodies


@pytest.mark.parametrize("lang", ["en", "zh-Hans", "all"])
def test_no_hidden_record_is_reachable_by_following_every_link(client, world, lang):
    roots = ["exhibitions", "artifacts", "photographs", "people"]
    seen, bodies = set(), []
    for root in roots:
        found, texts = crawl(client, f"http://testserver{API}/{root}/", lang)
        seen |= found
        bodies += texts
    everything = "\n".join(bodies)
    assert len(seen) > 12
    for hidden in world.hidden_slugs | world.hidden_titles:
        assert hidden not in everything, hidden


LIST_QUERIES = {
    # the count, the page, then one query per related list (the content version
    # comes from the cache once a worker has read it)
    "artifacts": 5,  # + images, people, placements
    "photographs": 4,  # + people, placements
    "people": 6,  # + nationalities, roles, groups, members
    "exhibitions": 4,  # + sections (with their counts), featured people
    "exhibitions/many/sections": 3,  # + the exhibition
    "exhibitions/many/sections/all/items": 4,  # + the section, artifacts' images
}


def populate(show, section, start, stop):
    """Published records of every kind, each with everything it links to."""
    for n in range(start, stop):
        person = make_person(nationalities=("US", "CA"))
        group = make_person(kind="group")
        person.groups.add(group)
        artifact = make_artifact()
        artifact.people.add(person)
        photograph = make_photograph()
        photograph.people.add(person)
        hang(section, artifact, position=2 * n)
        hang(section, photograph, position=2 * n + 1)
        make_section(show)
        make_exhibition()


def test_a_list_runs_a_fixed_number_of_queries_for_5_or_50_records(
    client, django_assert_num_queries
):
    show = make_exhibition(slug="many")
    section = make_section(show, slug="all")
    client.get(f"{API}/exhibitions/")  # a worker that has read the version
    for start, size in [(0, 5), (5, 50)]:
        populate(show, section, start, size)
        for endpoint, queries in LIST_QUERIES.items():
            with django_assert_num_queries(queries):
                response = client.get(f"{API}/{endpoint}/", {"page_size": 100})
            assert response.status_code == 200
            assert len(response.json()["results"]) >= size, endpoint


def test_json_is_utf8_without_escapes(client, world):
    response = client.get(f"{API}/artifacts/blue-bowl/", {"lang": "zh-hans"})
    assert "青碗" in response.content.decode("utf-8")
    assert json.loads(response.content)["title"] == "青碗"


def test_only_get_and_head_are_allowed(client, world):
    assert client.post(f"{API}/artifacts/").status_code == 405
    assert client.head(f"{API}/artifacts/").status_code == 200
