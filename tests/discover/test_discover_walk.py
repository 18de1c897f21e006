"""What discovery takes for a Hub repository (the walk itself: tests/test_walk.py)."""

from __future__ import annotations

import pytest

from licensecheck.discover.ids import Tree, hub_reference


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("meta-llama/Llama-3.1-8B", "model", "meta-llama/Llama-3.1-8B"),
        ("hf-hub:timm/resnet50.a1_in1k", "model", "timm/resnet50.a1_in1k"),
        ("hf.co/bartowski/gemma-2-2b-it-GGUF:Q4_K_M", "model", "bartowski/gemma-2-2b-it-GGUF"),
        ("hf://datasets/HuggingFaceFW/fineweb/data/x.parquet", "model", "HuggingFaceFW/fineweb"),
        ("huggingface/meta-llama/Llama-3.1-8B", "model", "meta-llama/Llama-3.1-8B"),
        ("openai/whisper-large-v3", "model", "openai/whisper-large-v3"),
        ("2024/06", "model", None),
        ("v1.2/3", "model", None),
        ("text/plain", "model", None),
        ("outputs/run", "model", None),
        ("checkpoints/best", "model", None),
        ("org/model.safetensors", "model", None),
        ("openai/gpt-4o", "model", None),
        ("anthropic/claude-3-opus", "model", None),
        ("https://hf.co/org/x", "model", "org/x"),
        ("https://huggingface.co/Cxxs/ImageBind-LLM/resolve/main/7B.pth", "model", "Cxxs/ImageBind-LLM"),
        ("https://huggingface.co/datasets/laion/OIG", "model", "laion/OIG"),
        ("https://huggingface.co/org/x.git", "model", "org/x"),
        ("https://hf-mirror.com/org/x/blob/main/a.safetensors?download=true", "model", "org/x"),
        ("https://huggingface.co/docs/transformers/index", "model", None),
        ("https://huggingface.co/spaces/mteb/leaderboard", "model", None),
        ("https://huggingface.co/transformers/model_doc/bert.html", "model", None),
        ("https://huggingface.co/gpt2", "model", "gpt2"),
        ("https://huggingface.co/meta-llama", "model", None),
        ("https://github.com/org/x", "model", None),
        ("HF://mlc-ai/SmolLM2-1.7B-Instruct-q4f16_1-MLC", "model", "mlc-ai/SmolLM2-1.7B-Instruct-q4f16_1-MLC"),
        ("json", "dataset", None),
        ("a/b/c", "model", None),
        (" org/x", "model", None),
        ("org/x/", "model", None),
    ],
)
def test_what_is_a_repository(tmp_path, text, kind, expected):
    found = hub_reference(text, kind, Tree(tmp_path))
    assert (found.name if found else None) == expected


def test_hf_dataset_address_is_a_dataset_and_keeps_its_revision(tmp_path):
    found = hub_reference("hf://datasets/org/data@v2/train.parquet", "model", Tree(tmp_path))
    assert (found.type, found.name, found.revision) == ("dataset", "org/data", "v2")


def test_hub_file_address_gives_type_and_pinned_revision(tmp_path):
    found = hub_reference("https://huggingface.co/datasets/laion/OIG/resolve/4a1b2c/unified_chip2.jsonl", "model", None)
    assert (found.type, found.name, found.revision) == ("dataset", "laion/OIG", "4a1b2c")
    found = hub_reference("https://huggingface.co/org/x/resolve/main/w.pth", "model", None)
    assert (found.type, found.name, found.revision) == ("model", "org/x", None)


def test_bare_names_policy(tmp_path):
    assert hub_reference("gpt2", "model", Tree(tmp_path), bare="legacy").name == "gpt2"
    assert hub_reference("llama3", "model", Tree(tmp_path), bare="legacy") is None
    # Only the Hub's canonical models have no organisation: any other bare model name a
    # loader receives is a folder made at run time or an alias, never a repository.
    assert hub_reference("distilgpt2", "model", Tree(tmp_path), bare="any").name == "distilgpt2"
    assert hub_reference("my-model", "model", Tree(tmp_path), bare="any") is None
    assert hub_reference("my-dataset", "dataset", Tree(tmp_path), bare="any").name == "my-dataset"
    assert hub_reference("my-model", "model", Tree(tmp_path), bare="none") is None
