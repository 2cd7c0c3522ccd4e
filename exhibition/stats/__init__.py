"""Visitor statistics: what visitors look at, counted per record, day and channel
without tracking anyone, and the curators' figures and charts of it."""
