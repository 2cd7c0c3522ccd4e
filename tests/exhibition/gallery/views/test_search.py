"""The search page: ranked results with marked snippets in the visitor's language,
facets, pages, all in the address; only published records; fixed queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Status
from tests.exhibition.gallery.views import search_world
from tests.factories import hang, make_artifact

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return search_world.build()


def page(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def slugs(html):
    links = re.findall(r'search-result__title"><a href="([^"]+)"', html)
    return [link.rstrip("/").rpartition("/")[2] for link in links]


def facet_values(html, name):
    return re.findall(rf'name="{name}" value="([^"]+)"', html)


def test_matched_words_are_marked_in_the_title_and_snippet(client, world):
    html = page(client, "/search/", q="astrolabes")
    assert "Bronze <mark>astrolabe</mark> with engraved star pointers" in html
    snippet = re.search(r'search-result__snippet">(.*?)</p>', html).group(1)
    assert "<mark>" not in snippet or "astrolabe" in snippet.lower()


def test_the_snippet_is_in_the_visitors_language(client, world):
    html = page(client, "/zh-hans/search/", q="匣钵")
    assert "景德镇窑工装<mark>匣钵</mark>" in html
    assert "The kilns burned pine wood" not in html
    english = page(client, "/search/", q="匣钵")
    assert "Kiln workers loading saggars at Jingdezhen" in english
    assert "The kilns burned pine wood" in english


def test_text_typed_by_the_visitor_is_escaped(client, world):
    html = page(client, "/search/", q='<script>alert("x")</script> porcelain')
    assert "<script>alert" not in html


def test_unpublished_records_are_neither_indexed_nor_shown(client, world):
    for query in ("counterfeit", "forged", "FAKE-0001", "Secretive", "fragment"):
        html = page(client, "/search/", q=query)
        assert "forged-seal" not in html and "hidden-" not in html
        assert "withdrawn-astrolabe" not in html
    assert "astrolabe" in slugs(page(client, "/search/", q="astrolabe"))


def test_withdrawing_a_record_takes_it_out_of_search(client, world):
    assert "astrolabe" in slugs(page(client, "/search/", q="astrolabe"))
    astrolabe = world["astrolabe"]
    astrolabe.status = Status.WITHDRAWN
    astrolabe.save()
    assert "astrolabe" not in slugs(page(client, "/search/", q="astrolabe"))


def test_facets_count_kinds_exhibitions_sections_and_decades(client, world):
    html = page(client, "/search/", q="porcelain")
    assert facet_values(html, "kind") == ["artifact"]
    assert set(facet_values(html, "exhibition")) == {"kilns", "voyages"}
    assert "firing" in facet_values(html, "section")
    assert "1420" in facet_values(html, "decade")
    assert "1420s" in html


def test_facets_narrow_the_results_and_stay_in_the_address(client, world):
    everything = slugs(page(client, "/search/", q="porcelain"))
    html = page(client, "/search/", q="porcelain", exhibition="voyages")
    narrowed = slugs(html)
    assert narrowed == ["export-plate"]
    assert set(narrowed) < set(everything)
    assert 'value="voyages" checked' in html
    assert 'href="?q=porcelain"' in html  # clear all keeps the query
    by_decade = slugs(page(client, "/search/", q="porcelain", decade="1420"))
    assert by_decade == ["dragon-dish"]
    people = slugs(page(client, "/search/", q="voyages", kind="person"))
    assert people == ["zheng-he"]


def test_an_exhibition_facet_finds_its_featured_people(client, world):
    html = page(client, "/search/", q="Fujian", exhibition="tea")
    assert set(slugs(html)) == {"robert-fortune", "tea-pickers"}


def test_unknown_filter_values_find_nothing_instead_of_failing(client, world):
    html = page(client, "/search/", q="porcelain", exhibition="nowhere", decade="x")
    assert slugs(html) == []
    assert "Nothing matches these filters" in html


def test_results_are_paged_with_the_query_kept(client, world):
    section = world["dish"].section_items.first().section
    for n in range(30):
        hang(section, make_artifact(title_en=f"Porcelain cup {n}", with_image=False))
    first = page(client, "/search/", q="porcelain")
    assert len(slugs(first)) == 24
    assert 'href="?q=porcelain&amp;page=2"' in first
    second = page(client, "/search/", q="porcelain", page=2)
    assert not set(slugs(first)) & set(slugs(second))
    assert len(slugs(first)) + len(slugs(second)) == 39
    assert '<ol class="search-results" start="25">' in second
    assert page(client, "/search/", q="porcelain", page="999")  # last page


def test_an_empty_or_stop_word_query_shows_the_form_only(client, world):
    assert slugs(page(client, "/search/")) == []
    html = page(client, "/search/", q="the")
    assert slugs(html) == [] and "Nothing found" in html


def test_search_runs_a_fixed_number_of_queries(
    client, world, django_capture_on_commit_callbacks
):
    path = "/search/?q=porcelain"
    client.get(path)
    with CaptureQueriesContext(connection) as small:
        client.get(path)
    section = world["dish"].section_items.first().section
    with django_capture_on_commit_callbacks(execute=True):  # the content version
        for n in range(60):
            hang(section, make_artifact(title_en=f"Porcelain jar {n}"))
    client.get(path)
    with CaptureQueriesContext(connection) as large:
        assert len(slugs(client.get(path).content.decode())) == 24
    assert len(small) == len(large), [q["sql"][:100] for q in large.captured_queries]
    assert len(large) <= 8


def test_facets_are_counted_once_per_content_version(client, world):
    path = "/search/?q=porcelain&exhibition=kilns"
    with CaptureQueriesContext(connection) as first:
        client.get(path)
    with CaptureQueriesContext(connection) as again:
        client.get(path)
    grouped = [q["sql"] for q in first.captured_queries if "GROUP BY" in q["sql"]]
    assert len(grouped) == 4  # kinds and decades, exhibitions, featured, sections
    assert not [q for q in again.captured_queries if "GROUP BY" in q["sql"]]
