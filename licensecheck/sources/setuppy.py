"""Read `setup.py` into package Components without running it: the `setup(...)` call's
`install_requires` and `extras_require`.

The file is parsed with `ast` and never executed: running it would run whatever
the scanned repository put there. A value is read when the call writes it out
(a list or tuple of requirement strings, or one string of lines, which
setuptools also accepts), or names a module-level variable assigned such a
literal exactly once and never changed afterwards; `extras_require` is a dict of
such values. Anything else is computed when setup.py runs (a call such as
`parse_requirements("requirements.txt")`, a comprehension, a list extended
later, `**kwargs`): reading it would mean running the file, so it is a notice
naming the file and line, never silence. It is a warning, shown without `-v`,
because those requirements go unchecked: a scan that finds nothing else would
otherwise pass with nothing said. A setup.py that does not parse
(Python 2 syntax, or too deeply nested for the parser) is a warning, and the
scan goes on.
"""

from __future__ import annotations

import ast
from pathlib import Path

from ..findings import SETUP_PY_DYNAMIC, SETUP_PY_UNREADABLE
from ..model import Component, Finding, Location, Severity
from .common import FileRead, package_from_pep508, read_text, relative_path

_KEYS = ("install_requires", "extras_require")
# What changes a list or dict in place: a variable that meets one of these is not a literal.
_MUTATORS = {"append", "extend", "insert", "remove", "pop", "clear", "update", "setdefault", "sort", "reverse"}
_HOW_TO_FIX = (
    "licensecheck reads setup.py without running it, so these requirements were not checked; "
    "declare them in pyproject.toml, setup.cfg or a requirements file, or write them out in the setup() call"
)


def read_setup_py(path: Path, root: Path) -> FileRead:
    """The packages a literal `setup(...)` call declares, and a notice for every value it computes."""
    where = relative_path(path, root)
    text = read_text(path, where)
    try:
        tree = ast.parse(text, filename=where)
        return _read_tree(tree, where)
    except SyntaxError as error:
        line = error.lineno
        message = f"{where}:{line}: not valid Python 3 ({error.msg}); its requirements were not read"
        return FileRead([], (Finding(Severity.WARNING, SETUP_PY_UNREADABLE, message, Location(where, line)),))
    except (RecursionError, MemoryError, ValueError):  # nesting too deep for CPython's parser, NUL bytes
        message = f"{where}: too deeply nested or too large for Python's parser; its requirements were not read"
        return FileRead([], (Finding(Severity.WARNING, SETUP_PY_UNREADABLE, message, Location(where)),))


def _read_tree(tree: ast.Module, where: str) -> FileRead:
    literals = _module_literals(tree)
    components: list[Component] = []
    notices: list[Finding] = []
    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call) and _is_setup(node.func)):
        for keyword in call.keywords:
            if keyword.arg is None:
                notices.append(_dynamic(where, keyword.value.lineno, "the setup() arguments", "`**` unpacking"))
            elif keyword.arg == "install_requires":
                components += _requirements(keyword.value, literals, where, "`install_requires`", notices)
            elif keyword.arg == "extras_require":
                components += _extras(keyword.value, literals, where, notices)
    return FileRead(components, tuple(notices))


def _is_setup(func: ast.expr) -> bool:
    """`setup(...)`, `setuptools.setup(...)`, `distutils.core.setup(...)`."""
    if isinstance(func, ast.Name):
        return func.id == "setup"
    return (
        isinstance(func, ast.Attribute) and func.attr == "setup" and isinstance(func.value, (ast.Name, ast.Attribute))
    )


def _module_literals(tree: ast.Module) -> dict[str, ast.expr]:
    """Module-level variables assigned a literal once and never assigned, extended or changed again."""
    candidates: dict[str, ast.expr] = {}
    for statement in tree.body:
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            if isinstance(statement.value, (ast.List, ast.Tuple, ast.Dict, ast.Constant)):
                candidates[statement.targets[0].id] = statement.value
    changed: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            changed[node.id] = changed.get(node.id, 0) + 1  # the literal assignment itself counts once
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name):
            changed[node.target.id] = changed.get(node.target.id, 0) + 2
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, (ast.Store, ast.Del))
            and isinstance(node.value, ast.Name)
        ):
            changed[node.value.id] = changed.get(node.value.id, 0) + 2
        elif isinstance(node, ast.Attribute) and node.attr in _MUTATORS and isinstance(node.value, ast.Name):
            changed[node.value.id] = changed.get(node.value.id, 0) + 2
    return {name: value for name, value in candidates.items() if changed.get(name, 0) == 1}


def _requirements(
    node: ast.expr, literals: dict[str, ast.expr], where: str, key: str, notices: list[Finding]
) -> list[Component]:
    strings = _strings(node, literals)
    if strings is None:
        notices.append(_dynamic(where, node.lineno, key, _described(node)))
        return []
    return [package_from_pep508(text, where, line) for text, line in strings]


def _extras(node: ast.expr, literals: dict[str, ast.expr], where: str, notices: list[Finding]) -> list[Component]:
    table = literals.get(node.id, node) if isinstance(node, ast.Name) else node
    if not isinstance(table, ast.Dict) or any(key is None for key in table.keys):
        notices.append(_dynamic(where, node.lineno, "`extras_require`", _described(node)))
        return []
    components: list[Component] = []
    for key, value in zip(table.keys, table.values):
        if key is None:  # a `**spread`: refused above
            continue
        name = key.value if isinstance(key, ast.Constant) and isinstance(key.value, str) else None
        if name is None:
            notices.append(_dynamic(where, key.lineno, "an `extras_require` key", _described(key)))
            continue
        components += _requirements(value, literals, where, f"`extras_require[{name[:40]!r}]`", notices)
    return components


def _strings(node: ast.expr, literals: dict[str, ast.expr]) -> list[tuple[str, int]] | None:
    """The requirement strings a literal holds, each with its line; None when the value is computed."""
    if isinstance(node, ast.Name):
        node = literals.get(node.id, node)
    if isinstance(node, (ast.List, ast.Tuple)):
        strings = [
            (item.value, item.lineno)
            for item in node.elts
            if isinstance(item, ast.Constant) and isinstance(item.value, str)
        ]
        if len(strings) != len(node.elts):
            return None
        return [(text.strip(), line) for text, line in strings if text.strip()]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        # setuptools reads a string as one requirement per line, `#` starting a comment. A
        # triple-quoted string's lines are the file's; "a\nb" on one line is all on that line.
        spans_lines = (node.end_lineno or node.lineno) > node.lineno
        lines = [
            (text.split("#", 1)[0].strip(), node.lineno + (offset if spans_lines else 0))
            for offset, text in enumerate(node.value.splitlines())
        ]
        return [(text, line) for text, line in lines if text]
    return None


def _described(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        function = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "a function")
        return f"the result of calling {function[:40]}()"
    if isinstance(node, ast.Name):
        return f"the variable {node.id[:40]}, which is not a literal assigned once and left unchanged"
    kinds = {
        ast.ListComp: "a list comprehension",
        ast.BinOp: "an expression",
        ast.Subscript: "a lookup",
        ast.Dict: "a dict",
    }
    return kinds.get(type(node), "an expression")


def _dynamic(where: str, line: int, key: str, what: str) -> Finding:
    return Finding(
        Severity.WARNING,
        SETUP_PY_DYNAMIC,
        f"{where}:{line}: {key} is computed when setup.py runs ({what}); {_HOW_TO_FIX}",
        location=Location(where, line),
    )
