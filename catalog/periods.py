"""Spans of years as visitors read them: a year, a decade or a century, chosen to
suit the span of the records at hand, so that a collection of one war's years and
one of three thousand years both group sensibly (timelines, period filters)."""

from django.db.models import Max, Min, Q
from django.utils.translation import gettext, pgettext

# Spans up to these many years are grouped by year, then by decade, else by century.
BY_YEAR_UP_TO = 60
BY_DECADE_UP_TO = 600
# A filter offers no more than this many periods: beyond, it takes longer ones.
MOST_PERIODS = 30


def year_label(year):
    """A year as visitors read it: 1938, 500 BCE / 公元前500年."""
    if year < 0:
        return gettext("%(year)s BCE") % {"year": -year}
    return str(year)


def group_size(start, end):
    span = end - start
    if span <= BY_YEAR_UP_TO:
        return 1
    return 10 if span <= BY_DECADE_UP_TO else 100


def group_of(year, size):
    """The first year of ``year``'s group (floor division works across BCE too)."""
    return (year // size) * size


def group_label(first, size):
    if size == 1:
        return year_label(first)
    last = first + size - 1
    if size == 10:
        if first >= 0:
            return pgettext("decade", "%(year)ss") % {"year": first}
        return gettext("%(first)s–%(last)s") % {
            "first": year_label(first),
            "last": year_label(last),
        }
    if size == 100:
        if first >= 0:
            return gettext("%(ordinal)s century") % {
                "ordinal": ordinal(first // 100 + 1)
            }
        return gettext("%(ordinal)s century BCE") % {"ordinal": ordinal(-first // 100)}
    return gettext("%(first)s–%(last)s") % {
        "first": year_label(first),
        "last": year_label(last),
    }


def ordinal(number):
    """1st, 2nd… as django.contrib.humanize spells them, translatable per ending."""
    if number % 100 in (11, 12, 13):
        template = pgettext("ordinal 11, 12, 13", "%(value)sth")
    else:
        template = [
            pgettext("ordinal 0", "%(value)sth"),
            pgettext("ordinal 1", "%(value)sst"),
            pgettext("ordinal 2", "%(value)snd"),
            pgettext("ordinal 3", "%(value)srd"),
            pgettext("ordinal 4", "%(value)sth"),
            pgettext("ordinal 5", "%(value)sth"),
            pgettext("ordinal 6", "%(value)sth"),
            pgettext("ordinal 7", "%(value)sth"),
            pgettext("ordinal 8", "%(value)sth"),
            pgettext("ordinal 9", "%(value)sth"),
        ][number % 10]
    return template % {"value": number}


class Periods:
    """The periods a filter offers for records dated from ``start`` to ``end``:
    decades for a span of a few centuries, centuries or millennia for longer ones."""

    def __init__(self, start, end):
        self.size = 10
        if start is None or end is None or end < start:
            self.firsts = []
            return
        while (group_of(end, self.size) - group_of(start, self.size)) // self.size >= (
            MOST_PERIODS
        ):
            self.size *= 10
        first, last = group_of(start, self.size), group_of(end, self.size)
        self.firsts = list(range(first, last + 1, self.size))

    @classmethod
    def of(cls, queryset, start_field="year_from", end_field="year_to"):
        """The periods of the records in ``queryset`` (one query)."""
        found = queryset.aggregate(start=Min(start_field), end=Max(end_field))
        return cls(found["start"], found["end"])

    def choices(self):
        return [(str(first), group_label(first, self.size)) for first in self.firsts]

    def overlapping(self, first, start_field="year_from", end_field="year_to"):
        """Records whose span of years meets the period beginning in ``first``."""
        return Q(
            **{
                f"{start_field}__lt": first + self.size,
                f"{end_field}__gte": first,
            }
        )
