"""Matched words marked (``<mark>``) in a title or a snippet of text, escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from catalog.search.text import han_grams

# Enough of an English word to find its other forms (doctors → doctor, doctor's).
ENDINGS = re.compile(r"(?:'s|ies|es|s|ing|ed)$")


def patterns(query):
    """A regular expression finding what ``query`` matched, in any text."""
    parts = []
    for run in query.han:
        # The whole word first, then the pairs the query looked for.
        grams = han_grams(run)[len(run) :] if len(run) > 1 else []
        parts += [re.escape(gram) for gram in [run, *grams]]
    for term in query.english:
        root = ENDINGS.sub("", term) if len(term) > 4 else term
        parts.append(rf"\b{re.escape(root)}\w*")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def spans(text, pattern):
    found = []
    for match in pattern.finditer(text or ""):
        if found and match.start() <= found[-1][1]:
            found[-1] = (found[-1][0], max(found[-1][1], match.end()))
        elif match.end() > match.start():
            found.append((match.start(), match.end()))
    return found


def marked(text, query, length=None):
    """``text`` escaped, matches in ``<mark>``; with ``length``, only a window of
    about that many characters around the first match (or the start)."""
    text = text or ""
    pattern = patterns(query)
    found = spans(text, pattern) if pattern else []
    start, end = 0, len(text)
    if length and len(text) > length:
        first = found[0][0] if found else 0
        start = max(0, first - length // 3)
        end = min(len(text), start + length)
        start = max(0, end - length)
        if start:
            space = text.find(" ", start, first) if found else -1
            start = space + 1 if space != -1 else start
        if end < len(text):
            space = text.rfind(" ", max(first + 1, start), end)
            end = space if space > start else end
    pieces = ["…"] if start else []
    position = start
    for begin, finish in found:
        if finish <= start or begin >= end:
            continue
        begin, finish = max(begin, start), min(finish, end)
        pieces.append(escape(text[position:begin]))
        pieces.append(f"<mark>{escape(text[begin:finish])}</mark>")
        position = finish
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))


def best_text(texts, query):
    """The first of ``texts`` that shows a match, else the first that has text."""
    pattern = patterns(query)
    present = [text for text in texts if text]
    for text in present:
        if pattern and pattern.search(text):
            return text
    return present[0] if present else ""
