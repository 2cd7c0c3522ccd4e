"""An import's report: each distinct problem once, with its count and its rows."""

from django.utils import translation

from catalog.transfer.json_file import EntryProblem
from catalog.transfer.rows import Problem, Report, runs

UNKNOWN = "“on paper, unique” is not a known object type."


def test_rows_are_told_as_runs_and_the_runs_capped():
    assert runs([2, 3, 4, 5, 9, 13, 14]) == "2–5, 9, 13–14"
    assert runs([7]) == "7"
    assert runs(list(range(2, 40, 2)), limit=3) == "2, 4, 6, …"


def test_a_summary_lists_each_problem_once_most_repeated_first_and_counts_the_rest():
    problems = [Problem(7, "people", "Unknown person “Nobody”.")]
    problems += [Problem(n, "object_type", UNKNOWN) for n in [*range(2, 6), 9, 13]]
    problems += [Problem(n, "year_from", f"“c. {n}” is not a year.") for n in (3, 4)]
    problems.append(EntryProblem("collection.json, person x", "name_en", "Missing."))
    summary = Report(problems=problems).summary(limit=3)
    assert [str(group) for group in summary.groups] == [
        f"6 rows (2–5, 9, 13), column object_type: {UNKNOWN}",
        "Row 7, column people: Unknown person “Nobody”.",
        "Row 3, column year_from: “c. 3” is not a year.",
    ]
    assert [group.where for group in summary.groups] == [
        "6 rows (2–5, 9, 13)",
        "7",
        "3",
    ]
    assert summary.unlisted == 2
    assert summary.unlisted_text == "…and 2 more problems, not listed."
    everything = Report(problems=problems).summary()
    assert (
        str(everything.groups[-1])
        == "collection.json, person x, field name_en: Missing."
    )
    assert everything.unlisted == 0


def test_the_summary_speaks_chinese():
    problems = [Problem(n, "object_type", "未知类型。") for n in range(2, 12_002)]
    with translation.override("zh-hans"):
        summary = Report(problems=problems).summary(limit=0)
        assert summary.unlisted_text == "……另有 12000 个问题未列出。"
        group = Report(problems=problems).summary().groups[0]
        assert str(group) == "12000 行（2–12001），object_type 列：未知类型。"
