"""Read a PEP 751 lock file (`pylock.toml`, `pylock.<name>.toml`) into package Components.

Each `[[packages]]` entry names one package and, for an index package, its
exact `version`; a package from version control, a directory or an archive
keeps that as its direct reference. The format may record *why* a package is
there in its `marker` (`'yaml' in extras`, `'dev' in dependency_groups`) and
the graph in `dependencies`; tools often write neither. Direct dependencies
and their scopes come from the `pyproject.toml` beside the lock; a package
whose scope nothing records keeps `scope` unknown (and `--scope main` keeps it).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Component
from ..scope import DEV, OPTIONAL
from ._locks import (
    Edge,
    Locked,
    canonical,
    components,
    declared_in_pyproject,
    header_lines,
    line_where,
    load_toml,
    load_toml_quietly,
    table_list,
    walk_scopes,
)

SUPPORTED_MAJOR_VERSION = "1"
_IN_EXTRAS = re.compile(r"""['"][^'"]+['"]\s+in\s+extras\b""")
_IN_GROUPS = re.compile(r"""['"][^'"]+['"]\s+in\s+dependency_groups\b""")


def read_pylock(path: Path, root: Path) -> list[Component]:
    where, text, data = load_toml(path, root)
    lock_version = data.get("lock-version")
    if not isinstance(lock_version, str):
        raise InputError(where, None, "no `lock-version`: is this a PEP 751 pylock.toml?")
    if lock_version.split(".")[0] != SUPPORTED_MAJOR_VERSION:
        raise InputError(
            where,
            line_where(text, lambda line: line.split("=")[0].strip() == "lock-version"),
            f"unsupported `lock-version` {lock_version!r} (this licensecheck reads 1.x)",
        )
    entries = table_list(data, "packages", where, "`[[packages]]` entries")
    lines = header_lines(text, "packages")
    project_name = _project_name(path.parent)
    packages: list[Locked] = []
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else None
        package = _package(entry, where, line)
        if package.name == project_name and package.reference is not None:
            continue  # the project itself, installed from its own directory
        packages.append(package)
    walk_scopes(packages, declared_in_pyproject(path.parent) or [])
    return components(packages, where)


def _package(entry: dict, where: str, line: int | None) -> Locked:
    name = entry.get("name")
    if not (isinstance(name, str) and name.strip() != ""):
        raise InputError(where, line, "a `[[packages]]` entry has no `name`")
    version = entry.get("version")
    if not (version is None or isinstance(version, str)):
        raise InputError(where, line, f"package {name!r}: `version` must be a string")
    reference = _reference(entry)
    if version is None and reference is None:
        raise InputError(
            where,
            line,
            f"package {name!r} has neither a `version` nor a `vcs`, `directory` or `archive` source",
        )
    marker = entry.get("marker")
    scope = None
    if isinstance(marker, str):
        if _IN_EXTRAS.search(marker):
            scope = OPTIONAL
        elif _IN_GROUPS.search(marker):
            scope = DEV
    dependencies = entry.get("dependencies", [])
    if not isinstance(dependencies, list):
        raise InputError(where, line, f"package {name!r}: `dependencies` must be an array of tables")
    edges: list[Edge] = [
        (item["name"], item.get("version") if isinstance(item.get("version"), str) else None, ())
        for item in dependencies
        if isinstance(item, dict) and isinstance(item.get("name"), str)
    ]
    return Locked(canonical(name), version, line, reference=reference, dependencies=edges, scope=scope)


def _reference(entry: dict) -> str | None:
    vcs = entry.get("vcs")
    if isinstance(vcs, dict):
        url = vcs.get("url") or vcs.get("path")
        if isinstance(url, str):
            kind = vcs.get("type") if isinstance(vcs.get("type"), str) else "git"
            commit = vcs.get("commit-id")
            return f"{kind}+{url}" + (f"@{commit}" if isinstance(commit, str) else "")
    directory = entry.get("directory")
    if isinstance(directory, dict) and isinstance(directory.get("path"), str):
        return directory["path"]
    archive = entry.get("archive")
    if isinstance(archive, dict):
        url = archive.get("url") or archive.get("path")
        if isinstance(url, str):
            return url
    return None


def _project_name(folder: Path) -> str | None:
    data = load_toml_quietly(folder / "pyproject.toml")
    project = data.get("project") if isinstance(data, dict) else None
    name = project.get("name") if isinstance(project, dict) else None
    return canonical(name) if isinstance(name, str) else None
