"""Read `poetry.lock` into package Components with exact versions, direct or transitive, and scope.

Each `[[package]]` has its exact version. Lock format 2.1 (Poetry 2) records
the groups a package is installed for (`groups = ["main", "dev"]`) and
`optional = true` for a package only an extra brings in; format 1.x records
`category = "main" | "dev"`. Format 2.0 records neither: the scope then comes
from walking `[package.dependencies]` from the project's own declarations.

Which packages are direct is not in the lock: it comes from the
`pyproject.toml` beside it (`[project]`, `[tool.poetry.dependencies]`, its
groups). Without one, `direct` is not known.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Component
from ..scope import DEV, MAIN, OPTIONAL
from ._locks import (
    Edge,
    Locked,
    canonical,
    components,
    declared_in_pyproject,
    header_lines,
    line_where,
    load_toml,
    table_list,
    walk_scopes,
)

SUPPORTED_MAJOR_VERSIONS = ("1", "2")
_EXTRA_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def read_poetry_lock(path: Path, root: Path) -> list[Component]:
    where, text, data = load_toml(path, root)
    metadata = data.get("metadata")
    if not isinstance(metadata, dict):
        raise InputError(where, None, "no `[metadata]` table: is this a poetry.lock?")
    lock_version = metadata.get("lock-version")
    if not (isinstance(lock_version, str) and lock_version.split(".")[0] in SUPPORTED_MAJOR_VERSIONS):
        raise InputError(
            where,
            line_where(text, lambda line: line == "[metadata]"),
            f"unsupported poetry.lock `lock-version` {lock_version!r} (this licensecheck reads 1.x and 2.x)",
        )
    entries = table_list(data, "package", where, "`[[package]]` entries")
    lines = header_lines(text, "package")
    packages = [_package(entry, where, lines[i] if i < len(lines) else None) for i, entry in enumerate(entries)]
    walk_scopes(packages, declared_in_pyproject(path.parent) or [])
    return components(packages, where)


def _package(entry: dict, where: str, line: int | None) -> Locked:
    name, version = entry.get("name"), entry.get("version")
    if not (isinstance(name, str) and name.strip() != ""):
        raise InputError(where, line, "a `[[package]]` entry has no `name`")
    if not (isinstance(version, str) and version.strip() != ""):
        raise InputError(where, line, f"package {name!r} has no `version`")
    optional = entry.get("optional", False)
    if not isinstance(optional, bool):
        raise InputError(where, line, f"package {name!r}: `optional` must be true or false")
    dependencies = entry.get("dependencies", {})
    if not isinstance(dependencies, dict):
        raise InputError(where, line, f"package {name!r}: `dependencies` must be a table")
    extras = entry.get("extras", {})
    if not isinstance(extras, dict):
        raise InputError(where, line, f"package {name!r}: `extras` must be a table of lists")
    edges: list[Edge] = []
    for dependency, spec in dependencies.items():
        specs = spec if isinstance(spec, list) else [spec]
        if all(isinstance(s, dict) and s.get("optional") is True for s in specs):
            continue  # installed only through one of this package's extras
        wanted = sorted({e for s in specs if isinstance(s, dict) for e in s.get("extras", []) if isinstance(e, str)})
        edges.append((dependency, None, tuple(wanted)))
    extra_edges: dict[str, list[Edge]] = {
        extra: [
            (match.group(1), None, ()) for item in items if isinstance(item, str) and (match := _EXTRA_NAME.match(item))
        ]
        for extra, items in extras.items()
        if isinstance(items, list)
    }
    return Locked(
        canonical(name),
        version,
        line,
        reference=_reference(entry.get("source"), where, line, name),
        dependencies=edges,
        extras=extra_edges,
        scope=_scope(entry, optional, where, line, name),
    )


def _scope(entry: dict, optional: bool, where: str, line: int | None, name: str) -> str | None:
    groups = entry.get("groups")
    if groups is not None:
        if not (isinstance(groups, list) and all(isinstance(g, str) for g in groups)):
            raise InputError(where, line, f"package {name!r}: `groups` must be a list of group names")
        if "main" in groups:
            return OPTIONAL if optional else MAIN
        return DEV if groups else None
    category = entry.get("category")
    if category == "main":
        return OPTIONAL if optional else MAIN
    if category == "dev":
        return DEV
    return None


def _reference(source: object, where: str, line: int | None, name: str) -> str | None:
    if source is None:
        return None
    if not isinstance(source, dict):
        raise InputError(where, line, f"package {name!r}: `source` must be a table")
    kind, url = source.get("type"), source.get("url")
    if kind in ("git", "url", "file", "directory") and isinstance(url, str):
        return f"git+{url}" if kind == "git" and not url.startswith("git+") else url
    return None  # `legacy` (a package index) or none: resolved by name and version
