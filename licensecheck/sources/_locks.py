"""What the Python lock file readers share: parsing, locating entries, scopes over the graph.

A lock file names exact versions; what it says less uniformly is *why* each
package is there. Each reader turns its format into `Locked` entries and edges
(who depends on whom, from which section of the project), and `components`
walks that graph from the project's own declarations:

- a package the project names itself is `direct`; anything reached only
  through other packages is transitive;
- its scope is the widest section it is reached from: `main` (the project's
  dependencies), `optional` (an extra) or `dev` (a dependency group).

When a format records neither the graph nor the sections (or the project file
beside it is missing), `direct`/`scope` stay None: not known, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import PACKAGE, Component, Location
from ..scope import DEV, MAIN, OPTIONAL
from .common import read_text, relative_path

LOCK_FILE_NAMES = ("uv.lock", "poetry.lock", "Pipfile.lock")


def is_pylock_name(name: str) -> bool:
    """PEP 751 names: `pylock.toml`, or `pylock.<name>.toml`."""
    return name == "pylock.toml" or (name.startswith("pylock.") and name.endswith(".toml") and name.count(".") == 2)


def is_lock_file_name(name: str) -> bool:
    return name in LOCK_FILE_NAMES or is_pylock_name(name)


# (dependency name, version or None, extras): an edge from one locked package to another.
Edge = tuple[str, "str | None", tuple[str, ...]]


@dataclass
class Locked:
    """One package entry of a lock file."""

    name: str  # canonical (PEP 503)
    version: str | None
    line: int | None
    reference: str | None = None  # a git URL, archive URL or path: no index entry to resolve
    dependencies: list[Edge] = field(default_factory=list)
    extras: dict[str, list[Edge]] = field(default_factory=dict)
    scope: str | None = None  # when the format records it per package
    direct: bool | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.name, self.version)


# (dependency name, version or None, extras, scope): an edge from the project itself.
RootEdge = tuple[str, "str | None", tuple[str, ...], str]


def canonical(name: str) -> str:
    from packaging.utils import canonicalize_name

    return canonicalize_name(name)


def load_toml(path: Path, root: Path) -> tuple[str, str, dict]:
    """(where, text, data) for a TOML lock file; InputError naming the line when it is not TOML."""
    from .toml_lines import parse_toml

    where = relative_path(path, root)
    text = read_text(path, where)
    return where, text, parse_toml(text, where)


def header_lines(text: str, header: str) -> list[int]:
    """The 1-based lines of every `[[header]]` array-of-tables header, in order."""
    pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]\s*(#.*)?$")
    return [number for number, line in enumerate(text.split("\n"), start=1) if pattern.match(line)]


def line_where(text: str, matches) -> int | None:
    """The 1-based number of the first line for which `matches(stripped line)` is true."""
    for number, line in enumerate(text.split("\n"), start=1):
        if matches(line.strip()):
            return number
    return None


def table_list(data: dict, key: str, where: str, what: str) -> list[dict]:
    """`data[key]` as a list of tables, or InputError."""
    value = data.get(key, [])
    if not (isinstance(value, list) and all(isinstance(item, dict) for item in value)):
        raise InputError(where, None, f"`{key}` must be an array of tables ({what})")
    return value


def walk_scopes(packages: list[Locked], roots: Iterable[RootEdge]) -> None:
    """Set `direct` and `scope` on every package reached from the project's own edges.

    Scopes are walked in order (main, then optional, then dev) so that a package
    reached from several sections keeps the widest. An edge that names extras
    also follows the dependency's `extras` lists.
    """
    by_name: dict[str, list[Locked]] = {}
    for package in packages:
        by_name.setdefault(package.name, []).append(package)
    roots = list(roots)

    def targets(name: str, version: str | None) -> list[Locked]:
        candidates = by_name.get(canonical(name), [])
        if version is not None:
            exact = [p for p in candidates if p.version == version]
            return exact or candidates
        return candidates

    for scope in (MAIN, OPTIONAL, DEV):
        seen: set[tuple[tuple[str, str | None], tuple[str, ...]]] = set()
        queue: list[tuple[Locked, tuple[str, ...]]] = []
        for name, version, extras, edge_scope in roots:
            if edge_scope != scope:
                continue
            for package in targets(name, version):
                package.direct = True
                queue.append((package, extras))
        while queue:
            package, extras = queue.pop()
            if (package.key, extras) in seen:
                continue
            seen.add((package.key, extras))
            if package.scope is None:
                package.scope = scope
            edges = package.dependencies + [edge for extra in extras for edge in package.extras.get(extra, [])]
            for name, version, child_extras in edges:
                queue.extend((child, child_extras) for child in targets(name, version))
    if roots:
        for package in packages:
            if package.direct is None and package.scope is not None:
                package.direct = False


def components(packages: Iterable[Locked], where: str) -> list[Component]:
    """One package Component per lock entry, located at its entry's line."""
    return [
        Component(
            type=PACKAGE,
            name=package.name,
            revision=package.version,
            direct_reference=package.reference,
            locations=(Location(path=where, line=package.line),),
            direct=package.direct,
            scope=package.scope,
        )
        for package in packages
    ]


# -- the project's own declarations, from the file beside the lock ---------------------------


def declared_in_pyproject(folder: Path) -> list[RootEdge] | None:
    """The project's own dependencies from `pyproject.toml` beside the lock, with their scopes.

    Reads PEP 621 `[project]`, PEP 735 `[dependency-groups]` and Poetry's
    `[tool.poetry]` tables. None when there is no readable pyproject.toml: the
    lock alone then cannot say which packages are direct. (A malformed one is
    reported by the pyproject reader when it is in the scanned tree.)
    """
    data = load_toml_quietly(folder / "pyproject.toml")
    if data is None:
        return None
    edges: list[RootEdge] = []
    project = data.get("project")
    if not isinstance(project, dict):
        project = {}
    edges += _pep508_edges(project.get("dependencies"), MAIN)
    optional = project.get("optional-dependencies")
    if isinstance(optional, dict):
        for requirements in optional.values():
            edges += _pep508_edges(requirements, OPTIONAL)
    groups = data.get("dependency-groups")
    if isinstance(groups, dict):
        for requirements in groups.values():
            edges += _pep508_edges(
                [r for r in requirements if isinstance(r, str)] if isinstance(requirements, list) else None, DEV
            )
    poetry = (data.get("tool") or {}).get("poetry") if isinstance(data.get("tool"), dict) else None
    if isinstance(poetry, dict):
        edges += _poetry_edges(poetry.get("dependencies"), MAIN)
        edges += _poetry_edges(poetry.get("dev-dependencies"), DEV)
        poetry_groups = poetry.get("group")
        if isinstance(poetry_groups, dict):
            for group in poetry_groups.values():
                if isinstance(group, dict):
                    edges += _poetry_edges(group.get("dependencies"), DEV)
    return edges


def declared_in_pipfile(folder: Path) -> list[RootEdge] | None:
    """The `[packages]` (main) and `[dev-packages]` (dev) of the Pipfile beside Pipfile.lock."""
    data = load_toml_quietly(folder / "Pipfile")
    if data is None:
        return None
    edges: list[RootEdge] = []
    for section, scope in (("packages", MAIN), ("dev-packages", DEV)):
        table = data.get(section)
        if isinstance(table, dict):
            edges += [(name, None, (), scope) for name in table if isinstance(name, str)]
    return edges


def load_toml_quietly(path: Path) -> dict | None:
    import tomllib

    try:
        return tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None


def _pep508_edges(requirements: object, scope: str) -> list[RootEdge]:
    from packaging.requirements import InvalidRequirement, Requirement

    edges: list[RootEdge] = []
    for text in requirements if isinstance(requirements, list) else []:
        if not isinstance(text, str):
            continue
        try:
            requirement = Requirement(text)
        except InvalidRequirement:
            continue
        edges.append((requirement.name, None, tuple(sorted(requirement.extras)), scope))
    return edges


def _poetry_edges(table: object, scope: str) -> list[RootEdge]:
    if not isinstance(table, dict):
        return []
    edges: list[RootEdge] = []
    for name, spec in table.items():
        if name.lower() == "python":
            continue
        specs = spec if isinstance(spec, list) else [spec]
        extras = tuple(
            sorted({e for s in specs if isinstance(s, dict) for e in s.get("extras", []) if isinstance(e, str)})
        )
        optional = any(isinstance(s, dict) and s.get("optional") is True for s in specs)
        edges.append((name, None, extras, OPTIONAL if optional and scope == MAIN else scope))
    return edges
