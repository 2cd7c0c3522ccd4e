"""Periods to filter by come from the records' own years: decades for a war's
years, centuries or millennia for a long collection, BCE included."""

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from catalog.models import Status
from catalog.periods import MOST_PERIODS, Periods
from tests.factories import make_artifact, make_photograph

pytestmark = pytest.mark.django_db


def labels(periods):
    return [label for _value, label in periods.choices()]


def test_a_few_years_are_grouped_by_decade():
    periods = Periods(1931, 1945)
    assert periods.choices() == [("1930", "1930s"), ("1940", "1940s")]


def test_a_long_span_before_the_common_era_is_grouped_by_century():
    periods = Periods(-1046, -221)  # Zhou dynasty
    assert periods.size == 100
    assert labels(periods)[0] == "11th century BCE"
    assert labels(periods)[-1] == "3rd century BCE"
    with translation.override("zh-hans"):
        assert "公元前" in labels(periods)[0]


def test_never_more_periods_than_a_filter_can_show():
    for start, end in [(1931, 1945), (-3000, 2000), (1, 9999), (-200000, 2020)]:
        assert 0 < len(Periods(start, end).firsts) <= MOST_PERIODS
    assert Periods(None, None).choices() == []


def test_a_record_counts_in_every_period_its_years_meet():
    periods = Periods(-500, 300)
    spanning = make_artifact(year_from=-250, year_to=50)
    make_artifact(year_from=150, year_to=160)
    found = type(spanning).objects.filter(periods.overlapping(-300))
    assert list(found) == [spanning]
    assert type(spanning).objects.filter(periods.overlapping(0)).count() == 1


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_collection_offers_the_periods_of_its_published_records(client):
    make_artifact(title_en="Bronze ding", year_from=-1046, year_to=-771)
    make_artifact(title_en="Mirror", year_from=-480, year_to=-400)
    make_photograph(title_en="Rubbing", year_from=-221, year_to=-221)
    make_artifact(title_en="Draft", year_from=-5000, year_to=-5000, status=Status.DRAFT)
    html = client.get("/collection/").content.decode()
    assert "11th century BCE" in html and "5th century BCE" in html
    assert "millennium" not in html and "5000" not in html  # not the draft's years
    filtered = client.get("/collection/?decade=-1100").content.decode()
    results = filtered.split('id="results-heading"')[1]
    assert "Bronze ding" in results and "Mirror" not in results
    # Any year names the period it falls in, and its box is ticked.
    by_year = client.get("/collection/?decade=-1046").content.decode()
    assert by_year.count("Bronze ding")
    assert 'value="-1100" checked' in by_year


def test_the_admin_filters_by_the_catalogues_own_periods(curator_client):
    make_artifact(title_en="Oracle bone", year_from=-1250, year_to=-1200)
    make_artifact(title_en="Tang mirror", year_from=700, year_to=750)
    url = reverse("admin:catalog_artifact_changelist")
    page = curator_client.get(url).content.decode()
    assert "13th century BCE" in page and "8th century" in page
    chosen = curator_client.get(url, {"decade": "-1300"}).content.decode()
    assert "Oracle bone" in chosen and "Tang mirror" not in chosen
