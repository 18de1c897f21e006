"""Read `setup.cfg` into package Components: `[options] install_requires` and every extra.

The file is parsed the way setuptools parses it (`RawConfigParser`: no `%`
interpolation, keys case-sensitive, `#` and `;` start full-line comments), so a
file setuptools rejects is rejected here too. A multi-line value holds one
requirement per line; a single-line value is split at `;` as setuptools does,
which is why `name; marker` must go on its own line. Unlike setuptools, a
trailing ` # comment` is dropped rather than fatal. `install_requires = file:
a.txt, b.txt` reads those files as requirements files.

configparser keeps no line numbers, so each requirement's line is found by
looking for its text after the key that holds it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import Component
from .common import is_inside, package_from_pep508, read_text, relative_path

if TYPE_CHECKING:
    import configparser

_OPTIONS = "options"
_EXTRAS = "options.extras_require"
_INLINE_COMMENT = re.compile(r"\s+#.*$")
_SINGLE_LINE_HINT = "setuptools splits a one-line value at ';': put a requirement with a marker on its own line"


def read_setup_cfg(path: Path, root: Path) -> list[Component]:
    """The packages `setup.cfg` declares in `install_requires` and `extras_require`."""
    where = relative_path(path, root)
    text = read_text(path, where)
    parser = _parse(text, where)
    lines = text.split("\n")
    components: list[Component] = []
    if parser.has_section(_OPTIONS):
        for key in ("install_requires", "install-requires"):
            if parser.has_option(_OPTIONS, key):
                value = parser.get(_OPTIONS, key)
                components += _read_value(value, _OPTIONS, key, lines, path, root, where)
    for section in (_EXTRAS, "options.extras-require"):
        if parser.has_section(section):
            for key, value in parser.items(section):
                components += _read_value(value, section, key, lines, path, root, where)
    return components


def _parse(text: str, where: str) -> configparser.RawConfigParser:
    import configparser

    parser = configparser.RawConfigParser()
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # setuptools keeps key case
    try:
        parser.read_string(text, source=where)
    except configparser.MissingSectionHeaderError as error:
        message = "text before the first section header: expected a header like [options]"
        raise InputError(where, error.lineno, message) from None
    except configparser.DuplicateSectionError as error:
        raise InputError(where, error.lineno, f"section [{error.section}] appears twice") from None
    except configparser.DuplicateOptionError as error:
        raise InputError(where, error.lineno, f"key {error.option!r} appears twice in [{error.section}]") from None
    except configparser.ParsingError as error:
        line = error.errors[0][0] if error.errors else None
        message = "cannot parse this line: expected 'key = value', a [section] header, or an indented continuation"
        raise InputError(where, line, message) from None
    except configparser.Error as error:
        raise InputError(where, getattr(error, "lineno", None), f"invalid setup.cfg: {error.message}") from None
    return parser


def _read_value(
    value: str, section: str, key: str, lines: list[str], path: Path, root: Path, where: str
) -> list[Component]:
    key_index = _key_index(lines, section, key)
    key_line = key_index + 1 if key_index is not None else None
    stripped = value.strip()
    if stripped.startswith("file:"):
        return _read_files(stripped[len("file:") :], path, root, where, key_line)

    single_line = "\n" not in stripped
    items = stripped.split(";") if single_line else stripped.splitlines()
    components: list[Component] = []
    cursor = key_index if key_index is not None else 0
    for item in items:
        requirement = _INLINE_COMMENT.sub("", item).strip()
        if not requirement or requirement.startswith("#"):
            continue
        line = key_line
        if not single_line and key_index is not None:
            found = next((index for index in range(cursor, len(lines)) if requirement in lines[index]), None)
            if found is not None:
                line = found + 1
                cursor = found + 1
        hint = _SINGLE_LINE_HINT if single_line and len(items) > 1 else None
        components.append(package_from_pep508(requirement, where, line, hint=hint))
    return components


def _read_files(names: str, path: Path, root: Path, where: str, line: int | None) -> list[Component]:
    from .requirements import read_requirements

    components: list[Component] = []
    for name in (part.strip() for part in re.split(r"[,\n]", names)):
        if not name:
            continue
        target = path.parent / name
        if not target.is_file():
            raise InputError(where, line, f"file: {name!r} not found (looked for {relative_path(target, root)})")
        if not is_inside(target, root):
            raise InputError(
                where,
                line,
                f"file: {name!r} is outside the scanned directory: licensecheck reads only files under the path it scans",
            )
        components += read_requirements(target, root)
    return components


def _key_index(lines: list[str], section: str, key: str) -> int | None:
    """The 0-based index of the line where `key` is set in `[section]`."""
    in_section = False
    pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*[=:]")
    for index, line in enumerate(lines):
        header = re.match(r"^\s*\[(.+)\]", line)
        if header:
            in_section = header.group(1) == section
        elif in_section and pattern.match(line):
            return index
    return None
