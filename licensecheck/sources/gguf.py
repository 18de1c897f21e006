"""Read a GGUF file's metadata from its header, without touching the weights.

A GGUF file starts with the magic `GGUF`, a version (1, 2 or 3), the tensor
count and the key/value count, then the key/value pairs: a string key, a value
type, a value. Tensor descriptions and data follow; they are never read. Counts
and string lengths are 32-bit in version 1 and 64-bit after. The byte order is
the file's: a big-endian file shows its version byte-swapped, which is how it is
recognised.

Only `general.*` keys are kept (licence, base models, names); every other value
(the tokenizer's vocabulary, hundreds of thousands of strings) is skipped
without being decoded. Under `general.*` too, only scalars, strings and short
lists of strings are kept: an array of numbers or of arrays is skipped (a
100-million-item array costs one bounds check, never a list), and so is a list
of more than `_MAX_KEPT_STRINGS` strings. Limits on every count and length, and
on the strings and nested arrays a header may hold in all (each costs a step of
Python), keep a corrupt or hostile header from allocating memory or reading for
ever: a file that breaks them is a `GGUFError`, as is any truncation.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

MAGIC = b"GGUF"
SUPPORTED_VERSIONS = (1, 2, 3)
_KEPT_PREFIX = "general."
_MAX_KEY_BYTES = 65_536
_MAX_KV_COUNT = 1_000_000
_MAX_STRING_BYTES = 16 * 1024 * 1024
_MAX_ARRAY_ITEMS = 100_000_000
_MAX_NESTING = 4
# Strings and nested arrays are walked one by one (~0.25 µs each). The largest
# real headers hold under 1.5 million (a 262k-token vocabulary and its merges);
# this many is about a second of reading.
_MAX_STEPS = 4_000_000
# A `general.*` list of strings longer than this (tags, languages) is skipped:
# nothing licensecheck reads is a long list.
_MAX_KEPT_STRINGS = 1024

# value type -> struct code for the fixed-size scalars (GGUF's numbering).
_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9


class GGUFError(Exception):
    """The file is not a GGUF file this reader understands; the message says why."""


SKIPPED = object()  # a value that was read past, not kept


class _Reader:
    """Reads at an offset of a buffer (the file, memory-mapped: only the header's pages are touched)."""

    def __init__(self, buffer, offset: int, order: str, version: int) -> None:
        self.buffer = buffer
        self.offset = offset
        self.order = order
        self.wide = version >= 2  # counts and lengths: uint64 since version 2, uint32 before
        self.count_code = order + ("Q" if self.wide else "I")
        self.count_size = 8 if self.wide else 4
        self.steps = 0  # strings and nested arrays walked so far, against _MAX_STEPS

    def step(self, number: int) -> None:
        self.steps += number
        if self.steps > _MAX_STEPS:
            raise GGUFError(
                f"the header holds more than {_MAX_STEPS:,} strings and arrays: more than a model's header does"
            )

    def exactly(self, size: int) -> bytes:
        end = self.offset + size
        if end > len(self.buffer):
            raise GGUFError("the header is truncated")
        data = self.buffer[self.offset : end]
        self.offset = end
        return data

    def skip(self, size: int) -> None:
        if self.offset + size > len(self.buffer):
            raise GGUFError("the header is truncated")
        self.offset += size

    def unpack(self, code: str):
        size = struct.calcsize(code)
        if self.offset + size > len(self.buffer):
            raise GGUFError("the header is truncated")
        value = struct.unpack_from(self.order + code, self.buffer, self.offset)[0]
        self.offset += size
        return value

    def count(self) -> int:
        if self.offset + self.count_size > len(self.buffer):
            raise GGUFError("the header is truncated")
        value = struct.unpack_from(self.count_code, self.buffer, self.offset)[0]
        self.offset += self.count_size
        return value

    def string(self, limit: int = _MAX_STRING_BYTES) -> str:
        length = self.count()
        if length > limit:
            raise GGUFError(f"a string of {length} bytes is longer than the format allows here")
        data = self.exactly(length)
        try:
            return bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise GGUFError("a string is not valid UTF-8") from None

    def skip_strings(self, number: int) -> None:
        """Skip `number` strings: the hot loop of a tokenizer vocabulary."""
        self.step(number)
        unpack, code, size, buffer = struct.unpack_from, self.count_code, self.count_size, self.buffer
        offset, end = self.offset, len(buffer)
        for _ in range(number):
            if offset + size > end:
                raise GGUFError("the header is truncated")
            length = unpack(code, buffer, offset)[0]
            if length > _MAX_STRING_BYTES:
                raise GGUFError(f"a string of {length} bytes is longer than the format allows here")
            offset += size + length
        if offset > end:
            raise GGUFError("the header is truncated")
        self.offset = offset

    def value(self, kind: int, keep: bool, depth: int = 0):
        """The value of type `kind`, or `SKIPPED` when it is not kept (see the module docstring)."""
        if kind in _SCALARS:
            code = _SCALARS[kind]
            if not keep:
                self.skip(struct.calcsize(code))
                return SKIPPED
            return self.unpack(code)
        if kind == _STRING:
            if keep:
                self.step(1)
                return self.string()
            self.skip_strings(1)
            return SKIPPED
        if kind == _ARRAY:
            return self.array(keep, depth)
        raise GGUFError(f"unknown value type {kind}")

    def array(self, keep: bool, depth: int):
        """A list of strings when `keep` and it is short; else skipped without building anything."""
        if depth >= _MAX_NESTING:
            raise GGUFError("arrays are nested too deeply")
        item_kind = self.unpack("I")
        length = self.count()
        if length > _MAX_ARRAY_ITEMS:
            raise GGUFError(f"an array of {length} items is longer than the format allows here")
        if item_kind in _SCALARS:
            self.skip(length * struct.calcsize(_SCALARS[item_kind]))
        elif item_kind == _STRING:
            if keep and length <= _MAX_KEPT_STRINGS:
                return [self.value(_STRING, True) for _ in range(length)]
            self.skip_strings(length)
        elif item_kind == _ARRAY:
            self.step(length)
            for _ in range(length):
                self.array(False, depth + 1)
        else:
            raise GGUFError(f"unknown value type {item_kind}")
        return SKIPPED


def read_gguf_metadata(path: Path) -> dict[str, object]:
    """The `general.*` key/values of the GGUF file at `path`.

    The file is memory-mapped, so only the pages of the header are read from
    disk, however large the weights. Raises `GGUFError` for anything that is
    not a well-formed GGUF header, and `OSError` when the file cannot be read.
    """
    import mmap

    with path.open("rb") as stream:
        if os.fstat(stream.fileno()).st_size == 0:
            raise GGUFError("not a GGUF file (it is empty)")
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as buffer:
            return read_gguf_buffer(buffer)


def read_gguf_buffer(buffer) -> dict[str, object]:
    """The `general.*` key/values of a GGUF header held in `buffer` (bytes or a memory map)."""
    if bytes(buffer[:4]) != MAGIC:
        raise GGUFError("not a GGUF file (it does not start with 'GGUF')")
    if len(buffer) < 8:
        raise GGUFError("the header is truncated")
    order = "<"
    version = struct.unpack_from("<I", buffer, 4)[0]
    swapped = struct.unpack_from(">I", buffer, 4)[0]
    if version not in SUPPORTED_VERSIONS and swapped in SUPPORTED_VERSIONS:
        order, version = ">", swapped
    if version not in SUPPORTED_VERSIONS:
        raise GGUFError(f"GGUF version {version} is not supported (expected 1, 2 or 3)")
    reader = _Reader(buffer, 8, order, version)
    reader.count()  # tensor count: the tensors themselves are never read
    kv_count = reader.count()
    if kv_count > _MAX_KV_COUNT:
        raise GGUFError(f"{kv_count} metadata entries is more than the format allows here")
    metadata: dict[str, object] = {}
    for _ in range(kv_count):
        key = reader.string(_MAX_KEY_BYTES)
        kind = reader.unpack("I")
        value = reader.value(kind, key.startswith(_KEPT_PREFIX))
        if value is not SKIPPED:
            metadata[key] = value
    return metadata
