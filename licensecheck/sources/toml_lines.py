"""TOML with line numbers: tomllib parses, this module says on which line.

`parse_toml` names the line of a syntax error. tomllib gives no line numbers for
what it parsed, so `TomlLocator` finds them in the text: a string literal after
the key that holds it, a key after its table header. When the text cannot be
found (an escape sequence, a multi-line string) the line of the enclosing key
stands in.
"""

from __future__ import annotations

import re

from ..errors import InputError
from .common import first_line, line_at


def parse_toml(text: str, where: str) -> dict:
    """The TOML document `text`; `InputError` naming `where` and the line when it is not TOML."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError(where, _error_line(error), f"invalid TOML: {_error_reason(error)}") from None
    except RecursionError:
        raise InputError(where, None, "invalid TOML: nested too deeply") from None


def type_name(value: object) -> str:
    """A parsed TOML value's type in words, for messages (`got a string`)."""
    names = {str: "a string", list: "a list", dict: "a table", bool: "a boolean", int: "an integer", float: "a float"}
    return names.get(type(value), f"a {type(value).__name__}")


def dotted_key(key: tuple[str, ...]) -> str:
    """A key path as TOML writes it: `project."optional-dependencies"`."""
    return ".".join(part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else f'"{part}"' for part in key)


def _error_line(error: Exception) -> int | None:
    line = getattr(error, "lineno", None)  # Python 3.14 has it; 3.11 puts it in the message
    if isinstance(line, int):
        return line
    match = re.search(r"at line (\d+)", str(error))
    return int(match.group(1)) if match else None


def _error_reason(error: Exception) -> str:
    reason = getattr(error, "msg", None) or re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)$", "", str(error))
    return first_line(reason)


class TomlLocator:
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
    return f"(?:{escaped}|\"{escaped}\"|'{escaped}')"


def _split_key(text: str) -> tuple[str, ...]:
    """`project . "optional-dependencies"` -> ("project", "optional-dependencies")."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|\'([^\']*)\'|([^.\s"\']+)', text)
    return tuple(next(piece for piece in groups if piece) if any(groups) else "" for groups in parts)
