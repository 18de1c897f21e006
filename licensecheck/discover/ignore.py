"""Walk the scanned tree as git would see it: `.gitignore` rules and `exclude` globs.

The common subset of gitignore is implemented here rather than pulled in as a
dependency, because it runs on every scan: blank lines and `#` comments, `!`
negation, a trailing `/` for directories only, a `/` at the start or in the middle
anchoring the pattern to the `.gitignore`'s folder, `*`, `?`, `[...]` and `**`.
Nested `.gitignore` files apply below their folder and override their parents;
`.git/info/exclude` applies like a root `.gitignore`. `exclude` globs from the
configuration use the same syntax, relative to the scanned root.

Also skipped, as the manifest walk does: hidden files and folders (but for the
committed examples of `.env` files, `.env.example` and the like), virtual
environments (a folder holding `pyvenv.cfg`, or a conda `conda-meta`), caches
that say so with a `CACHEDIR.TAG` (licensecheck's own, among others),
`node_modules`, `__pycache__` and `site-packages`. Symbolic links to folders are
not followed, so a link cycle cannot trap the walk, and a link to a file outside
the tree is not read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
# The hidden files that are read: examples of environment settings, committed for others
# to copy (`MODEL_ID=...`). `.env` itself is not: it holds a person's secrets.
ENVIRONMENT_EXAMPLES = frozenset({".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults"})


@dataclass(frozen=True)
class Rule:
    regex: re.Pattern[str]
    negated: bool
    directory_only: bool


def _translate(glob: str) -> str:
    """A gitignore glob (already stripped of `!`, anchoring and trailing `/`) as a regex."""
    out, i, n = [], 0, len(glob)
    while i < n:
        char = glob[i]
        if char == "*":
            if glob.startswith("**", i):
                before_ok = i == 0 or glob[i - 1] == "/"
                after = i + 2
                if before_ok and (after == n or glob[after] == "/"):
                    if after == n:
                        out.append(".*")  # `dir/**`: everything inside
                        i = after
                    else:
                        out.append("(?:.*/)?")  # `**/`: any number of folders, zero included
                        i = after + 1
                    continue
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[":
            end = glob.find("]", i + 2 if glob[i + 1 : i + 2] in ("!", "]") else i + 1)
            if end == -1:
                out.append(re.escape(char))
            else:
                body = glob[i + 1 : end]
                if body.startswith("!"):
                    body = "^" + body[1:]
                out.append("[" + body.replace("\\", "\\\\") + "]")
                i = end
        elif char == "\\" and i + 1 < n:
            i += 1
            out.append(re.escape(glob[i]))
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def parse_rules(lines: Iterable[str]) -> list[Rule]:
    """The rules of one `.gitignore` (or a list of `exclude` globs)."""
    rules = []
    for raw in lines:
        line = raw.rstrip("\n").rstrip("\r")
        if not line.endswith("\\ "):
            line = line.rstrip(" ")
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated:
            line = line[1:]
        elif line.startswith("\\"):
            line = line[1:] if line[1:2] in ("#", "!") else line
        directory_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        line = line.lstrip("/")
        body = _translate(line)
        pattern = ("^" if anchored else "^(?:.*/)?") + body + "$"
        try:
            rules.append(Rule(re.compile(pattern), negated, directory_only))
        except re.error:
            continue  # git ignores a pattern it cannot read; so do we
    return rules


@dataclass(frozen=True)
class RuleSet:
    """The rules of one file, applied to paths relative to `base` (a root-relative folder)."""

    base: str
    rules: tuple[Rule, ...]


def ignored(path: str, is_dir: bool, rule_sets: Iterable[RuleSet]) -> bool:
    """Whether `path` (relative to the root, `/`-separated) is ignored: the last matching rule wins."""
    verdict = False
    for rule_set in rule_sets:
        if rule_set.base:
            if not path.startswith(rule_set.base + "/"):
                continue
            relative = path[len(rule_set.base) + 1 :]
        else:
            relative = path
        for rule in rule_set.rules:
            if rule.directory_only and not is_dir:
                continue
            if rule.regex.match(relative):
                verdict = not rule.negated
    return verdict


def _read_rules(path: str, base: str) -> RuleSet | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            rules = parse_rules(handle)
    except OSError:
        return None
    return RuleSet(base, tuple(rules)) if rules else None


def _is_skipped_folder(names: set[str]) -> bool:
    """A virtual environment, a conda environment, or a cache that tags itself (CACHEDIR.TAG)."""
    return "pyvenv.cfg" in names or "conda-meta" in names or "CACHEDIR.TAG" in names


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def walk(root: str, exclude: Iterable[str] | Callable[[str], bool] | None = None) -> Iterator[tuple[str, str]]:
    """(absolute path, root-relative `/` path) of every file discovery should look at, sorted.

    `exclude` is either globs in .gitignore syntax relative to `root`, or the
    configuration's filter (a callable answering for an absolute path). It is
    checked apart from the .gitignore files: a nested `!pattern` cannot bring
    back what the configuration excludes.
    """
    if callable(exclude):
        def excluded(path: str, relative: str, is_dir: bool) -> bool:
            return exclude(path)
    elif exclude:
        globs = (RuleSet("", tuple(parse_rules(exclude))),)

        def excluded(path: str, relative: str, is_dir: bool) -> bool:
            return ignored(relative, is_dir, globs)
    else:
        def excluded(path: str, relative: str, is_dir: bool) -> bool:
            return False
    real_root = os.path.realpath(root)
    info = _read_rules(os.path.join(root, ".git", "info", "exclude"), "")
    stack: list[tuple[str, str, tuple[RuleSet, ...]]] = [(root, "", (info,) if info else ())]
    while stack:
        directory, relative, inherited = stack.pop()
        try:
            with os.scandir(directory) as iterator:
                entries = sorted(iterator, key=lambda e: e.name)
        except OSError:
            continue
        names = {entry.name for entry in entries}
        if relative and _is_skipped_folder(names):
            continue
        rule_sets = inherited
        if ".gitignore" in names:
            own = _read_rules(os.path.join(directory, ".gitignore"), relative)
            if own:
                rule_sets = inherited + (own,)
        subdirectories = []
        for entry in entries:
            name = entry.name
            if name.startswith(".") and name not in ENVIRONMENT_EXAMPLES:
                continue
            child = f"{relative}/{name}" if relative else name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = not is_dir and entry.is_file()
                if is_file and entry.is_symlink() and not _inside(os.path.realpath(entry.path), real_root):
                    continue  # a link out of the tree: not the project's file
            except OSError:
                continue
            if is_dir:
                if name in SKIPPED_FOLDERS or ignored(child, True, rule_sets) or excluded(entry.path, child, True):
                    continue
                subdirectories.append((entry.path, child, rule_sets))
            elif is_file and not ignored(child, False, rule_sets) and not excluded(entry.path, child, False):
                yield entry.path, child
        stack.extend(reversed(subdirectories))
