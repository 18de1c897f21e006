"""The one walk of the scanned tree: which files a scan may read.

Both readers of the tree take their files from `walk`: the input files
(sources/inputs.py: manifests, requirement and lock files) and code discovery
(discover/). So what one skips, the other skips too: a requirement file in a
folder git ignores is not read, and neither is the code beside it. Skipped:

- what git ignores: each `.gitignore` applies below its folder, a deeper one
  overrides its parents (the last matching line wins), and `.git/info/exclude`
  applies like a `.gitignore` at the root. Patterns: globs.py (pathspec). As in
  git, a file git tracks is walked whatever `.gitignore` says (and so is an
  ignored folder holding one, for its tracked files only): the walk reads the
  index (gitindex.py) the first time a rule would skip a path;
- the configuration's `exclude` globs (globs.PathFilter), checked apart from the
  `.gitignore` files: a `!pattern` there cannot bring back what `exclude` drops;
- hidden files and folders, but for committed examples of `.env` files
  (`.env.example` and the like);
- virtual environments, recognised by what they hold, whatever their name: a
  folder holding `pyvenv.cfg` (venv, virtualenv, uv) beside an environment's
  `lib` / `Lib` / `bin` / `Scripts` folder (a project that committed the
  `pyvenv.cfg` of the environment it was made in beside its own code is walked:
  GOT-OCR2.0), `conda-meta` (conda), or
  an activation script (`bin/activate`, `Scripts/activate`: virtualenv before
  version 20 wrote no `pyvenv.cfg`). A folder merely *named* `env` or `venv` is
  walked: projects keep real code in `env/` (reinforcement-learning
  environments), and a reference missed there would pass the gate unseen;
- caches that say so with a `CACHEDIR.TAG` (licensecheck's own, among others);
- `node_modules`, `__pycache__` and `site-packages`.

Symbolic links to folders are not followed, so a link cycle cannot trap the
walk. A link to a file inside the tree is walked like the file. What cannot be
read safely, a link out of the tree (or to nothing) and a file that is not a
regular file (a named pipe would block its reader), is left out, unless the
caller asks for it to refuse it by name (sources/inputs.py does: a declared input is
never silently dropped). The root itself is always walked.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter

from .gitindex import TrackedFiles, tracked_files
from .globs import Globs, PathFilter, compile_globs, verdict

SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})
# A folder holding one of these is an environment or a cache, whatever its name.
_SKIPPED_MARKERS = frozenset({"conda-meta", "CACHEDIR.TAG"})
_ENVIRONMENT_FOLDERS = frozenset({"lib", "Lib", "lib64", "bin", "Scripts"})
# The hidden files that are read: examples of environment settings, committed for others
# to copy (`MODEL_ID=...`). `.env` itself is not: it holds a person's secrets.
ENVIRONMENT_EXAMPLES = frozenset({".env.example", ".env.sample", ".env.template", ".env.dist", ".env.defaults"})

_NAME = attrgetter("name")
Exclude = PathFilter | Callable[[str], bool] | Iterable[str] | None
# The `.gitignore` files in force in a folder, outermost first: (folder relative to the root, patterns).
_Rules = tuple[tuple[str, Globs], ...]


def walk(
    root: str,
    exclude: Exclude = None,
    *,
    with_unsafe: bool = False,
    listings: dict[str, frozenset[str]] | None = None,
    hidden_folders: frozenset[str] = frozenset(),
) -> Iterator[tuple[str, str]]:
    """(path, root-relative `/` path) of every file a scan may read under `root`, in a stable order.

    Paths are `root` joined with the relative path. The order is by name, a
    folder's files before its subfolders. `exclude` is the configuration's
    filter (a PathFilter, or any callable answering for a path), or globs
    relative to `root`. With `with_unsafe`, links out of the tree or to nothing,
    and files that are not regular files, are yielded too, for the caller to refuse.
    `hidden_folders`: hidden folders at the root that are walked all the same (discovery's `.github`).
    """
    excluded = _exclusion(root, exclude)
    # No `exclude` globs (the common case): not asked about every file.
    excludes_any = not isinstance(excluded, PathFilter) or bool(excluded)
    real_root = os.path.realpath(root)
    info = _read_rules(os.path.join(root, ".git", "info", "exclude"), "")
    # Inside a folder git ignores (walked only for the tracked files it holds), every other path is ignored.
    stack: list[tuple[str, str, _Rules, bool]] = [(root, "", (info,) if info else (), False)]
    index: list[TrackedFiles | None] = []  # the tracked files, read when a rule first skips a path

    def tracked() -> TrackedFiles | None:
        if not index:
            index.append(tracked_files(root))
        return index[0]

    while stack:
        directory, relative, inherited, in_ignored = stack.pop()
        try:
            with os.scandir(directory) as iterator:
                entries = sorted(iterator, key=_NAME)
        except OSError:
            continue
        names = frozenset(map(_NAME, entries))
        if listings is not None:
            listings[directory] = names  # the names in the folder, for whoever asks again
        if relative and (
            not _SKIPPED_MARKERS.isdisjoint(names)
            or ("pyvenv.cfg" in names and not _ENVIRONMENT_FOLDERS.isdisjoint(names))
            or _has_activation_script(directory, names)
        ):
            continue
        rules = inherited
        if ".gitignore" in names:
            own = _read_rules(os.path.join(directory, ".gitignore"), relative)
            if own:
                rules = inherited + (own,)
        # A file is asked about only when a `.gitignore`'s prefilter matches it (globs.verdict's first test).
        screens = None if in_ignored else _screens(rules)
        subdirectories = []
        for entry in entries:
            name = entry.name
            if name[0] == "." and name not in ENVIRONMENT_EXAMPLES:  # a name is never empty
                if relative or name not in hidden_folders:
                    continue
            child = f"{relative}/{name}" if relative else name
            try:
                # A regular file, not a link, is the commonest entry: one test (the type the
                # folder listing gave; no system call) before the others.
                if not entry.is_file(follow_symlinks=False):
                    if entry.is_dir(follow_symlinks=False):
                        if name in SKIPPED_FOLDERS or (excludes_any and excluded(entry.path, True)):
                            continue
                        ignored = in_ignored or _ignored(child, True, rules)
                        if not ignored or ((known := tracked()) is not None and known.holds_any_below(child)):
                            subdirectories.append((entry.path, child, rules, ignored))
                        continue
                    if not _walked_file(entry, real_root, with_unsafe):
                        continue
            except OSError:
                continue
            if (screens is None or (screens and _screened(child, screens))) and (
                (in_ignored or _ignored(child, False, rules)) and child not in (tracked() or ())
            ):
                continue
            if not (excludes_any and excluded(entry.path, False)):
                yield entry.path, child
        stack.extend(reversed(subdirectories))


def _has_activation_script(directory: str, names: frozenset[str]) -> bool:
    """A virtual environment without `pyvenv.cfg` (virtualenv < 20): its activation script."""
    return any(
        folder in names and os.path.isfile(os.path.join(directory, folder, "activate")) for folder in ("bin", "Scripts")
    )


def _exclusion(root: str, exclude: Exclude) -> Callable[[str, bool], bool]:
    if isinstance(exclude, PathFilter):
        return exclude
    if callable(exclude):
        return lambda path, is_dir: exclude(path)
    return PathFilter(root, exclude or ())


def _walked_file(entry: os.DirEntry, real_root: str, with_unsafe: bool) -> bool:
    """A regular file, or a link to one in the tree; with `with_unsafe`, anything else but a folder."""
    if not entry.is_symlink():
        return with_unsafe or entry.is_file()
    target = os.path.realpath(entry.path)
    inside = target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep)
    if inside and os.path.isfile(target):
        return True
    return with_unsafe and not os.path.isdir(target)


def _read_rules(path: str, base: str) -> tuple[str, Globs] | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    # Blank lines and comments say nothing: a file of only those needs no patterns (nor pathspec).
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return (base, compile_globs(lines)) if lines else None


def _screens(rules: _Rules) -> tuple[tuple[int, Callable[[str], object]], ...] | None:
    """Each `.gitignore` in force as (where a path below its folder starts, its prefilter's search); None
    when one has no prefilter (then every file is asked about). No rules: an empty tuple, nothing to ask."""
    screens = []
    for base, globs in rules:
        if globs.any_pattern is None:
            return None
        screens.append((len(base) + 1 if base else 0, globs.any_pattern.search))
    return tuple(screens)


def _screened(relative: str, screens: tuple[tuple[int, Callable[[str], object]], ...]) -> bool:
    """Whether a prefilter of `screens` matches the file `relative`: else no `.gitignore` says a word of it."""
    for cut, search in screens:
        if search(relative[cut:]) is not None:
            return True
    return False


def _ignored(relative: str, is_dir: bool, rules: _Rules) -> bool:
    """Whether git ignores `relative`: the deepest `.gitignore` with a matching line decides."""
    for base, spec in reversed(rules):
        said = verdict(spec, relative[len(base) + 1 :] if base else relative, is_dir)
        if said is not None:
            return said
    return False
