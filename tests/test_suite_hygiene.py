"""The suite stays deterministic: no test sleeps, and none reads the clock at import.

A sleep makes a test slow and still flaky (the machine may be slower than the
guess); a date computed at import is stale in a run that crosses midnight.
"""

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
CLOCK = {"now", "today", "localdate", "localtime", "utcnow"}
SLEEP = re.compile(r"\bsleep\(")


def suite_files():
    """Every test module and helper, but not the bench's drivers (tests/bench/ but
    its test_*.py): they are tools that wait on servers and load, not tests."""
    return sorted(
        path
        for path in TESTS.rglob("*.py")
        if path != Path(__file__)
        and not (path.parent == TESTS / "bench" and not path.name.startswith("test_"))
    )


def called(node):
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return getattr(function, "id", None)


def run_at_import(tree):
    """Every node evaluated when the module is imported: the module's and classes'
    statements, decorators and default values, but no function's body."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        yield node
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            pending += node.decorator_list + node.args.defaults
            pending += [d for d in node.args.kw_defaults if d is not None]
        elif isinstance(node, ast.Lambda):
            pending += node.args.defaults
        else:
            pending += ast.iter_child_nodes(node)


def clock_reads_at_import(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno} {called(node)}()"
        for node in run_at_import(tree)
        if isinstance(node, ast.Call) and called(node) in CLOCK
    ]


def test_no_test_sleeps():
    sleeping = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in suite_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SLEEP.search(line)
    ]
    assert sleeping == [], "wait for the event instead (page.clock, expect_response)"


def test_no_test_reads_the_clock_at_import():
    found = [
        f"{path.relative_to(TESTS)}: {read}"
        for path in suite_files()
        for read in clock_reads_at_import(path)
    ]
    assert found == [], "read the date inside the test or a fixture"


def test_the_checks_catch_what_they_look_for(tmp_path):
    module = tmp_path / "module.py"
    module.write_text(
        "import datetime\n"
        "from django.utils import timezone\n"
        "TODAY = timezone.localdate()\n"
        "class Fixed:\n"
        "    at = datetime.datetime.now()\n"
        "def f(day=datetime.date.today()):\n"
        "    return timezone.now()\n"
    )
    found = clock_reads_at_import(module)
    assert [read.split()[-1] for read in sorted(found)] == [
        "localdate()",
        "now()",
        "today()",
    ]
    # Spelled in parts, so that this file holds no sleep for a reader of the suite.
    nap = "sleep"
    assert SLEEP.search(f"    time.{nap}(16)")
    assert SLEEP.search(f"await asyncio.{nap}(1)")
    assert not SLEEP.search("def asleep_at_night():")
