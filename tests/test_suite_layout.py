"""The test suite's own layout: test modules do not import each other.

What several test modules share (scan helpers, fixtures' data, fault tables) lives
in helper modules that are not tests (cli_helpers.py, realcards.py, faults.py,
verdict_tables.py, ...): importing a test module runs its module-level code again
under another name, and ties one test file's edits to another's.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent


def _ignored(folder: Path) -> set[Path]:
    """The paths a conftest.py in `folder` keeps out of collection (`collect_ignore`)."""
    conftest = folder / "conftest.py"
    if not conftest.is_file():
        return set()
    for node in ast.parse(conftest.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["collect_ignore"]:
            return {folder / name for name in ast.literal_eval(node.value)}
    return set()


def is_test_module(path: Path) -> bool:
    return path.suffix == ".py" and (path.name.startswith("test_") or path.stem.endswith("_test"))


def suite_files() -> list[Path]:
    """Every Python file in a folder that holds collected test modules (tests and their helpers, not fixture trees)."""
    ignored: set[Path] = set()
    for conftest in TESTS.rglob("conftest.py"):
        ignored |= _ignored(conftest.parent)
    collected = [p for p in TESTS.rglob("*.py") if is_test_module(p) and not any(p.is_relative_to(i) for i in ignored)]
    folders = {p.parent for p in collected}
    return sorted(p for folder in folders for p in folder.glob("*.py"))


def imported_test_modules(source: str) -> list[tuple[int, str]]:
    """(line, dotted name) of every import of a test module in `source`, function-local imports included."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # `from pkg import test_x` imports a module too; so does `from . import test_x`.
            base = node.module or ""
            names = [base] + [f"{base}.{alias.name}".lstrip(".") for alias in node.names]
        else:
            continue
        found += [
            (node.lineno, name) for name in names if any(is_test_module(Path(part + ".py")) for part in name.split("."))
        ]
    return sorted(found)


def test_the_checker_sees_every_form_of_import():
    source = (
        "import os, test_a\n"
        "import report.test_b as b\n"
        "from test_c import X\n"
        "from cli_helpers import scan\n"
        "from . import test_d\n"
        "def f():\n"
        "    from test_e import Y\n"
        "from helpers import other_test\n"
    )
    assert imported_test_modules(source) == [
        (1, "test_a"),
        (2, "report.test_b"),
        (3, "test_c"),
        (3, "test_c.X"),
        (5, "test_d"),
        (7, "test_e"),
        (7, "test_e.Y"),
        (8, "helpers.other_test"),
    ]


def test_no_test_module_or_helper_imports_a_test_module():
    files = suite_files()
    assert Path(__file__) in files and TESTS / "cli_helpers.py" in files and TESTS / "report" / "reportkit.py" in files
    assert not any(p.is_relative_to(TESTS / "discover" / "real") for p in files)  # the extracts of real repositories
    offending = {
        f"{path.relative_to(TESTS)}:{line}": name
        for path in files
        for line, name in imported_test_modules(path.read_text(encoding="utf-8"))
    }
    assert offending == {}, "move what test modules share into a helper module (not test_*.py)"
