"""Read `pyproject.toml` into package Components.

Three places declare dependencies: `[project] dependencies`,
`[project.optional-dependencies]` (every extra counts: an extra someone installs
is still shipped), and PEP 735 `[dependency-groups]` (every group, for the same
reason). A `{include-group = "x"}` entry adds nothing of its own, since group
`x` is read anyway, but it must name an existing group and must not form a
cycle, as PEP 735 requires. `dynamic = ["dependencies"]` declares nothing here:
those come from another file.

Lines are found in the text with toml_lines.py (tomllib gives none).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Component
from .common import package_from_pep508, read_text, relative_path
from .toml_lines import TomlLocator, dotted_key, parse_toml, type_name


def read_pyproject(path: Path, root: Path) -> list[Component]:
    """The packages `pyproject.toml` declares as dependencies, extras and groups."""
    where = relative_path(path, root)
    text = read_text(path, where)
    data = parse_toml(text, where)
    locator = TomlLocator(text)
    components: list[Component] = []

    project = data.get("project")
    if project is not None:
        if not isinstance(project, dict):
            raise InputError(where, locator.key_line(("project",)), "`project` must be a table")
        key: tuple[str, ...] = ("project", "dependencies")
        dependencies = project.get("dependencies")
        if dependencies is not None:
            requirements = _string_list(dependencies, key, where, locator)
            components += _components(requirements, key, where, locator)
        extras = project.get("optional-dependencies")
        if extras is not None:
            table = ("project", "optional-dependencies")
            if not isinstance(extras, dict):
                raise InputError(where, locator.key_line(table), f"`{dotted_key(table)}` must be a table of lists")
            for extra, requirements in extras.items():
                key = (*table, extra)
                components += _components(_string_list(requirements, key, where, locator), key, where, locator)

    groups = data.get("dependency-groups")
    if groups is not None:
        components += _read_dependency_groups(groups, where, locator)
    return components


def _read_dependency_groups(groups: object, where: str, locator: TomlLocator) -> list[Component]:
    from packaging.utils import canonicalize_name

    table = ("dependency-groups",)
    if not isinstance(groups, dict):
        raise InputError(where, locator.key_line(table), "`dependency-groups` must be a table of lists")
    includes: dict[str, list[str]] = {}
    key_of: dict[str, tuple[str, ...]] = {}
    components: list[Component] = []
    for group, entries in groups.items():
        key = (*table, group)
        normalised = canonicalize_name(group)
        if normalised in key_of:
            raise InputError(
                where,
                locator.key_line(key),
                f"dependency group {group!r} is declared twice (group names are compared normalised)",
            )
        key_of[normalised] = key
        if not isinstance(entries, list):
            raise InputError(
                where, locator.key_line(key), f"`{dotted_key(key)}` must be a list, got {type_name(entries)}"
            )
        requirements: list[str] = []
        includes[normalised] = []
        for entry in entries:
            if isinstance(entry, str):
                requirements.append(entry)
            elif _is_include_group(entry):
                includes[normalised].append(entry["include-group"])
            else:
                raise InputError(
                    where,
                    locator.key_line(key),
                    f"`{dotted_key(key)}` entries must be requirement strings or "
                    f'{{include-group = "<group>"}} tables, got {type_name(entry)}',
                )
        components += _components(requirements, key, where, locator)
    _check_group_includes(includes, key_of, where, locator)
    return components


def _check_group_includes(
    includes: dict[str, list[str]],
    key_of: dict[str, tuple[str, ...]],
    where: str,
    locator: TomlLocator,
) -> None:
    """Every include names a group; no group includes itself, directly or not (PEP 735)."""
    from packaging.utils import canonicalize_name

    for group, names in includes.items():
        for name in names:
            if canonicalize_name(name) not in includes:
                line = locator.string_line(key_of[group], name)
                known = ", ".join(sorted(key[-1] for key in key_of.values()))
                raise InputError(where, line, f"include-group {name!r} names no dependency group (groups: {known})")

    finished: set[str] = set()

    def visit(group: str, trail: tuple[str, ...]) -> None:
        if group in finished:
            return
        if group in trail:
            cycle = " -> ".join(key_of[name][-1] for name in (*trail[trail.index(group) :], group))
            message = f"dependency groups include each other in a cycle: {cycle}"
            raise InputError(where, locator.key_line(key_of[group]), message)
        for name in includes[group]:
            visit(canonicalize_name(name), (*trail, group))
        finished.add(group)

    for group in includes:
        visit(group, ())


def _is_include_group(entry: object) -> bool:
    return isinstance(entry, dict) and set(entry) == {"include-group"} and isinstance(entry["include-group"], str)


def _string_list(value: object, key: tuple[str, ...], where: str, locator: TomlLocator) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        got = (
            type_name(value)
            if not isinstance(value, list)
            else "a list with " + ", ".join(sorted({type_name(item) for item in value if not isinstance(item, str)}))
        )
        raise InputError(
            where, locator.key_line(key), f"`{dotted_key(key)}` must be a list of requirement strings, got {got}"
        )
    return value


def _components(requirements: list[str], key: tuple[str, ...], where: str, locator: TomlLocator) -> list[Component]:
    lines = locator.string_lines(key, requirements)
    return [package_from_pep508(text, where, line) for text, line in zip(requirements, lines)]
