"""Public code reads what is published only through the ``published()`` family
(``Model.objects.published()``, ``SectionItem.objects.published()`` and the like,
and ``published_via(path)`` across relations). A hand-written status filter in the
gallery, kiosk, interoperability, labels, statistics or search is one that can be
forgotten or spelled differently next time: this test fails on a new one."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Code that serves the public. Models define the gate; the admin, the workflow,
# the importer and the demo loader work with states, not visibility.
PUBLIC = [
    "exhibition/gallery",
    "exhibition/filters.py",
    "exhibition/kiosk",
    "exhibition/interop",
    "exhibition/labels",
    "exhibition/stats",
    "exhibition/structured_data.py",
    "exhibition/addresses.py",
    "exhibition/templatetags",
    "catalog/search",
]


def public_modules():
    for place in PUBLIC:
        path = ROOT / place
        yield from sorted(path.rglob("*.py")) if path.is_dir() else [path]


STATES = {"draft", "review", "published", "withdrawn"}


def names_a_state(value):
    """``"published"`` or ``Status.PUBLISHED`` (not an HTTP ``status=400``)."""
    if isinstance(value, ast.Constant):
        return value.value in STATES
    return isinstance(value, ast.Attribute) and value.attr.lower() in STATES


def raw_status_filters(tree):
    """Where a module names a workflow state in a lookup: ``status="published"``,
    ``section__status=…``, or a string key ending in ``__status``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg:
            if node.arg.endswith("__status") or (
                node.arg == "status" and names_a_state(node.value)
            ):
                yield node.value.lineno, node.arg
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.endswith("__status"):
                yield node.lineno, node.value


# Not visibility: a tombstone's record of what a record's status was when it left.
NOT_A_FILTER = {("exhibition/interop/oai/tombstones.py", "status")}


def test_public_code_reads_visibility_only_through_the_published_family():
    found = []
    for module in public_modules():
        name = str(module.relative_to(ROOT))
        tree = ast.parse(module.read_text(), filename=name)
        for line, lookup in raw_status_filters(tree):
            if (name, lookup) not in NOT_A_FILTER:
                found.append(f"{name}:{line}: {lookup}")
    assert found == [], "use published() or published_via(path):\n" + "\n".join(found)


def test_the_check_finds_a_raw_filter():
    planted = ast.parse(
        'Section.objects.filter(exhibition__status="published")\n'
        "Person.objects.filter(status=Status.PUBLISHED)\n"
        'SectionItem.objects.filter(**{"artifact__status": "published"})\n'
        'render(request, "page.html", status=400)\n'
    )
    found = sorted(lookup for _line, lookup in raw_status_filters(planted))
    assert found == ["artifact__status", "exhibition__status", "status"]
