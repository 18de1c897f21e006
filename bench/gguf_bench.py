"""What does reading a hostile GGUF header cost? Time and peak memory for three headers.

    .venv/bin/python bench/gguf_bench.py

- `numbers`: a 400 MB header whose `general.huge` is an array of 100 million uint32,
  then `general.license` (a sparse file: it costs no disk);
- `vocabulary`: a realistic large header, 262,144 token strings and as many merges
  under `tokenizer.*` (what the reader skips on every real model);
- `strings`: a header at the string budget (`_MAX_STEPS` strings), the most
  work a file can ask for before it is refused.

Each is read twice in this process: once timed, once under tracemalloc (which
slows every allocation) for the peak of Python allocations. Also prints the
process's peak RSS, which includes the pages of the header the memory map touched.
"""

from __future__ import annotations

import resource
import struct
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from licensecheck.sources import gguf  # noqa: E402

_UINT32, _STRING, _ARRAY = 4, 8, 9


def _key(name: str) -> bytes:
    return struct.pack("<Q", len(name)) + name.encode()


def _licence() -> bytes:
    return _key("general.license") + struct.pack("<I", _STRING) + _key("mit")


def write_numbers(path: Path, items: int = 100_000_000) -> None:
    head = b"GGUF" + struct.pack("<IQQ", 3, 0, 2) + _key("general.huge") + struct.pack("<IIQ", _ARRAY, _UINT32, items)
    with path.open("wb") as stream:
        stream.write(head)
        stream.seek(len(head) + 4 * items)
        stream.write(_licence())


def write_strings(path: Path, arrays: list[tuple[str, int]]) -> None:
    with path.open("wb") as stream:
        stream.write(b"GGUF" + struct.pack("<IQQ", 3, 0, len(arrays) + 1))
        for name, count in arrays:
            stream.write(_key(name) + struct.pack("<IIQ", _ARRAY, _STRING, count))
            token = _key("tok")
            stream.write(token * count)
        stream.write(_licence())


def measure(name: str, path: Path) -> None:
    started = time.perf_counter()
    metadata = gguf.read_gguf_metadata(path)
    elapsed = time.perf_counter() - started
    tracemalloc.start()  # a second read: tracing slows every allocation, so it is not timed
    gguf.read_gguf_metadata(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = path.stat().st_size / 1e6
    assert metadata.get("general.license") == "mit", metadata
    print(
        f"{name:<11} header {size:7.1f} MB  {elapsed:6.2f} s  python peak {peak / 1024:8.1f} KiB  process peak RSS {rss:7.1f} MiB"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as directory:
        folder = Path(directory)
        write_numbers(folder / "numbers.gguf")
        measure("numbers", folder / "numbers.gguf")
        write_strings(
            folder / "vocabulary.gguf", [("tokenizer.ggml.tokens", 262_144), ("tokenizer.ggml.merges", 262_144)]
        )
        measure("vocabulary", folder / "vocabulary.gguf")
        write_strings(folder / "strings.gguf", [("tokenizer.ggml.tokens", gguf._MAX_STEPS - 1)])
        measure("strings", folder / "strings.gguf")


if __name__ == "__main__":
    main()
