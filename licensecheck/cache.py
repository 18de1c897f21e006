"""Resolved metadata kept between runs, so that a second cold scan of the same models costs no network.

One file per answer under `<cache dir>/metadata/` (cachedir.py says where):
`hub/<digest>.json` for a model or dataset (endpoint, type, id, requested
revision, and the rules in use) and `pypi/<digest>.json` for a package (index,
name, version). An answer for a pinned reference (a 40-hex commit, an exact
package version) does not change and is used for as long as it is there; any
other (a branch, a tag, the latest release) for `ttl` seconds after it was
fetched (default a day). `--refresh` ignores what is cached and stores what it
fetches. The entries are small (about a kilobyte); deleting the directory is
always safe.

Only successful answers are stored (a licence and no problem): a failure is
asked again next time. Nothing secret is stored: the key is kept as a digest,
and an answer in which a known secret appears (redact.py) is not stored at all.

An entry is a JSON header line (format, key digest, the shape of the answer's
type, when it was stored, and a MAC of all that and the answer, made with the
cache's key: cachedir.py) and the answer as JSON. It is trusted only if its MAC
verifies (this user's licensecheck wrote it), the header is of this format, for
this very key, and the answer decodes, field by field and type by type, into the
dataclasses of this version of licensecheck (a field added since the entry was
written makes it stale). Anything else is deleted and refetched; without a key
to trust, nothing is read or written. Writes are atomic (temporary file and rename).
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from dataclasses import fields, is_dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from .cachedir import cache_disabled, cache_key, cache_root, seal, unseal
from .signals import not_repeatable

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

FORMAT = 2
_KIND = b"metadata"  # what the entries' MACs are made for (cachedir.seal)
DEFAULT_TTL = 24 * 3600.0
HUB_ENDPOINT = "https://huggingface.co"
PYPI_URL = "https://pypi.org"
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


class CacheKey:
    """What an answer is about: `parts` identify it, `pinned` says it never changes."""

    def __init__(self, kind: str, parts: tuple, pinned: bool, what: str) -> None:
        import hashlib

        self.kind = kind
        self.pinned = pinned
        self.what = what  # for people reading the cache: "model org/name@main"
        self.digest = hashlib.sha256(json.dumps([kind, *parts]).encode("utf-8")).hexdigest()


def hub_key(repo_type: str, repo_id: str, revision: str | None, *, rules: str = "") -> CacheKey:
    """A Hub repository at a requested revision; a full commit id is pinned.

    `rules` is `rules_digest` of the rules in use: they decide whether the
    resolver reads the repository's licence file, so an answer depends on them.
    """
    endpoint = (os.environ.get("HF_ENDPOINT") or HUB_ENDPOINT).rstrip("/")
    pinned = revision is not None and bool(_COMMIT.match(revision))
    what = f"{repo_type} {repo_id}" + (f"@{revision}" if revision else "")
    return CacheKey("hub", (endpoint, repo_type, repo_id.lower(), revision, rules), pinned, what)


def package_key(name: str, version: str | None, requirement: str | None = None, *, rules: str = "") -> CacheKey:
    """A package at an exact version (pinned), at the newest release a specifier allows, or its latest release.

    `rules` is `rules_digest` of the rules in use: they decide which licence field is trusted.
    """
    index = (os.environ.get("LICENSECHECK_PYPI_URL") or PYPI_URL).rstrip("/")
    normalised = re.sub(r"[-_.]+", "-", name).lower()
    what = f"package {name}" + (f"=={version}" if version else (requirement or ""))
    return CacheKey("pypi", (index, normalised, version, requirement, rules), version is not None, what)


_RULES_DIGESTS: dict[int, tuple[object, str]] = {}


def rules_digest(knowledge: object) -> str:
    """A fingerprint of the rules' content (computed once per loaded set of rules)."""
    known = _RULES_DIGESTS.get(id(knowledge))
    if known is None or known[0] is not knowledge:
        import hashlib

        text = json.dumps(encode(knowledge), sort_keys=True, ensure_ascii=False)
        known = _RULES_DIGESTS[id(knowledge)] = (knowledge, hashlib.sha256(text.encode("utf-8")).hexdigest())
    return known[1]


class MetadataCache:
    """Answers of type `kind` (a dataclass) on disk; every method is safe to call from many threads.

    Writes go through one background thread: on some file systems creating a
    file costs a millisecond, and 16 requests in flight should not queue behind
    one another's files. `close()` waits for them (and is called on exit from
    a `with` block); a write that fails is skipped: it is only a cache.
    """

    def __init__(
        self,
        kind: type,
        *,
        ttl: float = DEFAULT_TTL,
        refresh: bool = False,
        root: str | None = None,
        enabled: bool = True,
    ) -> None:
        self.kind = kind
        self.ttl = ttl
        self.refresh = refresh
        self.enabled = enabled and not cache_disabled()  # `--no-cache`, LICENSECHECK_NO_CACHE
        self.root = Path(root or cache_root()) / "metadata"
        self._schema = _schema_digest(kind)
        self._secrets: set[str] | None = None
        self._writer: ThreadPoolExecutor | None = None
        self._guard = threading.Lock()
        self._made: set[Path] = set()
        self._key: bytes | None = None

    def _secret(self, *, create: bool) -> bytes | None:
        """The cache's key (cachedir.py), read once; made when `create` and there is none yet."""
        with self._guard:
            if self._key is None:
                self._key = cache_key(create=create, root=str(self.root.parent))
            return self._key

    def __enter__(self) -> MetadataCache:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Wait until every answer stored so far is on disk."""
        with self._guard:
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.shutdown(wait=True)

    def _path(self, key: CacheKey) -> Path:
        return self.root / key.kind / f"{key.digest}.json"

    def load(self, key: CacheKey):
        """The cached answer for `key`, or None (absent, expired, refreshed, or not to be trusted)."""
        if not self.enabled or self.refresh:
            return None
        secret = self._secret(create=False)
        if secret is None:
            return None  # no key to tell this user's entries from anyone else's
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError:
            _discard(path)
            return None
        try:
            answer, stored_at = self._check(data, key, secret)
        except (ValueError, TypeError, KeyError, AttributeError):  # UnicodeDecodeError is a ValueError
            _discard(path)
            return None
        age = time.time() - stored_at
        if not key.pinned and not (-60 <= age < self.ttl):
            return None  # expired: refetched, and replaced if the new answer is good
        not_repeatable("answered from the metadata cache, whose answers expire")
        return answer

    def _check(self, data: bytes, key: CacheKey, secret: bytes) -> tuple[object, float]:
        """An entry is a header line and the answer, both JSON; the header holds the MAC of both."""
        header, body = unseal(_KIND, data, secret)
        if header.get("format") != FORMAT or header.get("key") != key.digest:
            raise ValueError("not an entry for this key")
        if header.get("schema") != self._schema:
            raise ValueError("written by another version of licensecheck")
        stored_at = header.get("stored_at")
        if not isinstance(stored_at, (int, float)) or isinstance(stored_at, bool):
            raise ValueError("no time of storage")
        return decode(self.kind, json.loads(body)), float(stored_at)

    def store(self, key: CacheKey, answer: object) -> None:
        """Keep `answer` for next time; problems writing are not the scan's problem and are ignored."""
        if not self.enabled:
            return
        try:
            text = json.dumps(encode(answer), ensure_ascii=False, sort_keys=True)
        except TypeError:
            return  # a value this codec cannot represent faithfully: better not cached than altered
        from .redact import redact, secret_values

        if self._secrets is None:
            self._secrets = secret_values()
        if redact(text, self._secrets) != text:
            return  # the answer holds something secret-shaped: it stays out of the cache
        secret = self._secret(create=True)
        if secret is None:
            return  # no key of this user's to vouch for the entry: better not cached
        body = text.encode("utf-8") + b"\n"
        header = {
            "format": FORMAT,
            "key": key.digest,
            "what": key.what,
            "schema": self._schema,
            "stored_at": time.time(),
            "pinned": key.pinned,
        }
        data = seal(_KIND, header, body, secret)
        with self._guard:
            if self._writer is None:
                from concurrent.futures import ThreadPoolExecutor

                self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="licensecheck-cache")
            self._writer.submit(self._write, self._path(key), data)

    def _write(self, path: Path, data: bytes) -> None:
        from .fsutil import write_bytes_atomically

        try:
            if path.parent not in self._made:
                path.parent.mkdir(parents=True, exist_ok=True)
                _tag(self.root.parent)
                self._made.add(path.parent)
            write_bytes_atomically(path, data, durable=False, private=True)
        except OSError:
            pass


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _tag(root: Path) -> None:
    """Mark the directory as a cache, so that backup tools skip it (https://bford.info/cachedir/)."""
    tag = root / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by licensecheck.\n",
            encoding="utf-8",
        )


# -- a codec for frozen dataclasses: JSON out, checked values back -----------------------------


def encode(value: object) -> object:
    """A JSON-able form of a dataclass tree (dataclasses, enums, tuples, str, int, float, bool, None).

    Sets (sorted) and dates (ISO) are encoded too, for `rules_digest`; `decode`
    does not read them back, so an answer holding one is never trusted.
    """
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted((encode(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: encode(v) for k, v in value.items()}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(kind: object, raw: object) -> object:
    """`raw` as a value of type `kind`; ValueError when it does not have exactly that shape."""
    import types
    import typing

    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if kind is type(None) or kind is None:
        if raw is None:
            return None
        raise ValueError("expected null")
    if origin in (typing.Union, types.UnionType):
        for option in args:
            try:
                return decode(option, raw)
            except ValueError:
                continue
        raise ValueError(f"no option of {kind} fits")
    if origin is tuple:
        if not isinstance(raw, list):
            raise ValueError("expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], item) for item in raw)
        if len(args) != len(raw):
            raise ValueError("wrong length")
        return tuple(decode(a, item) for a, item in zip(args, raw))
    if origin is dict:
        if not isinstance(raw, dict):
            raise ValueError("expected an object")
        return {decode(args[0], k): decode(args[1], v) for k, v in raw.items()}
    if isinstance(kind, type) and is_dataclass(kind):
        hints = _hints(kind)
        names = [f.name for f in fields(kind) if f.init]
        if not isinstance(raw, dict) or sorted(raw) != sorted(names):
            raise ValueError(f"expected the fields of {kind.__name__}")
        return kind(**{name: decode(hints[name], raw[name]) for name in names})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(raw)
    if kind is bool:
        if isinstance(raw, bool):
            return raw
    elif kind is int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
    elif kind is float:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            return float(raw)
    elif kind is str:
        if isinstance(raw, str):
            return raw
    elif isinstance(kind, type) and issubclass(kind, str):  # a finding's `Code`: it was one when stored
        if isinstance(raw, str):
            return kind(raw)
    else:
        raise ValueError(f"cannot decode a {kind}")
    raise ValueError(f"expected {kind.__name__}")


_HINTS: dict[type, dict] = {}


def _hints(kind: type) -> dict:
    if kind not in _HINTS:
        import typing

        _HINTS[kind] = typing.get_type_hints(kind)
    return _HINTS[kind]


def _schema_digest(kind: object) -> str:
    """The shape of `kind`, recursively: an entry written for another shape is stale."""
    import hashlib
    import typing

    seen: set = set()

    def describe(hint: object) -> str:
        if isinstance(hint, type) and is_dataclass(hint):
            if hint in seen:
                return hint.__qualname__
            seen.add(hint)
            hints = _hints(hint)
            inner = ",".join(f"{f.name}:{describe(hints[f.name])}" for f in fields(hint) if f.init)
            return f"{hint.__qualname__}({inner})"
        if isinstance(hint, type) and issubclass(hint, Enum):
            return f"{hint.__qualname__}[{','.join(str(m.value) for m in hint)}]"
        args = typing.get_args(hint)
        if args:
            return f"{typing.get_origin(hint)}[{','.join(describe(a) for a in args)}]"
        return repr(hint)

    return hashlib.sha256(describe(kind).encode("utf-8")).hexdigest()
