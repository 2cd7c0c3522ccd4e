"""from/until: days or seconds in UTC, inclusive at both ends."""

import datetime as dt

import pytest

from exhibition.interop.oai.dates import Window, datestamp

UTC = dt.UTC


def test_datestamps_are_utc_to_the_second():
    shanghai = dt.timezone(dt.timedelta(hours=8))
    moment = dt.datetime(2024, 5, 1, 16, 30, 5, 999999, tzinfo=shanghai)
    assert datestamp(moment) == "2024-05-01T08:30:05Z"


def test_until_includes_the_whole_second_or_day_it_names():
    seconds = Window.from_arguments("2024-05-01T08:30:05Z", "2024-05-01T08:30:05Z")
    assert seconds.start == dt.datetime(2024, 5, 1, 8, 30, 5, tzinfo=UTC)
    assert seconds.end == dt.datetime(2024, 5, 1, 8, 30, 6, tzinfo=UTC)
    days = Window.from_arguments(None, "2024-05-01")
    assert days.start is None
    assert days.end == dt.datetime(2024, 5, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    "since, until",
    [
        ("2024-05-01T08:30:05", None),  # no Z
        ("2024-13-01", None),
        ("2024-05-01", "2024-05-01T00:00:00Z"),
        ("2024-05-02", "2024-05-01"),
    ],
)
def test_malformed_or_crossed_bounds_are_refused(since, until):
    with pytest.raises(ValueError):
        Window.from_arguments(since, until)
