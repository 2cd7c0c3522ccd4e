"""The rooms of the code keep their walls: who may import whom, and module size."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# About 300 lines is the signal to look at a module (DESIGN.md), not a limit to
# split under: a module may pass it while it holds one concern. Past this ceiling
# it certainly holds more than one.
MAX_LINES = 450


def modules(package):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def imported_names(path):
    """Every module a file imports, at the top or inside a function."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def imports_of(package, forbidden):
    return sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules(package)
        for name in imported_names(path)
        if name == forbidden or name.startswith(forbidden + ".")
    )


def test_the_catalogue_never_imports_the_exhibition_app():
    assert imports_of("catalog", "exhibition") == []


@pytest.mark.parametrize(
    "room, other",
    [
        ("exhibition/gallery", "exhibition.kiosk"),
        ("exhibition/kiosk", "exhibition.gallery"),
    ],
)
def test_the_gallery_and_the_kiosk_do_not_import_each_other(room, other):
    assert imports_of(room, other) == []


def test_no_module_outside_migrations_is_past_the_ceiling():
    too_long = {
        str(path.relative_to(ROOT)): length
        for package in ("catalog", "exhibition", "config", "staff")
        for path in modules(package)
        if (length := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}


def test_every_room_says_what_it_is_for():
    """Every module and package starts with a docstring (commands have help)."""
    silent = [
        str(path.relative_to(ROOT))
        for package in ("catalog", "exhibition", "config", "staff")
        for path in modules(package)
        if not {"management", "templatetags"} & set(path.parts)
        and ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
    ]
    assert silent == []


def test_the_settings_package_holds_settings_urls_and_entry_points_only():
    """The staff side has its room (staff/), and settings stay in one file: a
    settings fragment beside settings.py, star-imported to shorten it, fails here."""
    held = {str(path.relative_to(ROOT / "config")) for path in modules("config")}
    assert held <= {
        "__init__.py",
        "settings.py",
        "urls.py",
        "wsgi.py",
        "asgi.py",
        # What the WSGI and ASGI entry points check before serving.
        "static_files.py",
    }
