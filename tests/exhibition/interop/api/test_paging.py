"""Lists come in numbered pages of a bounded size; bad page numbers are a 400,
a page past the end a 404."""

import pytest

from exhibition.interop.api.paging import MAX_PAGE_SIZE, PAGE_SIZE
from tests.exhibition.interop.api.conftest import slugs

pytestmark = pytest.mark.django_db
ARTIFACTS = "/api/v1/artifacts/"


def test_pages_follow_each_other_with_next_and_previous(client, world):
    first = client.get(ARTIFACTS, {"page_size": 2, "sort": "title"}).json()
    assert first["count"] == 3
    assert [r["slug"] for r in first["results"]] == ["blue-bowl", "lone-cup"]
    assert first["previous"] is None
    second = client.get(first["next"]).json()
    assert [r["slug"] for r in second["results"]] == ["red-jar"]
    assert second["next"] is None
    assert "page_size=2" in second["previous"] and "sort=title" in second["previous"]


def test_the_default_page_size(client, world):
    assert PAGE_SIZE == 24 and MAX_PAGE_SIZE == 100
    assert len(slugs(client.get(ARTIFACTS))) == 3


@pytest.mark.parametrize(
    "query, parameter",
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": "-1"}, "page"),
        ({"page": "last"}, "page"),
        ({"page": "١"}, "page"),  # an Arabic-Indic digit is not a page number here
        ({"page_size": "0"}, "page_size"),
        ({"page_size": str(MAX_PAGE_SIZE + 1)}, "page_size"),
        ({"page_size": "ten"}, "page_size"),
    ],
)
def test_a_bad_page_or_page_size_is_a_400(client, world, query, parameter):
    response = client.get(ARTIFACTS, query)
    assert response.status_code == 400
    assert response.json()["errors"][parameter][0]


def test_a_page_past_the_end_is_a_404_and_page_one_of_nothing_is_empty(client, world):
    assert client.get(ARTIFACTS, {"page": 2}).status_code == 404
    empty = client.get(ARTIFACTS, {"type": "vessel", "year_min": 3000, "page": 1})
    assert empty.json() == {"count": 0, "next": None, "previous": None, "results": []}
