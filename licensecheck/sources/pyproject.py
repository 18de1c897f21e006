"""Read `pyproject.toml` into package Components.

Three places declare dependencies: `[project] dependencies`,
`[project.optional-dependencies]` (every extra counts: an extra someone installs
is still shipped), and PEP 735 `[dependency-groups]` (every group, for the same
reason). A `{include-group = "x"}` entry adds nothing of its own, since group
`x` is read anyway, but it must name an existing group and must not form a
cycle, as PEP 735 requires. `dynamic = ["dependencies"]` declares nothing here:
those come from another file.

tomllib gives no line numbers, so each requirement is located by finding its
string literal in the text after the key that holds it; a key's line is found
the same way, after its table header. When the text cannot be found (an escape
sequence, a multi-line string) the line of the enclosing key stands in.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Component
from ._common import first_line, line_at, package_from_pep508, read_text, relative_path


def read_pyproject(path: Path, root: Path) -> list[Component]:
    """The packages `pyproject.toml` declares as dependencies, extras and groups."""
    import tomllib

    where = relative_path(path, root)
    text = read_text(path, where)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(where, _toml_error_line(error), f"invalid TOML: {_toml_error_reason(error)}") from None
    except RecursionError:
        raise InputError(where, None, "invalid TOML: nested too deeply") from None

    locator = _Locator(text)
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
                raise InputError(where, locator.key_line(table), f"`{_dotted(table)}` must be a table of lists")
            for extra, requirements in extras.items():
                key = (*table, extra)
                components += _components(_string_list(requirements, key, where, locator), key, where, locator)

    groups = data.get("dependency-groups")
    if groups is not None:
        components += _read_dependency_groups(groups, where, locator)
    return components


def _read_dependency_groups(groups: object, where: str, locator: _Locator) -> list[Component]:
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
            raise InputError(where, locator.key_line(key), f"`{_dotted(key)}` must be a list, got {_kind(entries)}")
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
                    f"`{_dotted(key)}` entries must be requirement strings or "
                    f'{{include-group = "<group>"}} tables, got {_kind(entry)}',
                )
        components += _components(requirements, key, where, locator)
    _check_group_includes(includes, key_of, where, locator)
    return components


def _check_group_includes(
    includes: dict[str, list[str]],
    key_of: dict[str, tuple[str, ...]],
    where: str,
    locator: _Locator,
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
            cycle = " -> ".join(key_of[name][-1] for name in (*trail[trail.index(group):], group))
            message = f"dependency groups include each other in a cycle: {cycle}"
            raise InputError(where, locator.key_line(key_of[group]), message)
        for name in includes[group]:
            visit(canonicalize_name(name), (*trail, group))
        finished.add(group)

    for group in includes:
        visit(group, ())


def _is_include_group(entry: object) -> bool:
    return isinstance(entry, dict) and set(entry) == {"include-group"} and isinstance(entry["include-group"], str)


def _string_list(value: object, key: tuple[str, ...], where: str, locator: _Locator) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        got = _kind(value) if not isinstance(value, list) else "a list with " + ", ".join(
            sorted({_kind(item) for item in value if not isinstance(item, str)})
        )
        raise InputError(
            where, locator.key_line(key), f"`{_dotted(key)}` must be a list of requirement strings, got {got}"
        )
    return value


def _components(requirements: list[str], key: tuple[str, ...], where: str, locator: _Locator) -> list[Component]:
    lines = locator.string_lines(key, requirements)
    return [package_from_pep508(text, where, line) for text, line in zip(requirements, lines)]


def _kind(value: object) -> str:
    names = {str: "a string", list: "a list", dict: "a table", bool: "a boolean", int: "an integer", float: "a float"}
    return names.get(type(value), f"a {type(value).__name__}")


def _dotted(key: tuple[str, ...]) -> str:
    return ".".join(part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"' for part in key)


def _toml_error_line(error: Exception) -> int | None:
    line = getattr(error, "lineno", None)  # Python 3.14 has it; 3.11 puts it in the message
    if isinstance(line, int):
        return line
    match = re.search(r"at line (\d+)", str(error))
    return int(match.group(1)) if match else None


def _toml_error_reason(error: Exception) -> str:
    reason = getattr(error, "msg", None) or re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", str(error))
    return first_line(reason)


class _Locator:
    """Finds lines in TOML text for keys and string literals that tomllib has already parsed."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.offsets: list[int] = []
        offset = 0
        for line in self.lines:
            self.offsets.append(offset)
            offset += len(line) + 1
        # (line index, header key parts) for every table header.
        self.headers = [
            (index, _split_key(match.group(1)))
            for index, line in enumerate(self.lines)
            if (match := self._HEADER.match(line))
        ]

    def key_line(self, key: tuple[str, ...]) -> int | None:
        """The line of `key`, else of its nearest enclosing key or table that can be found."""
        for length in range(len(key), 0, -1):
            index = self._key_index(key[:length])
            if index is not None:
                return index + 1
        return None

    def string_line(self, key: tuple[str, ...], value: str) -> int | None:
        return self.string_lines(key, [value])[0]

    def string_lines(self, key: tuple[str, ...], values: list[str]) -> list[int | None]:
        """The line of each string in the list at `key`, searched in order after the key."""
        start_line = self.key_line(key)
        fallback = start_line
        cursor = self.offsets[start_line - 1] if start_line else 0
        result: list[int | None] = []
        for value in values:
            found = self._find_literal(value, cursor)
            if found is None:
                result.append(fallback)
                continue
            start, end = found
            result.append(line_at(self.text, start))
            cursor = end
        return result

    def _find_literal(self, value: str, cursor: int) -> tuple[int, int] | None:
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        best: tuple[int, int] | None = None
        for literal in (f'"{escaped}"', f"'{value}'"):
            at = self.text.find(literal, cursor)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, at + len(literal))
        return best

    def _key_index(self, key: tuple[str, ...]) -> int | None:
        """The 0-based line index where `key` is defined, trying every header/key split."""
        for split in range(len(key), -1, -1):
            table, rest = key[:split], key[split:]
            if not rest:
                header = next((index for index, parts in self.headers if parts == table), None)
                if header is not None:
                    return header
                continue
            if table:
                header = next((index for index, parts in self.headers if parts == table), None)
                if header is None:
                    continue
                start = header + 1
            else:
                start = 0
            end = next((index for index, _ in self.headers if index >= start), len(self.lines))
            pattern = re.compile(r"^\s*" + r"\s*\.\s*".join(_key_part_pattern(part) for part in rest) + r"\s*=")
            for index in range(start, end):
                if pattern.match(self.lines[index]):
                    return index
        return None


def _key_part_pattern(part: str) -> str:
    escaped = re.escape(part)
    return f'(?:{escaped}|"{escaped}"|\'{escaped}\')'


def _split_key(text: str) -> tuple[str, ...]:
    """`project . "optional-dependencies"` -> ("project", "optional-dependencies")."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^.\s"\']+)', text)
    return tuple(next(piece for piece in groups if piece) if any(groups) else "" for groups in parts)
