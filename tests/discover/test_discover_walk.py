"""The walk discovery makes: .gitignore rules, exclude globs, environments and links."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from licensecheck.discover.ids import Tree, hub_reference
from licensecheck.discover.ignore import walk
from licensecheck.globs import PathFilter


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def walked(root: Path, exclude=None) -> list[str]:
    return [relative for _, relative in walk(str(root), exclude)]


def test_gitignore_subset(tmp_path):
    tree(tmp_path, {
        ".gitignore": "# comment\n*.log\n!keep.log\nbuild/\n/top.py\ndocs/**/*.tmp\n**/cache\n\\#hash.py\n",
        "a.log": "", "keep.log": "", "build/x.py": "", "lib/build": "", "top.py": "", "lib/top.py": "",
        "docs/a/b/c.tmp": "", "docs/a/c.txt": "", "src/cache/x.py": "", "#hash.py": "", "ok.py": "",
    })
    assert walked(tmp_path) == ["keep.log", "ok.py", "docs/a/c.txt", "lib/build", "lib/top.py"]


def test_nested_gitignore_applies_below_its_folder_and_overrides(tmp_path):
    tree(tmp_path, {
        ".gitignore": "*.gen.py\n",
        "pkg/.gitignore": "!keep.gen.py\nlocal.py\n",
        "a.gen.py": "", "pkg/keep.gen.py": "", "pkg/b.gen.py": "", "pkg/local.py": "", "local.py": "",
    })
    assert walked(tmp_path) == ["local.py", "pkg/keep.gen.py"]


def test_git_info_exclude(tmp_path):
    tree(tmp_path, {".git/info/exclude": "secret.py\n", "secret.py": "", "ok.py": ""})
    assert walked(tmp_path) == ["ok.py"]


def test_environments_caches_hidden_and_vendored_folders_are_skipped(tmp_path):
    tree(tmp_path, {
        "myenv/pyvenv.cfg": "", "myenv/lib/a.py": "", "conda/conda-meta/history": "", "conda/b.py": "",
        "cache/CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n", "cache/c.json": "",
        "node_modules/x/d.json": "", ".hidden/e.py": "", ".env.py": "", "pkg/__pycache__/f.py": "", "ok.py": "",
    })
    assert walked(tmp_path) == ["ok.py"]


@pytest.mark.parametrize("exclude", [("tests/fixtures/**", "vendor"), "filter"])
def test_exclude_globs_and_the_configuration_filter(tmp_path, exclude):
    tree(tmp_path, {"tests/fixtures/a.py": "", "tests/b.py": "", "vendor/c.py": "", "src/vendor/d.py": "", "e.py": "",
                    "pkg/.gitignore": "!*.py\n"})
    if exclude == "filter":
        exclude = PathFilter(tmp_path, ["tests/fixtures/**", "vendor"])
    assert walked(tmp_path, exclude) == ["e.py", "tests/b.py"]


def test_symbolic_link_cycles_and_links_out_of_the_tree_are_not_followed(tmp_path):
    tree(tmp_path, {"root/pkg/a.py": "", "root/b.py": "", "outside.py": ""})
    root = tmp_path / "root"
    os.symlink(root, root / "pkg" / "loop")
    os.symlink(tmp_path / "outside.py", root / "pkg" / "out.py")
    os.symlink(root / "b.py", root / "pkg" / "in.py")
    assert walked(root) == ["b.py", "pkg/a.py", "pkg/in.py"]


@pytest.mark.parametrize("text, kind, expected", [
    ("meta-llama/Llama-3.1-8B", "model", "meta-llama/Llama-3.1-8B"),
    ("hf-hub:timm/resnet50.a1_in1k", "model", "timm/resnet50.a1_in1k"),
    ("hf.co/bartowski/gemma-2-2b-it-GGUF:Q4_K_M", "model", "bartowski/gemma-2-2b-it-GGUF"),
    ("hf://datasets/HuggingFaceFW/fineweb/data/x.parquet", "model", "HuggingFaceFW/fineweb"),
    ("huggingface/meta-llama/Llama-3.1-8B", "model", "meta-llama/Llama-3.1-8B"),
    ("openai/whisper-large-v3", "model", "openai/whisper-large-v3"),
    ("2024/06", "model", None), ("v1.2/3", "model", None), ("text/plain", "model", None),
    ("outputs/run", "model", None), ("checkpoints/best", "model", None), ("org/model.safetensors", "model", None),
    ("openai/gpt-4o", "model", None), ("anthropic/claude-3-opus", "model", None), ("https://hf.co/org/x", "model", None),
    ("json", "dataset", None), ("a/b/c", "model", None), (" org/x", "model", None), ("org/x/", "model", None),
])
def test_what_is_a_repository(tmp_path, text, kind, expected):
    found = hub_reference(text, kind, Tree(tmp_path))
    assert (found.name if found else None) == expected


def test_hf_dataset_address_is_a_dataset_and_keeps_its_revision(tmp_path):
    found = hub_reference("hf://datasets/org/data@v2/train.parquet", "model", Tree(tmp_path))
    assert (found.type, found.name, found.revision) == ("dataset", "org/data", "v2")


def test_bare_names_policy(tmp_path):
    assert hub_reference("gpt2", "model", Tree(tmp_path), bare="legacy").name == "gpt2"
    assert hub_reference("llama3", "model", Tree(tmp_path), bare="legacy") is None
    # Only the Hub's canonical models have no organisation: any other bare model name a
    # loader receives is a folder made at run time or an alias, never a repository.
    assert hub_reference("distilgpt2", "model", Tree(tmp_path), bare="any").name == "distilgpt2"
    assert hub_reference("my-model", "model", Tree(tmp_path), bare="any") is None
    assert hub_reference("my-dataset", "dataset", Tree(tmp_path), bare="any").name == "my-dataset"
    assert hub_reference("my-model", "model", Tree(tmp_path), bare="none") is None
