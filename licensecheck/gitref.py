"""Files as they are at a git commit (`--config-ref REF`): the policy a pull request is judged by.

In CI the working tree is the pull request, so its `licensecheck.toml`, its
`[tool.licensecheck]` and its baseline are the change under review: read from
there, a PR could loosen the very gate that judges it. `--config-ref` reads them
from a commit instead (the PR's base), with `git ls-tree` and `git cat-file`:

- `git` runs without a shell, with a fixed argument list; REF is checked against
  the characters a branch, tag or commit expression uses (no leading `-`, no `:`,
  no spaces) and resolved once, to a commit id, when the run starts;
- paths are the working-tree paths made relative to the repository's root, read
  literally (no pathspec magic), and only regular files (no symbolic links,
  submodules or directories) of at most `MAX_INPUT_BYTES` are read;
- a file that does not exist at REF is absent (the caller then uses the
  defaults); anything else that goes wrong (no git, not a repository, an unknown
  REF) is a `LicensecheckError`: exit 2 with a message that says what to do.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, LicensecheckError

# A branch, a tag, a commit id, or an expression on one (HEAD~1, origin/main, main@{1}):
# no leading `-` (an option), no `:` (REF:path), no whitespace, no control characters.
_REF = re.compile(r"[A-Za-z0-9_@][A-Za-z0-9_./@{}^~+-]{0,255}")
_GIT_TIMEOUT = 60.0
_SYMLINK, _REGULAR = "120000", ("100644", "100755")


@dataclass(frozen=True)
class _Entry:
    mode: str
    kind: str
    object_id: str
    size: int | None


class GitRevision:
    """The files of one commit, addressed by their paths in the working tree."""

    def __init__(self, ref: str, commit: str, top: Path) -> None:
        self.ref = ref  # as the user wrote it: messages name files `REF:path`, as `git show` does
        self.commit = commit  # what it resolved to when the run started
        self.top = top  # the root of the working tree (a real path)
        self._entries: dict[str, _Entry | None] = {}

    def relative(self, path: Path) -> str | None:
        """`path` relative to the repository's root, with `/`; None when it lies outside the repository."""
        relative = os.path.relpath(os.path.realpath(path), self.top)
        if relative == os.curdir or relative == os.pardir or relative.startswith(os.pardir + os.sep):
            return None
        return Path(relative).as_posix()

    def shown(self, path: Path) -> str:
        return f"{self.ref}:{self.relative(path) or path}"

    def exists(self, path: Path) -> bool:
        return self._entry(path) is not None

    def is_file(self, path: Path) -> bool:
        entry = self._entry(path)
        return entry is not None and entry.kind == "blob" and entry.mode in _REGULAR

    def read(self, path: Path) -> str:
        """The file's text at the commit; `InputError` naming `REF:path` when it is not a readable file."""
        from .sources.common import MAX_INPUT_BYTES, decode_input

        where = self.shown(path)
        entry = self._entry(path)
        if entry is None:
            raise InputError(where, None, f"does not exist at {self.ref}")
        if entry.mode == _SYMLINK:
            raise InputError(where, None, "is a symbolic link: licensecheck reads only regular files")
        if entry.kind != "blob" or entry.mode not in _REGULAR:
            raise InputError(where, None, "is a directory or a submodule, expected a file")
        if entry.size is None or entry.size > MAX_INPUT_BYTES:
            raise InputError(where, None, f"is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
        done = _git(self.top, "cat-file", "blob", entry.object_id)
        if done.returncode != 0:
            raise InputError(where, None, "git could not read it")
        return decode_input(done.stdout, where)

    def peek(self, path: Path) -> str:
        """The file's text, leniently decoded, for a quick look; OSError when it cannot be read."""
        try:
            return self.read(path)
        except InputError as error:
            raise OSError(str(error)) from None

    def _entry(self, path: Path) -> _Entry | None:
        relative = self.relative(path)
        if relative is None:
            return None
        if relative not in self._entries:
            self._entries[relative] = self._ls_tree(relative)
        return self._entries[relative]

    def _ls_tree(self, relative: str) -> _Entry | None:
        done = _git(self.top, "ls-tree", "-z", "-l", "--full-tree", self.commit, "--", relative)
        if done.returncode != 0:
            raise LicensecheckError(f"--config-ref {self.ref!r}: git could not list {relative} at {self.commit[:12]}")
        for record in done.stdout.split(b"\0"):
            meta, _, name = record.partition(b"\t")
            fields = meta.split()
            if len(fields) == 4 and os.fsdecode(name) == relative:
                mode, kind, object_id, size = (os.fsdecode(field) for field in fields)
                return _Entry(mode, kind, object_id, int(size) if size.isdigit() else None)
        return None


def open_revision(start: Path, ref: str) -> GitRevision:
    """The commit `ref` names in the git repository holding `start` (the scanned path)."""
    if not _REF.fullmatch(ref) or ".." in ref:
        raise LicensecheckError(
            f"--config-ref {ref!r} is not a git revision: give a branch, tag or commit, such as origin/main or a commit id"
        )
    directory = Path(os.path.abspath(start if start.is_dir() else start.parent))
    if not directory.is_dir():
        raise LicensecheckError(f"{start}: no such file or directory")
    done = _git(directory, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        problem = _first_line(done.stderr)
        if "not a git repository" in problem:
            raise LicensecheckError(f"--config-ref needs a git repository: {directory} is not in one")
        raise LicensecheckError(f"--config-ref: git cannot read the repository at {directory}: {problem}")
    top = Path(os.path.realpath(os.fsdecode(done.stdout.strip())))
    done = _git(top, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    commit = os.fsdecode(done.stdout.strip())
    if done.returncode != 0 or not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", commit):
        raise LicensecheckError(
            f"--config-ref {ref!r}: no such commit in the git repository at {top} "
            f"(a shallow clone may lack it: fetch it first, e.g. git fetch --depth=1 origin {ref})"
        )
    return GitRevision(ref, commit, top)


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",  # never wait for a password
        "GIT_LITERAL_PATHSPECS": "1",  # a path is a path, never a glob or `:(magic)`
        "GIT_NO_REPLACE_OBJECTS": "1",  # the commit's own objects, not local replacements
        "GIT_OPTIONAL_LOCKS": "0",  # reading only: take no lock another git process could wait on
        "LC_ALL": "C",  # git's messages, which are matched above, in English
    }
    try:
        return subprocess.run(
            ["git", "-C", str(directory), *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            env=environment,
            timeout=_GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise LicensecheckError("--config-ref needs git, which was not found on PATH") from None
    except subprocess.TimeoutExpired:
        raise LicensecheckError(f"--config-ref: git did not answer within {_GIT_TIMEOUT:.0f} s") from None
    except OSError as error:
        raise LicensecheckError(f"--config-ref: cannot run git ({error.strerror or type(error).__name__})") from None


def _first_line(stderr: bytes) -> str:
    lines = os.fsdecode(stderr).strip().splitlines()
    return lines[0] if lines else "git failed"
