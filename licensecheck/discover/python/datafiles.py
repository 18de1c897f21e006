"""A data file of the project that code reads into a value: `json.load(open("config/model2path.json"))`.

The file's content stands where the call is, as the constant it would be if it were
written in the code (a dict of strings, a list...), each string at its own line of the
file: `model_map[name]` of a JSON table then gives every model of the table, located
where it is written. Only files inside the scanned tree, of bounded size, parsed with
the standard parsers (never executed); anything else is no value.
"""

from __future__ import annotations

import ast
import os
from typing import Any

from ...model import Location
from .parse import Module, Scope

MAX_BYTES = 1 << 20  # a configuration table, not a dataset
_READERS = {
    "json.load": "json",
    "json.loads": "json",
    "yaml.safe_load": "yaml",
    "yaml.load": "yaml",
    "yaml.full_load": "yaml",
}
_READER_NAMES = frozenset(name.rsplit(".", 1)[1] for name in _READERS)


def reader_of(qualified: str) -> str | None:
    """ "json" or "yaml" for a call that parses a file's text, else None."""
    return _READERS.get(qualified)


def may_read(call: ast.Call) -> bool:
    """A cheap first test: `x.load(...)`, `x.loads(...)`, `x.safe_load(...)`, `x.full_load(...)`."""
    func = call.func
    return type(func) is ast.Attribute and func.attr in _READER_NAMES and bool(call.args)


def opened_path(argument: ast.expr, reader: str) -> ast.expr | None:
    """The path expression of `open(P)` (json.load, yaml), or of `open(P).read()` (json.loads, yaml)."""
    if (
        isinstance(argument, ast.Call)
        and isinstance(argument.func, ast.Attribute)
        and argument.func.attr == "read"
        and not argument.args
    ):
        argument = argument.func.value
    if isinstance(argument, ast.Call) and isinstance(argument.func, ast.Name) and argument.func.id == "open":
        return argument.args[0] if argument.args else None
    return None


class DataFiles:
    """Data files read once each, as (expression, scope) of a module of their own."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._read: dict[str, tuple[ast.expr, Scope] | None] = {}

    def value(self, absolute: str, reader: str) -> tuple[ast.expr, Scope] | None:
        if absolute not in self._read:
            self._read[absolute] = self._load(absolute, reader)
        return self._read[absolute]

    def _load(self, absolute: str, reader: str) -> tuple[ast.expr, Scope] | None:
        from ..config import data_tree

        try:
            if os.path.getsize(absolute) > MAX_BYTES:
                return None
            with open(absolute, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, ValueError):
            return None  # unreadable: no value, and the loader's argument stays unknown
        tree = data_tree(text, reader)
        if tree is None:
            return None  # malformed, or several YAML documents
        relative = os.path.relpath(absolute, self.root).replace(os.sep, "/")
        module = Module(relative, os.path.dirname(absolute), None, lambda line: Location(relative, line))
        return _expression(tree, 0), module.scope


def _expression(node: Any, depth: int) -> ast.expr:
    """A located tree (config.py's nodes) as the Python literal it would be."""
    kind = node[0]
    if kind == "s":
        return ast.Constant(value=node[1], lineno=node[2] or 1)
    if depth > 50:
        return ast.Constant(value=None, lineno=1)
    if kind == "m":
        pairs = [(key, child) for key, child in node[1] if isinstance(key, str)]
        return ast.Dict(
            keys=[ast.Constant(value=key, lineno=1) for key, _ in pairs],
            values=[_expression(child, depth + 1) for _, child in pairs],
            lineno=1,
        )
    if kind == "l":
        return ast.List(elts=[_expression(item, depth + 1) for item in node[1]], ctx=ast.Load(), lineno=1)
    return ast.Constant(value=None, lineno=1)
