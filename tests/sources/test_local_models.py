"""Local models: model folders and GGUF files, their licence and ancestors, `- path:` in models.yaml."""

from __future__ import annotations

import os

import pytest
from localmodels import write_gguf, write_model_folder

from licensecheck.errors import InputError
from licensecheck.model import MODEL
from licensecheck.resolve.local import local_resolution, resolve_local_model
from licensecheck.sources.inputs import collect_inputs
from licensecheck.sources.local import (
    hub_id_from_url,
    is_model_folder,
    local_model_component,
    read_model_files,
)
from licensecheck.sources.manifest import read_manifest

NC_BASE = "CohereForAI/c4ai-command-r-v01"


# -- what a folder is ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "files",
    [
        {"config.json": "{}"},
        {"adapter_config.json": "{}"},
        {"model-00001-of-00002.safetensors": ""},
        {"model.Q4_K_M.gguf": ""},
        {"README.md": "---\nlicense: mit\n---\n"},
    ],
)
def test_a_folder_with_any_model_file_is_a_model(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    assert is_model_folder(tmp_path)


def test_a_folder_with_a_plain_readme_is_not_a_model(tmp_path):
    (tmp_path / "README.md").write_text("# Just documentation\n")
    (tmp_path / "train.py").write_text("")
    assert not is_model_folder(tmp_path)


def test_hub_ids_from_urls():
    assert hub_id_from_url("https://huggingface.co/meta-llama/Llama-3.1-8B") == "meta-llama/Llama-3.1-8B"
    assert hub_id_from_url("https://hf.co/org/name/tree/main") == "org/name"
    assert hub_id_from_url("https://huggingface.co/datasets/org/name") is None
    assert hub_id_from_url("https://example.com/org/name") is None
    assert hub_id_from_url("meta-llama/Llama-3.1-8B") is None


# -- ancestors ---------------------------------------------------------------------------


def test_an_adapter_folder_names_its_base_from_adapter_config(tmp_path):
    folder = write_model_folder(tmp_path / "models" / "support-bot", {"license": "apache-2.0"}, adapter_base=NC_BASE)
    component = local_model_component(folder, tmp_path)
    assert component.type == MODEL
    assert component.name == "models/support-bot"
    assert component.path == str(folder.resolve())
    assert component.base_models == (NC_BASE,)
    assert component.relation == "adapter"
    assert not component.own  # its own licence counts; it is simply never fetched


def test_the_card_base_model_comes_first(tmp_path):
    folder = write_model_folder(
        tmp_path / "m",
        {"license": "mit", "base_model": ["org/a", "org/b"], "base_model_relation": "merge"},
        adapter_base="org/ignored",
    )
    component = local_model_component(folder, tmp_path)
    assert component.base_models == ("org/a", "org/b")
    assert component.relation == "merge"


def test_a_local_path_as_base_is_reported_not_followed(tmp_path):
    folder = write_model_folder(tmp_path / "m", {"license": "mit"}, adapter_base="/data/checkpoints/llama")
    component = local_model_component(folder, tmp_path)
    assert component.base_models == ()
    assert [n.code for n in component.notes] == ["local-base-not-followed"]
    assert "/data/checkpoints/llama" in component.notes[0].message


def test_a_gguf_file_names_its_base_from_the_repo_url(tmp_path):
    path = write_gguf(
        tmp_path / "llama.gguf",
        licence="llama3.1",
        base_models=[
            {
                "name": "Llama 3.1 8B Instruct",
                "organization": "Meta Llama",
                "repo_url": "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct",
            }
        ],
    )
    component = local_model_component(path, tmp_path)
    assert component.name == "llama.gguf"
    assert component.base_models == ("meta-llama/Llama-3.1-8B-Instruct",)


def test_a_gguf_base_without_a_hub_url_is_reported(tmp_path):
    path = write_gguf(tmp_path / "m.gguf", licence="mit", base_models=[{"name": "Secret Base", "organization": "Acme"}])
    component = local_model_component(path, tmp_path)
    assert component.base_models == ()
    assert "Acme / Secret Base" in component.notes[0].message


def test_a_gguf_conversion_of_a_hub_model_is_quantized(tmp_path):
    path = write_gguf(tmp_path / "m.gguf", licence="mit", source_repo_url="https://huggingface.co/org/original")
    component = local_model_component(path, tmp_path)
    assert (component.base_models, component.relation) == (("org/original",), "quantized")


# -- licence ---------------------------------------------------------------------------------


def test_licence_from_the_card(tmp_path):
    folder = write_model_folder(tmp_path / "m", {"license": "cc-by-nc-4.0"}, config=True)
    resolution = local_resolution(read_model_files(folder, "m"))
    assert resolution.ok
    assert (resolution.licence.id, resolution.licence.source) == ("cc-by-nc-4.0", "local-card")


def test_card_other_with_name_and_link_and_the_licence_text(tmp_path):
    folder = write_model_folder(
        tmp_path / "m",
        {"license": "other", "license_name": "acme", "license_link": "LICENSE"},
        licence_text="ACME MODEL LICENCE\n...",
    )
    licence = local_resolution(read_model_files(folder, "m")).licence
    assert (licence.id, licence.declared, licence.link, licence.file) == ("other", "acme", "LICENSE", "m/LICENSE")
    assert local_resolution(read_model_files(folder, "m")).licence_text.startswith("ACME MODEL LICENCE")


def test_licence_from_gguf_metadata(tmp_path):
    path = write_gguf(tmp_path / "m.gguf", licence="llama3.1", licence_link="https://llama.meta.com/llama3_1/license/")
    licence = local_resolution(read_model_files(path, "m.gguf")).licence
    assert (licence.id, licence.source, licence.link) == (
        "llama3.1",
        "gguf-metadata",
        "https://llama.meta.com/llama3_1/license/",
    )


def test_a_gguf_listing_several_licences_is_ambiguous(tmp_path):
    path = write_gguf(tmp_path / "m.gguf", licence="apache-2.0,mit")
    resolution = local_resolution(read_model_files(path, "m.gguf"))
    assert resolution.problem.code == "licence-ambiguous"


def test_a_licence_file_alone_is_read_for_identification(tmp_path):
    folder = write_model_folder(tmp_path / "m", config=True, licence_text="Some licence text")
    resolution = local_resolution(read_model_files(folder, "m"))
    assert (resolution.licence.id, resolution.licence.source, resolution.licence.file) == (
        "other",
        "local-licence-file",
        "m/LICENSE",
    )
    assert resolution.licence_text == "Some licence text"


def test_no_licence_anywhere_is_a_problem(tmp_path):
    folder = write_model_folder(tmp_path / "m", {"library_name": "peft"}, config=True)
    resolution = local_resolution(read_model_files(folder, "m"))
    assert not resolution.ok
    assert resolution.problem.code == "no-licence"
    assert "m/README.md" in resolution.problem.message


def test_a_malformed_card_is_a_problem_naming_file_and_line(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "README.md").write_text("---\nlicense: mit\nbase_model: [unclosed\n---\n")
    resolution = local_resolution(read_model_files(folder, "m"))
    assert resolution.problem.code == "local-model-unreadable"
    assert resolution.problem.message.startswith("m/README.md:")
    assert "invalid YAML" in resolution.problem.message


def test_a_corrupt_gguf_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "broken.gguf"
    path.write_bytes(b"GGUF\x03\x00\x00\x00\x00")
    component = local_model_component(path, tmp_path)
    resolved = resolve_local_model(component)
    assert resolved.resolution.problem.code == "local-model-unreadable"
    assert "broken.gguf: the header is truncated" in resolved.resolution.problem.message


def test_resolved_carries_the_components_ancestors(tmp_path):
    folder = write_model_folder(tmp_path / "m", {"license": "apache-2.0"}, adapter_base=NC_BASE)
    resolved = resolve_local_model(local_model_component(folder, tmp_path))
    assert resolved.resolution.licence.id == "apache-2.0"
    assert (resolved.base_models, resolved.relation) == ((NC_BASE,), "adapter")


# -- models.yaml `- path:` -------------------------------------------------------------------


def _manifest(tmp_path, text):
    path = tmp_path / "models.yaml"
    path.write_text(text)
    return path


def test_manifest_path_entry(tmp_path):
    write_model_folder(tmp_path / "models" / "support-bot", {"license": "apache-2.0"}, adapter_base=NC_BASE)
    manifest = _manifest(
        tmp_path, "models:\n  - path: models/support-bot/\n    license: mit\n    reason: checked by legal, LEG-1\n"
    )
    [component] = read_manifest(manifest, tmp_path)
    assert component.name == "models/support-bot"
    assert component.locations[0].path == "models.yaml" and component.locations[0].line == 2
    assert component.override.id == "mit"
    assert component.base_models == (NC_BASE,)


def test_manifest_path_is_relative_to_the_manifest(tmp_path):
    write_gguf(tmp_path / "svc" / "weights" / "m.gguf", licence="mit")
    manifest = tmp_path / "svc" / "models.yaml"
    manifest.write_text("models:\n  - path: weights/m.gguf\n")
    [component] = read_manifest(manifest, tmp_path)
    assert component.name == "weights/m.gguf"
    assert component.path == str((tmp_path / "svc" / "weights" / "m.gguf").resolve())


def test_manifest_base_model_overrides_the_files(tmp_path):
    write_model_folder(tmp_path / "m", {"license": "mit", "base_model": "org/from-card"})
    manifest = _manifest(tmp_path, "models:\n  - path: m\n    base_model: org/declared\n    relation: finetune\n")
    [component] = read_manifest(manifest, tmp_path)
    assert (component.base_models, component.relation) == (("org/declared",), "finetune")


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        ("  - path: ../outside\n", 2, "outside the scanned tree"),
        ("  - path: /etc\n", 2, "must be relative"),
        ("  - path: models/missing\n", 2, "no such file or folder"),
        ("  - path: docs\n", 2, "does not look like a model"),
        ("  - path: m\n    id: org/m\n", 3, "give one of them"),
        ("  - path: m\n    revision: main\n", 3, "read as it is on disk"),
        ("  - path: m\n    own: true\n", 3, "`own` applies to `id` entries"),
        ("  - path: ''\n", 2, "`path` is empty"),
        ("  - path: 12\n", 2, "`path` must be a string"),
    ],
)
def test_manifest_path_errors(tmp_path, entry, line, message):
    root = tmp_path / "repo"
    write_model_folder(root / "m", {"license": "mit"})
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# docs\n")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "config.json").write_text("{}")
    manifest = _manifest(root, "models:\n" + entry)
    with pytest.raises(InputError) as raised:
        read_manifest(manifest, root)
    assert (raised.value.path, raised.value.line) == ("models.yaml", line)
    assert message in raised.value.message


def test_manifest_path_through_a_symlink_out_of_the_tree_is_refused(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    write_model_folder(tmp_path / "elsewhere", {"license": "mit"})
    os.symlink(tmp_path / "elsewhere", root / "linked")
    manifest = _manifest(root, "models:\n  - path: linked\n")
    with pytest.raises(InputError, match="outside the scanned tree"):
        read_manifest(manifest, root)


def test_datasets_take_no_path(tmp_path):
    manifest = _manifest(tmp_path, "datasets:\n  - path: data\n")
    with pytest.raises(InputError, match="`path` applies to models only"):
        read_manifest(manifest, tmp_path)


# -- GGUF files found in the tree --------------------------------------------------------------


def test_gguf_files_under_the_tree_are_model_components(tmp_path):
    write_gguf(tmp_path / "weights" / "a.gguf", licence="mit")
    components = collect_inputs(tmp_path).components
    assert [(c.type, c.name) for c in components] == [("model", "weights/a.gguf")]
    assert components[0].locations[0].path == "weights/a.gguf"


def test_a_gguf_inside_a_declared_model_folder_is_not_reported_twice(tmp_path):
    folder = write_model_folder(tmp_path / "models" / "bot", {"license": "mit"})
    write_gguf(folder / "bot.Q4.gguf", licence="mit")
    write_gguf(tmp_path / "other.gguf", licence="mit")
    (tmp_path / "models.yaml").write_text("models:\n  - path: models/bot\n")
    names = sorted(c.name for c in collect_inputs(tmp_path).components)
    assert names == ["models/bot", "other.gguf"]


# -- files that lead out of the scanned tree, files nested too deeply, reading once ------------------

SECRET = "secret-first-line-from-outside"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("README.md", f"---\nlicense: mit\nbase_model: {SECRET}/x\n---\n"),
        ("LICENSE", f"{SECRET}\nMIT License\n"),
        ("adapter_config.json", f'{{"base_model_name_or_path": "{SECRET}/x"}}'),
        ("model.gguf", None),
    ],
)
def test_a_model_file_linked_out_of_the_tree_is_not_read(tmp_path, name, content):
    root, outside = tmp_path / "repo", tmp_path / "outside"
    outside.mkdir()
    if content is None:
        write_gguf(outside / name, licence="mit", source_repo_url=f"https://huggingface.co/{SECRET}/x")
    else:
        (outside / name).write_text(content)
    folder = write_model_folder(root / "m", config=True)
    os.symlink(outside / name, folder / name)
    component = local_model_component(folder, root)
    resolution = resolve_local_model(component).resolution
    assert (resolution.problem.code, resolution.problem.message) == (
        "local-model-unreadable",
        f"m/{name} is a symbolic link out of the scanned tree: not read; copy the file into the model's folder",
    )
    assert component.base_models == ()
    assert SECRET not in repr(component.local_files.__dict__)


def test_a_gguf_file_linked_out_of_the_tree_is_not_read(tmp_path):
    root, outside = tmp_path / "repo", tmp_path / "outside"
    write_gguf(outside / "m.gguf", licence="mit")
    root.mkdir()
    os.symlink(outside / "m.gguf", root / "m.gguf")
    files = read_model_files(root / "m.gguf", "m.gguf", root)
    assert [p.message for p in files.problems] == [
        "m.gguf is a symbolic link out of the scanned tree: not read; copy the file into the model's folder"
    ]
    assert files.gguf is None


def test_a_model_file_linked_elsewhere_inside_the_tree_is_read(tmp_path):
    (tmp_path / "LICENSE").write_text("Shared licence text\n")
    folder = write_model_folder(tmp_path / "models" / "m", {"license": "other"}, config=True)
    os.symlink(tmp_path / "LICENSE", folder / "LICENSE")
    resolution = resolve_local_model(local_model_component(folder, tmp_path)).resolution
    assert (resolution.licence.id, resolution.licence.file) == ("other", "models/m/LICENSE")
    assert resolution.licence_text == "Shared licence text\n"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        (
            "README.md",
            "---\nlicense: mit\nx: " + "[" * 20000 + "]" * 20000 + "\n---\n",
            "m/README.md: the model card's front matter is nested too deeply to read",
        ),
        (
            "adapter_config.json",
            '{"a": ' + "[" * 100000 + "]" * 100000 + "}",
            "m/adapter_config.json: invalid JSON: nested too deeply to read",
        ),
    ],
)
def test_a_file_nested_too_deeply_is_a_problem_not_a_crash(tmp_path, name, text, message):
    folder = write_model_folder(tmp_path / "m", config=True)
    (folder / name).write_text(text)
    resolution = resolve_local_model(local_model_component(folder, tmp_path)).resolution
    assert (resolution.problem.code, resolution.problem.message) == ("local-model-unreadable", message)


def test_a_gguf_header_is_read_once_per_scan(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import licensecheck.sources.gguf as gguf_module
    from licensecheck.cli import main

    write_gguf(tmp_path / "m.gguf", licence="mit")
    read = gguf_module.read_gguf_metadata
    calls = []
    monkeypatch.setattr(gguf_module, "read_gguf_metadata", lambda path: calls.append(path) or read(path))
    result = CliRunner().invoke(main, ["scan", str(tmp_path), "--offline", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert calls == [tmp_path / "m.gguf"]
