"""Helpers that build local models on disk for tests: GGUF files (written with the `gguf`
package, as llama.cpp's converter writes them) and model folders (card, adapter config)."""

from __future__ import annotations

import json
from pathlib import Path


def write_gguf(
    path: Path,
    *,
    licence: str | None = None,
    licence_name: str | None = None,
    licence_link: str | None = None,
    base_models: list[dict] | None = None,
    source_repo_url: str | None = None,
    big_endian: bool = False,
    vocabulary: int = 50,
) -> Path:
    """A small but real GGUF file: metadata, a tokenizer vocabulary, one tensor."""
    import gguf
    import numpy

    path.parent.mkdir(parents=True, exist_ok=True)
    endian = gguf.GGUFEndian.BIG if big_endian else gguf.GGUFEndian.LITTLE
    writer = gguf.GGUFWriter(str(path), arch="llama", endianess=endian)
    writer.add_name("Test Model")
    writer.add_context_length(128)
    if licence is not None:
        writer.add_license(licence)
    if licence_name is not None:
        writer.add_license_name(licence_name)
    if licence_link is not None:
        writer.add_license_link(licence_link)
    if base_models is not None:
        writer.add_base_model_count(len(base_models))
        for index, base in enumerate(base_models):
            if "name" in base:
                writer.add_base_model_name(index, base["name"])
            if "organization" in base:
                writer.add_base_model_organization(index, base["organization"])
            if "repo_url" in base:
                writer.add_base_model_repo_url(index, base["repo_url"])
    if source_repo_url is not None:
        writer.add_source_repo_url(source_repo_url)
    # Keys after the tokenizer's arrays must still be found: the reader skips them.
    writer.add_array("tokenizer.ggml.tokens", [f"tok{i}" for i in range(vocabulary)])
    writer.add_array("tokenizer.ggml.scores", [float(i) for i in range(vocabulary)])
    writer.add_description("written by the licensecheck tests")
    writer.add_tensor("token_embd.weight", numpy.zeros((4, 8), dtype=numpy.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def write_model_folder(
    folder: Path,
    card: dict | None = None,
    *,
    adapter_base: str | None = None,
    licence_text: str | None = None,
    config: bool = False,
) -> Path:
    """A model folder: README.md with front matter (the card), adapter_config.json, LICENSE."""
    folder.mkdir(parents=True, exist_ok=True)
    if card is not None:
        import yaml

        (folder / "README.md").write_text("---\n" + yaml.safe_dump(card, sort_keys=False) + "---\n# A model\n")
    if adapter_base is not None:
        (folder / "adapter_config.json").write_text(
            json.dumps({"base_model_name_or_path": adapter_base, "peft_type": "LORA", "r": 8, "lora_alpha": 16})
        )
        (folder / "adapter_model.safetensors").write_bytes(b"\x08\x00\x00\x00\x00\x00\x00\x00{}      ")
    if config:
        (folder / "config.json").write_text(json.dumps({"model_type": "llama"}))
    if licence_text is not None:
        (folder / "LICENSE").write_text(licence_text)
    return folder
