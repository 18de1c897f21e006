"""Which files git tracks in a checkout, read from its index file (never by running git).

`.gitignore` does not apply to a file git already tracks, so the walk (walk.py)
asks here before it skips a path a `.gitignore` rule matches. The answer comes
from the index file itself (`<git dir>/index`, formats 2, 3 and 4), not from
`git ls-files`: the scanned tree is untrusted, and a crafted `.git/config`
(`core.fsmonitor`, for one) makes git run a command of its choosing.

Whatever cannot be read as an index (no `.git`, a `.git` file naming no folder,
a missing, oversized, truncated or corrupt index, a split index whose entries
live in another file) gives None: the walk then skips what `.gitignore` says, as
git would for an untracked file. Standard library only; the file is opened with
`open()`, so the warm path (fastpath.py) sees it read and replays a run only
while the index is unchanged.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import stat
import struct

MAX_INDEX_BYTES = 64 * 1024 * 1024  # a larger index is hostile or a monorepo's: not read
_MAX_GITFILE_BYTES = 4096
_ENTRY_FIXED = 40  # ctime, mtime, dev, ino, mode, uid, gid, size: ten 32-bit numbers
_EXTENDED = 0x4000
_NAME_MASK = 0x0FFF


class TrackedFiles:
    """The paths git tracks, `/`-separated and relative to the work tree, sorted."""

    def __init__(self, paths: list[str]) -> None:
        self._paths = sorted(set(paths))
        self._set = frozenset(self._paths)

    def __contains__(self, relative: str) -> bool:
        return relative in self._set

    def holds_any_below(self, folder: str) -> bool:
        """Whether some tracked path lies inside `folder` (a relative folder path)."""
        prefix = folder + "/"
        position = bisect.bisect_left(self._paths, prefix)
        return position < len(self._paths) and self._paths[position].startswith(prefix)


def tracked_files(root: str) -> TrackedFiles | None:
    """The files tracked in the checkout whose work tree is `root`; None when that cannot be known."""
    git_dir = _git_dir(root)
    if git_dir is None:
        return None
    data = _read_capped(os.path.join(git_dir, "index"), MAX_INDEX_BYTES)
    if data is None:
        return None
    paths = parse_index(data)
    return None if paths is None else TrackedFiles(paths)


def _git_dir(root: str) -> str | None:
    """`root/.git` when it is a folder; the folder a `.git` file names (`gitdir: ...`: worktrees, submodules)."""
    dot_git = os.path.join(root, ".git")
    try:
        mode = os.stat(dot_git).st_mode
    except OSError:
        return None
    if stat.S_ISDIR(mode):
        return dot_git
    text = _read_capped(dot_git, _MAX_GITFILE_BYTES)
    if text is None or not text.startswith(b"gitdir:"):
        return None
    target = os.fsdecode(text[len(b"gitdir:") :].strip())
    return os.path.join(root, target) if target else None


def _read_capped(path: str, limit: int) -> bytes | None:
    """A regular file's bytes, or None when it is missing, not a regular file, or larger than `limit`."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None  # a named pipe would block its reader
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    return data if len(data) <= limit else None


def parse_index(data: bytes) -> list[str] | None:
    """The paths in a git index file's bytes, or None when they are not a whole, valid index.

    The trailing checksum (SHA-1, or SHA-256 in a repository of that object
    format) tells the hash size and that the file is whole; an index written
    with `index.skipHash` ends in zeros instead, and is read with either size.
    """
    if len(data) < 12 or data[:4] != b"DIRC":
        return None
    version, count = struct.unpack_from(">II", data, 4)
    if version not in (2, 3, 4):
        return None
    for size, digest in ((20, hashlib.sha1), (32, hashlib.sha256)):
        if len(data) >= 12 + size and data[-size:] == digest(data[:-size]).digest():
            return _entries(data, version, count, size, len(data) - size)
    for size in (20, 32):
        if len(data) >= 12 + size and not any(data[-size:]):
            paths = _entries(data, version, count, size, len(data) - size)
            if paths is not None:
                return paths
    return None


def _entries(data: bytes, version: int, count: int, hash_size: int, end: int) -> list[str] | None:
    flags_at = _ENTRY_FIXED + hash_size
    if count > (end - 12) // (flags_at + 3):
        return None  # more entries than the file could hold
    paths: list[str] = []
    previous = b""
    position = 12
    try:
        for _ in range(count):
            flags = int.from_bytes(data[position + flags_at : position + flags_at + 2], "big")
            name_at = position + flags_at + 2
            if flags & _EXTENDED:
                if version < 3:
                    return None
                name_at += 2
            if version == 4:
                strip, name_at = _varint(data, name_at)
                if strip > len(previous):
                    return None
                nul = data.index(b"\0", name_at, end)
                name = previous[: len(previous) - strip] + data[name_at:nul]
                position = nul + 1
            else:
                nul = data.index(b"\0", name_at, end)
                name = data[name_at:nul]
                if (flags & _NAME_MASK) != min(len(name), _NAME_MASK):
                    return None
                position += (name_at - position + len(name) + 8) & ~7  # padded with 1 to 8 NULs
            if position > end or not name:
                return None
            previous = name
            paths.append(os.fsdecode(name))
    except (ValueError, IndexError, struct.error):  # no NUL before the end, a bad varint: truncated or corrupt
        return None
    if _has_link_extension(data, position, end):
        return None  # a split index: most entries live in a shared file
    return paths


def _varint(data: bytes, position: int) -> tuple[int, int]:
    """Git's offset encoding (varint.c): 7 bits a byte, each continuation adding one."""
    byte = data[position]
    value = byte & 0x7F
    position += 1
    while byte & 0x80:
        if position >= len(data) or value > 1 << 32:
            raise ValueError("bad varint")
        byte = data[position]
        value = ((value + 1) << 7) | (byte & 0x7F)
        position += 1
    return value, position


def _has_link_extension(data: bytes, position: int, end: int) -> bool:
    while position + 8 <= end:
        signature = data[position : position + 4]
        (size,) = struct.unpack_from(">I", data, position + 4)
        if signature == b"link":
            return True
        position += 8 + size
    return False
