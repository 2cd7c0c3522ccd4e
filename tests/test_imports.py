"""No module imports another that imports it back, and the rooms keep their walls.

The imports are read from the source with ``ast`` (nothing is imported), at the
top of a module and inside its functions alike: a function-level import is a
dependency that only waits for its first call, and a cycle hidden that way is
still a cycle.

How an import becomes an edge of the module graph:

- ``import a.b.c`` and ``from a.b.c import name`` are edges to ``a.b.c``;
  ``from a.b import c`` is an edge to the submodule ``a.b.c`` when ``c`` is one
  (a file or a package), otherwise to ``a.b`` itself, whose ``__init__`` defines
  the name.
- The parent packages Python initialises on the way (``a`` and ``a.b`` before
  ``a.b.c``) are not edges. Counting them would make every package whose
  ``__init__`` re-exports a submodule's names "import itself back" through each
  of its submodules, a cycle that Python resolves by design (the parent is
  initialised first, the child sees it partly made and asks nothing of it). A
  submodule that asks its own package's ``__init__`` for a name *is* counted,
  and is a cycle when that ``__init__`` imports the submodule: that is the order
  dependence that breaks an import.
- Imports named by strings (URLconfs, settings, ``import_module``) are not read.

A cycle is looked for between modules and between packages taken whole, at each
depth of the tree: ``gallery.structured_data`` importing ``interop.iiif`` while
``interop.iiif.views`` imports ``gallery.structured_data`` ties the two rooms
together though no two modules import each other. A package's ``__init__``
importing its own submodules stays inside the package at every depth where the
package is one node, so it is never a cycle by itself.
"""

import ast
from collections import deque
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The installed packages (``staff`` once the staff side of config/ has its room),
# and the bench's drivers, which must not grow a cycle either.
PACKAGES = [
    name
    for name in ("catalog", "exhibition", "config", "staff", "tests/bench")
    if (ROOT / name / "__init__.py").exists()
]
ROOMS = ["exhibition.gallery", "exhibition.kiosk", "exhibition.interop"]

# Layering imports known today and not moved in this step, each with its reason.
# Only one-way imports may be listed: a cycle has no allowance (see
# test_no_module_or_package_imports_another_that_imports_it_back).
KNOWN_CROSSINGS = set()


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_modules():
    """{dotted name: path} of every module of the installed packages."""
    return {
        module_name(path): path
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def imported_modules(name, path, known):
    """The modules of ``known`` that ``name`` (at ``path``) imports."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _nearest_known(alias.name, known)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                # Relative: from the package (``__init__``) or the module's package.
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in known:
                    yield submodule
                else:
                    yield from _nearest_known(base, known)


def _nearest_known(dotted, known):
    """``dotted`` if it is one of our modules, else the closest one enclosing it;
    nothing for a module not ours (Django, the standard library)."""
    parts = dotted.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in known:
            yield candidate
            return
        parts.pop()


def import_graph():
    known = source_modules()
    return {
        name: set(imported_modules(name, path, known)) - {name}
        for name, path in known.items()
    }


def collapsed(graph, depth):
    """The graph of the packages and modules ``depth`` names deep, each standing for
    everything inside it (``exhibition.gallery`` for all of the gallery at 2)."""

    def head(name):
        return ".".join(name.split(".")[:depth])

    result = {}
    for source, targets in graph.items():
        result.setdefault(head(source), set()).update(
            head(target) for target in targets if head(target) != head(source)
        )
    return result


def cycles_at_every_depth(graph):
    """The cycles between modules, and between packages taken whole: gallery and
    interop import each other even when no two of their modules do."""
    deepest = max(name.count(".") + 1 for name in graph)
    found = []
    for depth in range(1, deepest + 1):
        found += [c for c in cycles(collapsed(graph, depth)) if c not in found]
    return found


def cycles(graph):
    """One shortest cycle through each group of modules that reach each other
    (strongly connected components, Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
    return [_shortest_cycle(graph, group) for group in groups]


def _shortest_cycle(graph, group):
    start = min(group)
    came_from = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in sorted(graph[node] & group):
            if child == start:
                path = [node]
                while came_from[path[-1]] is not None:
                    path.append(came_from[path[-1]])
                return " -> ".join([*reversed(path), start])
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    raise AssertionError(f"no cycle in {group}")


def crossings(graph, room, other):
    """Imports from a module inside ``room`` to a module inside ``other``."""
    return {
        (source, target)
        for source, targets in graph.items()
        if _inside(source, room)
        for target in targets
        if _inside(target, other)
    }


def _inside(name, package):
    return name == package or name.startswith(package + ".")


def explained(graph, cycle):
    """A cycle with the imports that make each of its steps."""
    steps = cycle.split(" -> ")
    lines = [cycle]
    for source, target in pairwise(steps):
        lines += [
            f"    {a} imports {b}" for a, b in sorted(crossings(graph, source, target))
        ]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def test_no_module_or_package_imports_another_that_imports_it_back(graph):
    found = cycles_at_every_depth(graph)
    assert found == [], "\n".join(explained(graph, cycle) for cycle in found)


def test_the_catalogue_never_imports_the_exhibition_app(graph):
    assert crossings(graph, "catalog", "exhibition") - KNOWN_CROSSINGS == set()


@pytest.mark.parametrize(
    "room, other", [(a, b) for a in ROOMS for b in ROOMS if a != b]
)
def test_gallery_kiosk_and_interop_never_import_each_other(graph, room, other):
    assert crossings(graph, room, other) - KNOWN_CROSSINGS == set()


def test_every_known_crossing_still_exists(graph):
    """A crossing mended comes off the list, so the list cannot hide a new one."""
    edges = {
        (source, target) for source, targets in graph.items() for target in targets
    }
    assert KNOWN_CROSSINGS - edges == set()


# The reading itself, on made-up sources, so a pass above means something.


def test_a_two_module_cycle_is_named():
    graph = {"p.a": {"p.b"}, "p.b": {"p.a"}, "p": set()}
    assert cycles(graph) == ["p.a -> p.b -> p.a"]


def test_a_longer_cycle_is_named_and_a_chain_is_not():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == ["a -> b -> c -> a"]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_from_package_import_submodule_reads_as_the_submodule(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from pkg.inner import thing\n")
    (package / "inner.py").write_text("def f():\n    from pkg import other\n")
    (package / "other.py").write_text("from pkg import thing\nimport pkg.inner\n")
    known = {
        "pkg": package / "__init__.py",
        "pkg.inner": package / "inner.py",
        "pkg.other": package / "other.py",
    }
    edges = {
        name: set(imported_modules(name, path, known)) for name, path in known.items()
    }
    assert edges == {
        "pkg": {"pkg.inner"},
        # inside a function, and a submodule rather than the package
        "pkg.inner": {"pkg.other"},
        # a name from the package's __init__: the package itself
        "pkg.other": {"pkg", "pkg.inner"},
    }
    assert cycles(edges) == ["pkg -> pkg.inner -> pkg.other -> pkg"]


def test_packages_that_import_each_other_are_a_cycle_though_no_module_pair_is():
    graph = {
        "app.gallery.data": {"app.interop.iiif"},
        "app.interop.iiif": {"app.interop.iiif.links"},
        "app.interop.iiif.links": set(),
        "app.interop.iiif.views": {"app.gallery.data"},
    }
    assert cycles(graph) == []
    assert cycles_at_every_depth(graph) == [
        "app.gallery -> app.interop -> app.gallery",
        "app.gallery.data -> app.interop.iiif -> app.gallery.data",
    ]
