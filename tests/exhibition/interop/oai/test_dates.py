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


@pytest.mark.parametrize("until", ["9999-12-31", "9999-12-31T23:59:59Z"])
def test_an_until_at_the_end_of_the_calendar_is_no_upper_bound(until):
    """The day or second after it is past what a datetime can hold; nothing stored
    can be later, so the window simply has no end."""
    assert Window.from_arguments(None, until).end is None
    since = "0001-01-01T00:00:00Z" if "T" in until else "0001-01-01"
    whole = Window.from_arguments(since, until)
    assert (whole.start, whole.end) == (dt.datetime(1, 1, 1, tzinfo=UTC), None)


def test_the_first_day_of_the_calendar_is_a_lower_bound_like_any_other():
    window = Window.from_arguments("0001-01-01", "0001-01-01")
    assert window.start == dt.datetime(1, 1, 1, tzinfo=UTC)
    assert window.end == dt.datetime(1, 1, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "10000-01-01",  # five-digit years are not UTCdatetime
        "0000-01-01",
        "2024-05-01\n",
        "2024-05-01T08:30:05Z\n",
        "\uff12\uff10\uff12\uff14-\uff10\uff15-\uff10\uff11",  # full-width digits
        "\u0662\u0660\u0662\u0664-\u0660\u0665-\u0660\u0661",  # Arabic-Indic digits
        "2024-05-01T08:30:60Z",
        "2024-05-01T24:00:00Z",
        "2024-05-01T08:30:05+08:00",
        "2024-5-1",
        "",
    ],
)
def test_anything_but_ascii_utc_days_or_seconds_is_refused(value):
    with pytest.raises(ValueError):
        Window.from_arguments(value, None)
    with pytest.raises(ValueError):
        Window.from_arguments(None, value)
