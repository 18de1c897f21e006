"""Read `Pipfile.lock` (Pipenv) into package Components with exact versions and scope.

The lock is JSON: `default` holds what the application installs (scope
`main`), `develop` what only developers install (`dev`); each entry's
`version` is an exact `==` pin. A package in both is `main`. Entries from git,
a path or a file URL keep that as their direct reference. The lock has no
graph: which packages are direct comes from the `Pipfile` beside it
(`[packages]`, `[dev-packages]`); without one, `direct` is not known.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import InputError
from ..model import Component
from ..scope import DEV, MAIN
from ._locks import Locked, canonical, components, declared_in_pipfile
from .common import line_at, read_text, relative_path

SUPPORTED_SPEC = 6
_SECTIONS = (("default", MAIN), ("develop", DEV))


def read_pipfile_lock(path: Path, root: Path) -> list[Component]:
    where = relative_path(path, root)
    text = read_text(path, where)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(where, error.lineno, f"invalid JSON: {error.msg}") from None
    except RecursionError:
        raise InputError(where, None, "invalid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError(where, 1, "expected a JSON object with `_meta`, `default` and `develop`")
    meta = data.get("_meta")
    if not isinstance(meta, dict):
        raise InputError(where, None, "no `_meta` object: is this a Pipfile.lock?")
    spec = meta.get("pipfile-spec")
    if spec != SUPPORTED_SPEC:
        raise InputError(
            where,
            _line_of(text, '"pipfile-spec"'),
            f"unsupported `pipfile-spec` {spec!r} (this licensecheck reads {SUPPORTED_SPEC})",
        )
    found: dict[str, Locked] = {}
    for section, scope in _SECTIONS:
        entries = data.get(section, {})
        section_line = _line_of(text, f'"{section}"')
        if not isinstance(entries, dict):
            raise InputError(where, section_line, f"`{section}` must be an object of packages")
        section_offset = text.find(f'"{section}"')
        for name, entry in entries.items():
            line = _line_of(text, json.dumps(name), max(section_offset, 0))
            if not isinstance(entry, dict):
                raise InputError(where, line, f"{section}: package {name!r} must be an object")
            key = canonical(name)
            if key in found:
                continue  # in `default` and `develop`: `default` (main) came first
            version, reference = _pin(entry, where, line, section, name)
            found[key] = Locked(key, version, line, reference=reference, scope=scope)
    packages = list(found.values())
    roots = declared_in_pipfile(path.parent)
    if roots is not None:
        direct = {canonical(name) for name, _version, _extras, _scope in roots}
        for package in packages:
            package.direct = package.name in direct
    return components(packages, where)


def _pin(entry: dict, where: str, line: int | None, section: str, name: str) -> tuple[str | None, str | None]:
    version = entry.get("version")
    if isinstance(version, str):
        match = re.fullmatch(r"\s*===?\s*(\S+)\s*", version)
        if match is None:
            raise InputError(
                where,
                line,
                f"{section}: package {name!r}: `version` {version!r} is not an exact `==` pin",
            )
        return match.group(1), None
    for kind in ("git", "hg", "svn", "bzr"):
        if isinstance(entry.get(kind), str):
            ref = entry.get("ref")
            return None, f"{kind}+{entry[kind]}" + (f"@{ref}" if isinstance(ref, str) else "")
    for kind in ("path", "file"):
        if isinstance(entry.get(kind), str):
            return None, entry[kind]
    raise InputError(where, line, f"{section}: package {name!r} has no `version`, and no git, path or file source")


def _line_of(text: str, needle: str, start: int = 0) -> int | None:
    at = text.find(needle, start)
    return line_at(text, at) if at >= 0 else None
