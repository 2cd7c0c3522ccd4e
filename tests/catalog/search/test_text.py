"""How text becomes search terms, the same way for the index and the query."""

from catalog.search.text import Query, han_grams, index_text, names_key


def test_han_text_is_indexed_as_characters_and_overlapping_pairs():
    assert han_grams("白求恩") == ["白", "求", "恩", "白求", "求恩"]
    assert index_text("Rib shears 肋骨剪").split() == [
        "Rib", "shears", "肋", "骨", "剪", "肋骨", "骨剪",
    ]  # fmt: skip


def test_a_one_character_query_looks_for_the_character_longer_ones_for_pairs():
    assert Query("茶").terms == ["茶"]
    assert Query("医疗").terms == ["医疗"]
    assert Query("白求恩").terms == ["白求", "求恩"]


def test_english_queries_drop_stop_words_and_possessives():
    assert Query("The doctors of Bethune's hospital").terms == [
        "doctors",
        "bethune",
        "hospital",
    ]
    assert not Query("the a of")
    assert not Query("   ")


def test_mixed_queries_keep_both_languages():
    assert set(Query("Zheng He 罗盘").terms) == {"罗盘", "zheng"}


def test_accession_numbers_compare_without_case_or_punctuation():
    assert Query("JDZ-1420-007").accession == "jdz1420007"
    assert Query("jdz 1420 007").accession == "jdz1420007"
    assert Query("porcelain").accession == ""


def test_whole_names_match_between_bars_and_spaces():
    key = names_key("Marco Polo", "马可·波罗", "Il Milione; Marco Emilione")
    assert key == "| marco polo | 马可 波罗 | il milione | marco emilione |"
    assert Query("马可·波罗").name in key
    assert Query("Polo's").name in key
    assert Query("Pol").name not in key


def test_queries_are_cut_at_a_hundred_characters():
    assert len(Query("x" * 500).text) == 100
