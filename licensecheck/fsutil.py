"""Writing files so that a reader never sees half of one: the lock, cache entries, recorded results."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path | str, text: str, *, durable: bool = True, private: bool = False) -> None:
    """Write text (UTF-8, `\\n` line ends) to a temporary file beside `path`, then rename it over `path`.

    Known secrets are masked first (licensecheck/redact.py): a text file written
    (the lock, a baseline, a configuration) may be committed or shared, and must
    never hold a token.
    """
    from .redact import redact

    write_bytes_atomically(path, redact(text).encode("utf-8"), durable=durable, private=private)


def write_bytes_atomically(path: Path | str, data: bytes, *, durable: bool = True, private: bool = False) -> None:
    """Write to a temporary file beside `path`, then rename over it: never a half-written file.

    The file gets the mode a plain write would give it: a file that exists keeps
    its own (a configuration the team shares stays readable), a new one gets
    0666 less the umask. `private` files (cache entries, recorded runs) are
    readable by their owner only (0600). `durable` also flushes the data to disk
    before the rename, so that a crash cannot leave an empty file under the
    final name. Caches skip it: their entries carry a checksum, and a damaged
    one is discarded and rebuilt.
    """
    path = Path(path)
    kept = None if private else _permissions(path)
    descriptor, temporary = _create_beside(path, 0o600 if private else 0o666)
    try:
        if kept is not None and hasattr(os, "fchmod"):
            os.fchmod(descriptor, kept)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise


def _permissions(path: Path) -> int | None:
    """The permission bits of the file at `path`, None when there is none."""
    try:
        return os.stat(path).st_mode & 0o777
    except (FileNotFoundError, NotADirectoryError):
        return None


def _create_beside(path: Path, mode: int) -> tuple[int, str]:
    """A new temporary file in `path`'s directory, opened for writing: (descriptor, its path).

    Created by `os.open` with `mode`, which the kernel narrows by the umask as
    for any new file (tempfile.mkstemp would make every file 0600).
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        temporary = os.path.join(path.parent, f".{path.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:
            continue
