"""Where licensecheck keeps what it caches between runs, and how its entries are authenticated.

Standard library only, and cheap to import: the warm path (fastpath.py) reads it.

`$LICENSECHECK_CACHE_DIR` when set, else the platform's user cache directory:
`$XDG_CACHE_HOME/licensecheck` (default `~/.cache/licensecheck`) on Linux and
other Unix systems, `~/Library/Caches/licensecheck` on macOS and
`%LOCALAPPDATA%\\licensecheck\\Cache` on Windows, as platformdirs would say.
`LICENSECHECK_NO_CACHE=1` turns every cache off.

The cache is not a source of truth for others. Someone who can write to the
cache directory (another user of a shared or carelessly permitted directory, a
tool that copies entries in) must not decide a verdict with an entry this user's
licensecheck did not write. So every entry (metadata answers, recorded runs) carries a MAC over
its header and body, made with a secret key: `<cache dir>/key`, 32 random bytes
created with the cache directory, mode 0600, atomically (written under a
temporary name, then linked into place, so that two runs starting at once
agree on one key). An entry whose MAC does not verify is discarded. A key that
is not a regular file of this user that only this user can read (a symbolic
link, another owner, group or world access) is not trusted: the cache is then
not used at all. The MAC is BLAKE2b in its keyed mode, which is a MAC by design
(RFC 7693) and, unlike `hmac`, does not import OpenSSL on the warm path.
Whoever can read the key can make entries: a cache restored together with its
key from a CI job that ran untrusted code is still not to be trusted.
"""

from __future__ import annotations

import json
import os
import sys

try:  # the C blake2 module: a tenth of the import time of hashlib (which loads OpenSSL)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - Python builds without it
    from hashlib import blake2b
try:
    from _operator import _compare_digest as compare_digest  # what hmac.compare_digest falls back to
except ImportError:  # pragma: no cover - other Pythons
    from hmac import compare_digest  # type: ignore[no-redef]  # typeshed: two stubs of one function

CACHE_DIR_VARIABLE = "LICENSECHECK_CACHE_DIR"
NO_CACHE_VARIABLE = "LICENSECHECK_NO_CACHE"
KEY_NAME = "key"
KEY_BYTES = 32


def cache_disabled() -> bool:
    return os.environ.get(NO_CACHE_VARIABLE, "").strip().lower() not in ("", "0", "false", "no")


def cache_root() -> str:
    override = os.environ.get(CACHE_DIR_VARIABLE, "").strip()
    if override:
        return os.path.abspath(os.path.expanduser(override))
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return os.path.join(base, "licensecheck", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/licensecheck")
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG specification: a relative value is ignored
        base = os.path.expanduser("~/.cache")
    return os.path.join(base, "licensecheck")


# -- the key ---------------------------------------------------------------------------------


def cache_key(*, create: bool = False, root: str | None = None) -> bytes | None:
    """The key of the cache at `root` (default: `cache_root()`); None when there is none to trust.

    `create`: make it when it does not exist yet (a run about to write an entry).
    """
    path = os.path.join(root or cache_root(), KEY_NAME)
    key = _read_key(path)
    if key is None and create and not os.path.lexists(path):
        try:
            _make_key(path)
        except OSError:
            return None  # a read-only or full disk: no key, so no cache this run
        key = _read_key(path)
    return key


def _read_key(path: str) -> bytes | None:
    try:
        if os.lstat(path).st_mode & 0o170000 != 0o100000:  # not a regular file (a link, a directory...)
            return None
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        status = os.fstat(descriptor)
        if hasattr(os, "geteuid") and (status.st_uid != os.geteuid() or status.st_mode & 0o077):
            return None  # someone else's, or readable by others: anyone could have made entries with it
        key = os.read(descriptor, KEY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return key if len(key) == KEY_BYTES else None


def _make_key(path: str) -> None:
    """A new random key at `path`, unless another run makes one first (then that one stands)."""
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    temporary = f"{path}.{os.getpid()}.{os.urandom(6).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o600)
    try:
        try:
            os.write(descriptor, os.urandom(KEY_BYTES))
            os.fsync(descriptor)  # a key cut short by a crash would turn the cache off for good
        finally:
            os.close(descriptor)
        try:
            os.link(temporary, path)  # never replaces: the first run to get here wins
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not os.path.lexists(path):
                os.replace(temporary, path)
    finally:
        try:
            os.unlink(temporary)
        except OSError:
            pass


# -- sealed entries ----------------------------------------------------------------------------


def seal(kind: bytes, header: dict, body: bytes, key: bytes) -> bytes:
    """An entry: a JSON header line holding the MAC of the rest of the header and of the body, then the body.

    `kind` (b"metadata", b"results") keeps an entry of one cache from passing for one of the other.
    """
    header = {**header, "mac": _mac(kind, header, body, key)}
    return json.dumps(header).encode("utf-8") + b"\n" + body


def unseal(kind: bytes, data: bytes, key: bytes) -> tuple[dict, bytes]:
    """The header (without its MAC) and body of an entry made by `seal` with `key`; ValueError otherwise."""
    head, _, body = data.partition(b"\n")
    header = json.loads(head)
    if not isinstance(header, dict):
        raise ValueError("not an entry")
    mac = header.pop("mac", None)
    if not isinstance(mac, str) or not compare_digest(mac, _mac(kind, header, body, key)):
        raise ValueError("not made with this cache's key")
    return header, body


def _mac(kind: bytes, header: dict, body: bytes, key: bytes) -> str:
    hashed = blake2b(key=key, digest_size=32, person=kind[:16])
    # Canonical JSON has no raw newline, so header and body cannot be shifted into one another.
    hashed.update(json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8"))
    hashed.update(b"\n")
    hashed.update(body)
    return hashed.hexdigest()
