"""The GGUF header reader, against files written by the `gguf` package (llama.cpp's own writer)."""

from __future__ import annotations

import struct

import pytest
from localmodels import write_gguf

from licensecheck.sources.gguf import GGUFError, read_gguf_buffer, read_gguf_metadata

LLAMA_BASE = {
    "name": "Llama 3.1 8B Instruct",
    "organization": "Meta Llama",
    "repo_url": "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct",
}


def test_reads_licence_and_base_model_keys(tmp_path):
    path = write_gguf(
        tmp_path / "model.gguf",
        licence="other",
        licence_name="acme-model-licence",
        licence_link="https://example.com/licence",
        base_models=[LLAMA_BASE],
    )
    metadata = read_gguf_metadata(path)
    assert metadata["general.license"] == "other"
    assert metadata["general.license.name"] == "acme-model-licence"
    assert metadata["general.license.link"] == "https://example.com/licence"
    assert metadata["general.base_model.count"] == 1
    assert metadata["general.base_model.0.repo_url"] == LLAMA_BASE["repo_url"]
    assert metadata["general.base_model.0.organization"] == "Meta Llama"


def test_skips_other_keys_and_finds_general_keys_after_a_large_vocabulary(tmp_path):
    path = write_gguf(tmp_path / "model.gguf", licence="llama3.1", vocabulary=20_000)
    metadata = read_gguf_metadata(path)
    # Written after the tokenizer's arrays: the reader skipped them to get here.
    assert metadata["general.description"] == "written by the licensecheck tests"
    assert not any(key.startswith("tokenizer.") for key in metadata)


def test_reads_a_big_endian_file(tmp_path):
    path = write_gguf(tmp_path / "model.gguf", licence="apache-2.0", big_endian=True)
    assert read_gguf_metadata(path)["general.license"] == "apache-2.0"


def test_every_truncation_of_the_header_is_a_gguf_error(tmp_path):
    data = write_gguf(tmp_path / "model.gguf", licence="mit", vocabulary=3).read_bytes()
    header_end = data.index(b"written by the licensecheck tests") + len(b"written by the licensecheck tests")
    for cut in range(0, header_end, 7):
        with pytest.raises(GGUFError):
            read_gguf_buffer(data[:cut])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 not a gguf", "does not start with 'GGUF'"),
        (b"GGUF" + struct.pack("<I", 9) + b"\0" * 16, "version 9 is not supported"),
        (b"GGUF" + struct.pack("<IQQ", 3, 0, 2**40), "more than the format allows"),
        # one key whose declared length is absurd
        (b"GGUF" + struct.pack("<IQQQ", 3, 0, 1, 2**33), "longer than the format allows"),
        # a key, then an unknown value type
        (b"GGUF" + struct.pack("<IQQQ", 3, 0, 1, 1) + b"g" + struct.pack("<I", 99), "unknown value type 99"),
    ],
)
def test_refuses_what_is_not_a_gguf_header(data, message):
    with pytest.raises(GGUFError, match=message):
        read_gguf_buffer(data)


def test_an_empty_file_is_a_gguf_error(tmp_path):
    path = tmp_path / "empty.gguf"
    path.write_bytes(b"")
    with pytest.raises(GGUFError, match="empty"):
        read_gguf_metadata(path)


def test_version_1_uses_32_bit_lengths():
    key, value = b"general.license", b"mit"
    data = (
        b"GGUF"
        + struct.pack("<III", 1, 0, 1)
        + struct.pack("<I", len(key))
        + key
        + struct.pack("<I", 8)
        + struct.pack("<I", len(value))
        + value
    )
    assert read_gguf_buffer(data) == {"general.license": "mit"}


# -- hostile headers: what is skipped, and what it costs ----------------------------------------

_UINT8, _UINT32, _STRING, _ARRAY = 0, 4, 8, 9


def _key(name: str) -> bytes:
    return struct.pack("<Q", len(name)) + name.encode()


def _string(text: str) -> bytes:
    return struct.pack("<I", _STRING) + _key(text)


def _array_head(item_kind: int, length: int) -> bytes:
    return struct.pack("<IIQ", _ARRAY, item_kind, length)


def _strings(*items: str) -> bytes:
    return _array_head(_STRING, len(items)) + b"".join(_key(item) for item in items)


def _header(*pairs: tuple[str, bytes]) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", 3, 0, len(pairs)) + b"".join(_key(k) + v for k, v in pairs)


def test_a_huge_number_array_under_general_is_skipped_not_built(tmp_path):
    # 100 million uint32 (a 400 MB header) before the licence; the file is sparse, so costs no disk.
    items = 100_000_000
    head = b"GGUF" + struct.pack("<IQQ", 3, 0, 2) + _key("general.huge") + _array_head(_UINT32, items)
    tail = _key("general.license") + _string("mit")
    path = tmp_path / "huge.gguf"
    with path.open("wb") as stream:
        stream.write(head)
        stream.seek(len(head) + 4 * items)
        stream.write(tail)
    import tracemalloc

    tracemalloc.start()
    try:
        metadata = read_gguf_metadata(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert metadata == {"general.license": "mit"}
    assert peak < 1024 * 1024  # a list of the items alone would be 800 MB


def test_general_arrays_keep_only_short_lists_of_strings():
    data = _header(
        ("general.tags", _strings("text-generation", "gguf")),
        ("general.languages", _strings(*(f"l{i}" for i in range(1025)))),
        ("general.scores", _array_head(_UINT8, 3) + b"\x01\x02\x03"),
        (
            "general.nested",
            _array_head(_ARRAY, 2)
            + struct.pack("<IQ", _UINT8, 1)
            + b"\x07"
            + struct.pack("<IQ", _STRING, 1)
            + _key("x"),
        ),
        ("general.license", _string("apache-2.0")),
    )
    assert read_gguf_buffer(data) == {"general.tags": ["text-generation", "gguf"], "general.license": "apache-2.0"}


@pytest.mark.parametrize("where", ["tokenizer.ggml.tokens", "general.tags"])
def test_more_strings_than_a_header_holds_is_a_gguf_error(monkeypatch, where):
    import licensecheck.sources.gguf as gguf_module

    monkeypatch.setattr(gguf_module, "_MAX_STEPS", 2000)
    within = _header((where, _strings(*("t" for _ in range(1999)))), ("general.license", _string("mit")))
    assert read_gguf_buffer(within)["general.license"] == "mit"
    beyond = _header((where, _strings(*("t" for _ in range(2001)))), ("general.license", _string("mit")))
    with pytest.raises(GGUFError, match="more than 2,000 strings and arrays"):
        read_gguf_buffer(beyond)


def test_nested_arrays_count_against_the_budget(monkeypatch):
    import licensecheck.sources.gguf as gguf_module

    monkeypatch.setattr(gguf_module, "_MAX_STEPS", 100)
    empty = struct.pack("<IQ", _UINT8, 0)
    data = _header(("tokenizer.x", _array_head(_ARRAY, 101) + empty * 101))
    with pytest.raises(GGUFError, match="more than 100 strings and arrays"):
        read_gguf_buffer(data)
