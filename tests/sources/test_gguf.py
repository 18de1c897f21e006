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
        + struct.pack("<I", len(key)) + key
        + struct.pack("<I", 8)
        + struct.pack("<I", len(value)) + value
    )
    assert read_gguf_buffer(data) == {"general.license": "mit"}
