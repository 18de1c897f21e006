"""Globs as `.gitignore` reads them: the one engine for `.gitignore` files and `exclude`.

Matching is pathspec's `GitIgnoreSpec` (git's own rules, edge cases included),
on paths relative to a base directory with `/` separators:

- `*` matches within one path segment, `?` one character, `[abc]` one of a set;
- `**` matches any number of directories (`**/fixtures`, `tests/**`);
- a pattern without `/` (but at its end) matches a file or directory name at any
  depth (`fixtures`); one with a `/` at its start or in the middle is anchored to
  the base (`/vendor`, `tests/fixtures`);
- a trailing `/` matches directories only (`build/`);
- a pattern that matches a directory excludes everything beneath it, so
  `tests/fixtures` and `tests/fixtures/**` say the same thing;
- `!` negates an earlier pattern, `#` starts a comment, `\\` escapes.

The configuration's `exclude` globs are read the same way, with one convenience:
a leading `./` anchors like a leading `/` (git would match nothing).

pathspec is imported when patterns are first compiled (about 15 ms): a tree
without a `.gitignore`, scanned without `exclude`, never loads it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

# pathspec's own pattern errors are ValueErrors; a range such as `[z-a]` fails in `re`
# (pathspec 1.1; git skips such a line). A `.gitignore` in a scanned tree is untrusted.
_UNREADABLE = (ValueError, re.error)


@dataclass(frozen=True)
class Globs:
    """Compiled patterns: pathspec's spec, and one regex that any path a pattern matches matches.

    Most paths of a tree match no pattern at all; the one regex says so in a
    single search, where pathspec tries each pattern in turn (a walk asks for
    every file). A path the regex matches is decided by pathspec, last match and
    directory rules included.
    """

    spec: GitIgnoreSpec
    any_pattern: re.Pattern[str] | None


def compile_globs(lines: Iterable[str]) -> Globs:
    """The patterns of one `.gitignore` (or a list of globs); a line pathspec cannot read is left out, as git does."""
    from pathspec import GitIgnoreSpec

    lines = list(lines)
    try:
        spec = GitIgnoreSpec.from_lines(lines)
    except _UNREADABLE:
        spec = GitIgnoreSpec.from_lines([line for line in lines if _readable(line)])
    return Globs(spec, _any_pattern(spec))


# pathspec names the group that marks a directory match; the union needs no names (nor duplicates of one).
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


# How pathspec starts a pattern without a `/` but at its end (`*.pyc`, `build/`): at any depth.
_AT_ANY_DEPTH = "^(?:.+/)?"


def _any_pattern(spec: GitIgnoreSpec) -> re.Pattern[str] | None:
    """The union of the spec's patterns, or None when one of them is not a plain regex (then pathspec decides all).

    The patterns that match at any depth share their start, `^(?:.+/)?`, written once
    before the union of their rests: a path is then scanned for its folders once, not
    once per pattern (a Python project's usual `.gitignore` has some sixty such lines,
    and the walk asks about every file). The same paths match: A(B|C) is AB|AC.
    """
    anchored, any_depth = [], []
    for pattern in spec.patterns:
        if pattern.include is None:
            continue  # a blank line or a comment
        regex = getattr(pattern, "regex", None)
        if not isinstance(regex, re.Pattern):
            return None
        source = _NAMED_GROUP.sub("(?:", regex.pattern)
        if source.startswith(_AT_ANY_DEPTH):
            any_depth.append(source[len(_AT_ANY_DEPTH) :])
        else:
            anchored.append(source)
    sources = [f"(?:{source})" for source in anchored]
    if any_depth:
        sources.append(_AT_ANY_DEPTH + "(?:" + "|".join(f"(?:{rest})" for rest in any_depth) + ")")
    try:
        return re.compile("|".join(sources)) if sources else re.compile(r"(?!)")
    except re.error:
        return None


def _readable(line: str) -> bool:
    from pathspec import GitIgnoreSpec

    try:
        GitIgnoreSpec.from_lines([line])
    except _UNREADABLE:
        return False
    return True


def verdict(globs: Globs, relative: str, is_dir: bool) -> bool | None:
    """Whether the patterns exclude `relative` (True), bring it back with `!` (False), or do not say (None)."""
    path = relative + "/" if is_dir else relative
    if globs.any_pattern is not None and globs.any_pattern.search(path) is None:
        return None
    return globs.spec.check_file(path).include


class PathFilter:
    """The configuration's `exclude` globs: answers "is this path excluded?" for paths anywhere on disk.

    Paths outside `base` are never excluded by it.
    """

    def __init__(self, base: Path | str, patterns: Iterable[str]) -> None:
        self.base = os.path.abspath(base)
        self.patterns = tuple(patterns)
        self._spec = (
            compile_globs("/" + p[2:] if p.startswith("./") else p for p in self.patterns) if self.patterns else None
        )

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def __call__(self, path: Path | str, is_dir: bool = False) -> bool:
        """Whether `path` is excluded; `is_dir` says it is a directory (for patterns ending in `/`)."""
        if self._spec is None:
            return False
        relative = os.path.relpath(os.path.abspath(path), self.base)
        if relative == os.curdir or relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return False
        return bool(verdict(self._spec, relative.replace(os.sep, "/"), is_dir))
