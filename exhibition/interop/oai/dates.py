"""Datestamps: UTC at second granularity out, days or seconds accepted in."""

import datetime as dt
import re

GRANULARITY = "YYYY-MM-DDThh:mm:ssZ"
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
SECOND = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")


def datestamp(moment):
    """``2024-05-01T08:30:00Z``: the moment in UTC, cut to the second."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(value):
    """(start, length) of the day or second ``value`` names, or ``ValueError``."""
    if DAY.fullmatch(value):
        start = dt.datetime.strptime(value, "%Y-%m-%d")
        return start.replace(tzinfo=dt.UTC), dt.timedelta(days=1)
    if SECOND.fullmatch(value):
        start = dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
        return start.replace(tzinfo=dt.UTC), dt.timedelta(seconds=1)
    raise ValueError(value)


class Window:
    """The ``from``/``until`` range as half-open bounds on stored times:
    ``until=…T10:00:00Z`` includes a change at 10:00:00.6, shown as 10:00:00Z.
    An ``until`` on the calendar's last day has no end: the moment after it is
    past what a datetime holds, and nothing stored can be later."""

    def __init__(self, start=None, end=None):
        self.start = start
        self.end = end

    @classmethod
    def from_arguments(cls, since, until):
        """From the two strings (either may be ``None``); ``ValueError`` if wrong."""
        start = end = None
        if since is not None:
            start, since_step = parse(since)
        if until is not None:
            until_start, until_step = parse(until)
            try:
                end = until_start + until_step
            except OverflowError:
                end = None
        if since is not None and until is not None:
            if since_step != until_step:
                raise ValueError("from and until must have the same granularity")
            if start > until_start:
                raise ValueError("from must not be later than until")
        return cls(start, end)

    def filter(self, queryset, field):
        if self.start is not None:
            queryset = queryset.filter(**{f"{field}__gte": self.start})
        if self.end is not None:
            queryset = queryset.filter(**{f"{field}__lt": self.end})
        return queryset
