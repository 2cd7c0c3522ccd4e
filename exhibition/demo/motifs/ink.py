"""The one ink colour every motif draws with."""

INK = (74, 52, 36)
