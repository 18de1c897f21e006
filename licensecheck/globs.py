"""The `exclude` globs of the configuration: which paths a scan never reads.

Patterns are matched against a path relative to a base directory (the directory
of the configuration file), with `/` separators, much as `.gitignore` reads them:

- `*` matches within one path segment, `?` one character, `[abc]` one of a set;
- `**` matches any number of directories (`**/fixtures`, `tests/**`);
- a pattern without `/` matches a file or directory name at any depth (`fixtures`);
- a pattern that matches a directory excludes everything beneath it, so
  `tests/fixtures` and `tests/fixtures/**` say the same thing.

Every reader of the tree (the input walk in `inputs.py`, code discovery) asks the
same `PathFilter`, so a path excluded once is excluded everywhere. Pure apart
from `os.path` arithmetic: no file is opened.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path


def _segment(part: str) -> str:
    """One path segment's glob as a regular expression that never crosses `/`."""
    out, index = [], 0
    while index < len(part):
        char = part[index]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and (close := part.find("]", index + 2)) > 0:
            body = part[index + 1:close]
            if body.startswith("!"):
                body = "^" + body[1:]
            out.append("[" + body.replace("\\", "\\\\") + "]")
            index = close
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def compile_glob(pattern: str) -> re.Pattern[str]:
    """The regular expression for one exclude pattern (see the module's docstring)."""
    text = pattern.strip().replace("\\", "/")
    text = text.removeprefix("./").lstrip("/").rstrip("/")
    while text.endswith("/**"):
        text = text[:-3]  # a matched directory already excludes what is below it
    if text in ("", "**"):
        return re.compile(r".*\Z", re.DOTALL)
    if "/" not in text:
        text = "**/" + text
    parts = text.split("/")
    regex = []
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        if part == "**":
            regex.append("(?:[^/]+/)*")
        else:
            regex.append(_segment(part) + ("" if last else "/"))
    return re.compile("".join(regex) + r"(?:/.*)?\Z", re.DOTALL)


class PathFilter:
    """Answers "is this path excluded?" for paths anywhere on disk.

    Paths outside `base` are never excluded by it.
    """

    def __init__(self, base: Path, patterns: Iterable[str]) -> None:
        self.base = os.path.abspath(base)
        self.patterns = tuple(patterns)
        self._compiled = tuple(compile_glob(p) for p in self.patterns)

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def __call__(self, path: Path | str) -> bool:
        relative = os.path.relpath(os.path.abspath(path), self.base)
        if relative == "." or relative.startswith(".." + os.sep) or relative == "..":
            return False
        relative = relative.replace(os.sep, "/")
        return any(regex.match(relative) for regex in self._compiled)
