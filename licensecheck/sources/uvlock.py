"""Read `uv.lock` into package Components with exact versions, direct or transitive, and scope.

uv records everything needed: every `[[package]]` with its version and source;
the project itself (and each workspace member) is a package whose source is
`editable` or `virtual`, and its `dependencies`, `optional-dependencies` (one
list per extra) and `dev-dependencies` (one list per dependency group) are the
project's own edges. Those members are the roots of the walk; they are the
project, not dependencies, so they are not reported. A dependency from git, a
URL or a path keeps that as its direct reference (no index entry to resolve).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Component
from ..scope import DEV, MAIN, OPTIONAL
from ._locks import Edge, Locked, RootEdge, canonical, components, header_lines, load_toml, table_list, walk_scopes

SUPPORTED_VERSIONS = (1,)
_PROJECT_SOURCES = ("editable", "virtual")
_REFERENCE_SOURCES = ("git", "url", "path", "directory")


def read_uv_lock(path: Path, root: Path) -> list[Component]:
    where, text, data = load_toml(path, root)
    version = data.get("version")
    if version not in SUPPORTED_VERSIONS:
        raise InputError(
            where,
            1,
            f"unsupported uv.lock version {version!r} (this licensecheck reads version 1): upgrade licensecheck",
        )
    entries = table_list(data, "package", where, "`[[package]]` entries")
    lines = header_lines(text, "package")
    packages: list[Locked] = []
    roots: list[RootEdge] = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else None
        name = entry.get("name")
        if not (isinstance(name, str) and name.strip() != ""):
            raise InputError(where, line, "a `[[package]]` entry has no `name`")
        source = entry.get("source", {})
        if not isinstance(source, dict):
            raise InputError(where, line, f"package {name!r}: `source` must be a table")
        edges = _edges(entry.get("dependencies", []), where, line, name, "dependencies")
        extras = {
            extra: _edges(items, where, line, name, f"optional-dependencies.{extra}")
            for extra, items in _table(entry, "optional-dependencies", where, line, name).items()
        }
        if any(kind in source for kind in _PROJECT_SOURCES):
            roots += [edge + (MAIN,) for edge in edges]
            roots += [edge + (OPTIONAL,) for items in extras.values() for edge in items]
            for group, items in _table(entry, "dev-dependencies", where, line, name).items():
                roots += [edge + (DEV,) for edge in _edges(items, where, line, name, f"dev-dependencies.{group}")]
            continue
        package_version = entry.get("version")
        if not (isinstance(package_version, str) and package_version.strip() != ""):
            raise InputError(where, line, f"package {name!r} has no `version`")
        reference = next((str(source[kind]) for kind in _REFERENCE_SOURCES if kind in source), None)
        packages.append(Locked(canonical(name), package_version, line, reference, edges, extras))
    walk_scopes(packages, roots)
    return components(packages, where)


def _table(entry: dict, key: str, where: str, line: int | None, name: str) -> dict:
    value = entry.get(key, {})
    if not isinstance(value, dict):
        raise InputError(where, line, f"package {name!r}: `{key}` must be a table of lists")
    return value


def _edges(items: object, where: str, line: int | None, name: str, key: str) -> list[Edge]:
    if not (
        isinstance(items, list) and all(isinstance(item, dict) and isinstance(item.get("name"), str) for item in items)
    ):
        raise InputError(where, line, f'package {name!r}: `{key}` must be a list of {{ name = "..." }} tables')
    edges: list[Edge] = []
    for item in items:
        version = item.get("version") if isinstance(item.get("version"), str) else None
        extras = item.get("extra", [])
        extras = tuple(sorted(e for e in extras if isinstance(e, str))) if isinstance(extras, list) else ()
        edges.append((item["name"], version, extras))
    return edges
