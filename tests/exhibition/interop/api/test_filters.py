"""The gallery's filters and sorts work in the API; hidden records are no way in;
bad values are a 400 that says which parameter and why."""

import pytest

from catalog.models import Status
from tests.exhibition.interop.api.conftest import slugs
from tests.factories import make_exhibition, make_person

pytestmark = pytest.mark.django_db
ARTIFACTS = "/api/v1/artifacts/"


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"type": "vessel"}, ["blue-bowl"]),
        ({"person": "maker"}, ["blue-bowl"]),
        ({"role": "potter"}, ["blue-bowl"]),
        ({"nationality": "US"}, ["blue-bowl"]),
        ({"section": "kilns"}, ["blue-bowl", "red-jar"]),
        ({"section": ["kilns", "glazes"]}, ["blue-bowl", "red-jar"]),
        ({"exhibition": "ceramics"}, ["blue-bowl", "red-jar"]),
        ({"has_image": "false"}, ["red-jar"]),
        ({"year_min": 1940}, ["red-jar"]),
        ({"year_max": 1938}, ["blue-bowl"]),
        ({"decade": "1940"}, ["red-jar"]),
    ],
)
def test_artifact_filters(client, world, query, expected):
    assert sorted(slugs(client.get(ARTIFACTS, query))) == expected


def test_photograph_filters(client, world):
    assert slugs(client.get("/api/v1/photographs/", {"person": "maker"})) == [
        "kiln-photo"
    ]
    assert slugs(client.get("/api/v1/photographs/", {"section": "kilns"})) == []


@pytest.mark.parametrize(
    "query",
    [
        {"section": "backstage"},  # a section of a draft exhibition
        {"section": "secret-room"},  # a draft section
        {"exhibition": "hidden-show"},
        {"person": "secret-person"},
    ],
)
def test_a_hidden_record_as_a_filter_value_finds_nothing(client, world, query):
    """The same answer as for a slug that never existed: nothing tells a client
    that a draft is there."""
    response = client.get(ARTIFACTS, query)
    assert response.status_code == 200
    assert response.json() == client.get(ARTIFACTS, {"section": "no-such"}).json()
    assert slugs(response) == []


@pytest.mark.parametrize(
    "query", [{"type": "no-such-type"}, {"person": "nobody"}, {"role": "abbot"}]
)
def test_a_value_that_names_nothing_finds_nothing(client, world, query):
    response = client.get(ARTIFACTS, query)
    assert response.status_code == 200
    assert response.json()["count"] == 0


def test_a_bad_value_is_a_400_even_beside_one_that_names_nothing(client, world):
    response = client.get("/api/v1/people/", {"nationality": "xx", "kind": "null"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["kind"]


def test_known_values_beside_unknown_ones_still_count(client, world):
    found = slugs(client.get(ARTIFACTS, {"section": ["kilns", "no-such"]}))
    assert found and sorted(found) == sorted(
        slugs(client.get(ARTIFACTS, {"section": "kilns"}))
    )


@pytest.mark.parametrize("path", [ARTIFACTS, "/api/v1/people/", "/api/v1/exhibitions/"])
def test_an_empty_value_counts_as_not_given(client, world, path):
    everything = client.get(path).json()
    for name in ("section", "person", "state", "kind", "sort", "lang", "page"):
        response = client.get(path, {name: ""})
        assert response.status_code == 200, (name, response.content)
        assert response.json() == everything, name


def test_sorting_by_title_date_and_curated_order(client, world):
    assert slugs(client.get(ARTIFACTS, {"sort": "title", "section": "kilns"})) == [
        "blue-bowl",
        "red-jar",
    ]
    assert slugs(client.get(ARTIFACTS, {"sort": "date", "section": "kilns"})) == [
        "blue-bowl",
        "red-jar",
    ]
    assert slugs(client.get(ARTIFACTS, {"sort": "curated", "section": "kilns"})) == [
        "red-jar",
        "blue-bowl",
    ]


def test_people_filters_and_sorts(client, world):
    make_person(slug="early", name_en="Zed Early", active_from=1900)
    people = "/api/v1/people/"
    assert slugs(client.get(people, {"kind": "group"})) == ["guild"]
    assert slugs(client.get(people, {"role": "potter"})) == ["maker"]
    assert slugs(client.get(people, {"sort": "active"}))[:2] == ["early", "maker"]
    assert slugs(client.get(people))[0] == "guild"  # by name: Kiln Guild first


def test_exhibitions_filter_by_state_and_kind(client, world):
    make_exhibition(slug="soon", opening_date="2999-01-01")
    make_exhibition(slug="never", opening_date="2999-01-01", status=Status.DRAFT)
    exhibitions = "/api/v1/exhibitions/"
    assert slugs(client.get(exhibitions, {"state": "upcoming"})) == ["soon"]
    assert slugs(client.get(exhibitions, {"state": "current"})) == ["ceramics"]
    assert slugs(client.get(exhibitions, {"kind": "permanent"})) == ["ceramics"]
    assert slugs(client.get(exhibitions)) == ["soon", "ceramics"]


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({"year_min": "abc"}, "year_min"),
        ({"sort": "price"}, "sort"),
        ({"decade": "1930s"}, "decade"),
        ({"year_max": "1937.5.1"}, "year_max"),
        ({"year_min": "1937.5"}, "year_min"),  # no year
        ({"has_image": "-58800"}, "has_image"),  # neither true nor false
    ],
)
def test_a_bad_filter_value_is_a_400_with_a_message(client, world, query, parameter):
    response = client.get(ARTIFACTS, query)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"]
    assert body["errors"][parameter][0]


@pytest.mark.parametrize("query", [{"year_min": 10**30}, {"year_max": -(10**30)}])
def test_years_beyond_any_record_find_nothing_rather_than_fail(client, world, query):
    assert slugs(client.get(ARTIFACTS, query)) == []


def test_a_null_character_is_a_400_not_a_database_error(client, world):
    response = client.get(ARTIFACTS, {"person": "a\x00b"})
    assert response.status_code == 400
    assert response.json()["errors"]["person"]
