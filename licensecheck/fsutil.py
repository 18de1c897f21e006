"""Writing files so that a reader never sees half of one: the lock, cache entries, recorded results."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path | str, text: str, *, durable: bool = True) -> None:
    """Write text (UTF-8, `\\n` line ends) to a temporary file beside `path`, then rename it over `path`."""
    write_bytes_atomically(path, text.encode("utf-8"), durable=durable)


def write_bytes_atomically(path: Path | str, data: bytes, *, durable: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename over it: never a half-written file.

    `durable` also flushes the data to disk before the rename, so that a crash
    cannot leave an empty file under the final name. Caches skip it: their
    entries carry a checksum, and a damaged one is discarded and rebuilt.
    """
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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
