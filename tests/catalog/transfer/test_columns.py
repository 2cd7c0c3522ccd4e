"""The CSV's cell formats: the formula escape is exact and unambiguous."""

import pytest

from catalog.transfer.columns import FORMULA_STARTS, neutralise, restore

VALUES = [
    "",
    "plain",
    "肋骨剪",
    '=HYPERLINK("https://evil.example","open")',
    "+1",
    "-500",
    "@SUM(A1)",
    "\tindented",
    "\rreturn",
    "'",
    "''",
    "'quoted",
    "'=1+1",
    "''=1+1",
    "'''",
    "a = b",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_a_neutralised_cell_is_never_a_formula_and_restores_exactly(value):
    cell = neutralise(value)
    assert not cell.startswith(FORMULA_STARTS)
    assert restore(cell) == value


def test_only_cells_that_need_it_are_escaped():
    assert neutralise("plain") == "plain"
    assert neutralise("a = b") == "a = b"
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("'quoted") == "''quoted"


def test_two_different_values_never_make_the_same_cell():
    cells = [neutralise(value) for value in VALUES]
    assert len(set(cells)) == len(VALUES)


@pytest.mark.parametrize("typed", ["'Tis the season", "'90s", "it's"])
def test_a_quote_typed_in_a_spreadsheet_before_ordinary_text_is_kept(typed):
    assert restore(typed) == typed
