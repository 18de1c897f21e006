"""The package's import graph: no loops, and no module reaching into another's private names.

Every `import` counts, wherever it is written: at module level, inside a function
(imported late for the warm path) or under `if TYPE_CHECKING:`. A loop hidden in a
function or a type-checking block is still a loop for a reader, and breaks as
soon as someone moves the import up. `from . import x`, when x is a submodule, is
an import of that submodule; any other `from package import name` is an import of
the package's `__init__`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import licensecheck

PACKAGE = Path(licensecheck.__file__).parent


def module_files() -> dict[str, Path]:
    """Dotted module name → file, for every module of the package."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported(module: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, int, tuple[str, ...]]]:
    """(target module, line, names imported from it) for every in-package import of `module`."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    found.append((alias.name, node.lineno, ()))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target not in modules:
                continue
            names = []
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in modules:
                    found.append((submodule, node.lineno, ()))
                else:
                    names.append(alias.name)
            if names:
                found.append((target, node.lineno, tuple(names)))
    return found


def import_graph() -> dict[str, set[str]]:
    modules = module_files()
    return {
        module: {target for target, _, _ in imported(module, path, modules) if target != module}
        for module, path in modules.items()
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import loop, as the modules along it (the first repeated at the end), or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" after
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module)
            if cycle:
                return cycle
    return None


def test_the_package_has_no_import_loop():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import loop: " + " -> ".join(cycle)


def test_late_and_type_checking_imports_count(tmp_path):
    # The check itself: edges from a function-level import and a TYPE_CHECKING block,
    # a submodule imported with `from . import`, and a package's __init__.
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from . import c\n"
        "def late():\n    from .b import thing, _hidden\n"
    )
    (package / "b.py").write_text("from . import sub_name\n")
    (package / "c.py").write_text("def f():\n    from .a import late\n")
    modules = {
        "pkg": package / "__init__.py",
        "pkg.a": package / "a.py",
        "pkg.b": package / "b.py",
        "pkg.c": package / "c.py",
    }
    assert sorted(imported("pkg.a", modules["pkg.a"], modules)) == [
        ("pkg.b", 5, ("thing", "_hidden")),
        ("pkg.c", 3, ()),
    ]
    assert imported("pkg.b", modules["pkg.b"], modules) == [("pkg", 1, ("sub_name",))]
    graph = {module: {target for target, _, _ in imported(module, path, modules)} for module, path in modules.items()}
    assert find_cycle(graph) == ["pkg.a", "pkg.c", "pkg.a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_no_module_imports_another_modules_private_names():
    modules = module_files()
    reaching = []
    for module, path in modules.items():
        for target, line, names in imported(module, path, modules):
            private = [name for name in names if name.startswith("_") and not name.startswith("__")]
            if private and target != module:
                reaching.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {', '.join(private)} from {target}")
    assert reaching == [], "private names imported across modules:\n" + "\n".join(reaching)


def private_module_reached_from_outside(modules: dict[str, Path], root: Path = PACKAGE) -> list[str]:
    """`package._module` imported by a module outside `package` (a private module is its package's own)."""
    reaching = []
    for module, path in modules.items():
        for target, line, _ in imported(module, path, modules):
            parts = target.split(".")
            if parts[-1].startswith("_") and not parts[-1].startswith("__"):
                owner = ".".join(parts[:-1])
                if module != owner and not module.startswith(owner + "."):
                    reaching.append(f"{path.relative_to(root.parent)}:{line}: {target}")
    return reaching


def test_private_modules_stay_inside_their_package():
    reaching = private_module_reached_from_outside(module_files())
    assert reaching == [], "private modules imported from outside their package:\n" + "\n".join(reaching)


def test_a_private_module_reached_from_another_package_is_found(tmp_path):
    (tmp_path / "pkg" / "inner").mkdir(parents=True)
    files = {
        "pkg": "__init__.py",
        "pkg.inner": "inner/__init__.py",
        "pkg.inner._helpers": "inner/_helpers.py",
        "pkg.inner.user": "inner/user.py",
        "pkg.outside": "outside.py",
    }
    texts = {"pkg.inner.user": "from ._helpers import read\n", "pkg.outside": "from .inner._helpers import read\n"}
    modules = {}
    for name, relative in files.items():
        path = tmp_path / "pkg" / relative
        path.write_text(texts.get(name, ""))
        modules[name] = path
    assert private_module_reached_from_outside(modules, tmp_path / "pkg") == ["pkg/outside.py:1: pkg.inner._helpers"]
