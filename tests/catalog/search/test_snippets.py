"""Matched words marked in titles and snippets, escaped, around the first match."""

from catalog.search.snippets import best_text, marked
from catalog.search.text import Query


def test_english_matches_are_marked_in_all_their_forms():
    html = marked("The doctor's doctors doctored a Doctorow novel", Query("doctors"))
    assert html.count("<mark>") == 4


def test_chinese_words_are_marked_whole():
    assert marked("白求恩在手术", Query("白求恩")) == "<mark>白求恩</mark>在手术"
    assert marked("茶与海", Query("茶")) == "<mark>茶</mark>与海"


def test_text_is_escaped_around_the_marks():
    html = marked("<b>tea</b> & more", Query("tea"))
    assert html == "&lt;b&gt;<mark>tea</mark>&lt;/b&gt; &amp; more"


def test_a_long_text_is_cut_to_a_window_around_the_first_match():
    text = "Filler words here. " * 40 + "The astrolabe was found. " + "More. " * 40
    html = marked(text, Query("astrolabe"), length=100)
    assert "<mark>astrolabe</mark>" in html
    assert html.startswith("…") and html.endswith("…")
    assert len(html) < 160


def test_the_snippet_comes_from_the_text_that_matched():
    texts = ["A summary without it.", "The body mentions the astrolabe."]
    assert best_text(texts, Query("astrolabe")) == texts[1]
    assert best_text(["", "Only text."], Query("astrolabe")) == "Only text."
