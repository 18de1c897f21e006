"""More inputs end to end: lock files, local models and GGUF files, SBOMs, the Hugging Face cache.

The real client talks to the fake Hub and PyPI on loopback; the lock files are the
ones the tools wrote (tests/sources/assets/locks), the GGUF files are written with
the `gguf` package, the cache is filled by `hf_hub_download`.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_helpers import by_name, invoke, report, scan, scan_json, scan_report
from fakehub import fake_sha
from localmodels import write_gguf, write_model_folder

LOCKS = Path(__file__).parent / "sources" / "assets" / "locks"
SAAS = ("--use", "commercial", "--distribution", "network", "--users", "2M")
ONPREM = ("--use", "commercial", "--distribution", "redistribute")

NC_BASE = "CohereForAI/c4ai-command-r-v01"
LLAMA = "meta-llama/Llama-3.1-8B-Instruct"
GEMMA = "google/gemma-2-9b-it"
GEMMA_SHA = fake_sha("model", GEMMA)
PACKAGES = {
    "astroid": "4.3.4",
    "certifi": "2026.10.19.post1",
    "charset-normalizer": "3.5.3",
    "colorama": "0.4.6",
    "dill": "0.4.1",
    "idna": "3.20",
    "isort": "9.0.2",
    "mccabe": "0.7.0",
    "mypy-extensions": "1.2.0",
    "platformdirs": "4.14.8",
    "pylint": "4.1.4",
    "pyyaml": "6.0.4",
    "requests": "2.34.2",
    "tomlkit": "0.15.2",
    "urllib3": "2.8.0",
}


def add_packages(hub, copyleft: tuple[str, ...] = ("pylint",)) -> None:
    for name, version in PACKAGES.items():
        hub.add_package(name, version, license_expression="GPL-2.0-or-later" if name in copyleft else "MIT")


@pytest.fixture
def team_repo(fake_hub, tmp_path):
    """What a team has: two Python services with their locks, a LoRA adapter over a
    non-commercial base, a GGUF file of Llama 3.1, and an SBOM from another team."""
    repo = tmp_path / "repo"
    for folder, files in (("service", ("uv.lock", "pyproject.toml")), ("worker", ("poetry.lock", "pyproject.toml"))):
        (repo / folder).mkdir(parents=True)
        for name in files:
            shutil.copy(
                LOCKS / folder.replace("service", "uv").replace("worker", "poetry") / name, repo / folder / name
            )
    write_model_folder(
        repo / "models" / "support-bot", {"license": "apache-2.0", "library_name": "peft"}, adapter_base=NC_BASE
    )
    write_gguf(
        repo / "models" / "llama-3.1-8b-instruct.Q4_K_M.gguf",
        licence="llama3.1",
        base_models=[
            {
                "name": "Llama 3.1 8B Instruct",
                "organization": "Meta Llama",
                "repo_url": f"https://huggingface.co/{LLAMA}",
            }
        ],
    )
    (repo / "models.yaml").write_text("models:\n  - path: models/support-bot\n")
    (repo / "sbom.cdx.json").write_text(
        json.dumps(
            {
                "bomFormat": "CycloneDX",
                "specVersion": "1.6",
                "version": 1,
                "components": [
                    {
                        "type": "machine-learning-model",
                        "name": "gemma-2-9b-it",
                        "purl": f"pkg:huggingface/{GEMMA}@{GEMMA_SHA}",
                    },
                    {"type": "library", "name": "left-pad", "version": "1.3.0", "purl": "pkg:npm/left-pad@1.3.0"},
                ],
            },
            indent=2,
        )
    )
    fake_hub.add_model(NC_BASE, {"license": "cc-by-nc-4.0"})
    fake_hub.add_model(LLAMA, {"license": "llama3.1"}, gated="manual")
    fake_hub.add_model(GEMMA, {"license": "gemma"}, gated="manual")
    add_packages(fake_hub)
    return repo


def test_one_scan_checks_locks_local_models_gguf_and_an_sbom(team_repo):
    code, document = scan_json(team_repo, "--sbom", str(team_repo / "sbom.cdx.json"), *SAAS)
    components = by_name(document)
    assert code == 1  # the adapter is denied

    adapter = components["models/support-bot"]
    assert adapter["type"] == "model" and adapter["license"]["source"] == "local-card"
    assert adapter["verdict"] == "denied"  # bound by its CC-BY-NC base, whatever it declares
    assert [entry["name"] for entry in adapter["lineage"]] == [NC_BASE]
    assert adapter["locations"] == [{"path": "models.yaml", "line": 2}]

    gguf = components["models/llama-3.1-8b-instruct.Q4_K_M.gguf"]
    assert (gguf["type"], gguf["license"]["id"], gguf["license"]["source"]) == ("model", "llama3.1", "gguf-metadata")
    assert gguf["verdict"] == "conditional"
    assert [entry["name"] for entry in gguf["lineage"]] == [LLAMA]

    gemma = components[GEMMA]
    assert (gemma["verdict"], gemma["version"]) == ("conditional", GEMMA_SHA)
    assert gemma["locations"][0]["path"] == "sbom.cdx.json"

    requests = components["requests"]
    assert (requests["version"], requests["direct"], requests["scope"], requests["verdict"]) == (
        "2.34.2",
        True,
        "main",
        "allowed",
    )
    assert [place["path"] for place in requests["locations"]] == [
        "service/uv.lock",
        "worker/poetry.lock",
        "service/pyproject.toml",
        "worker/pyproject.toml",
    ]
    assert (components["astroid"]["direct"], components["astroid"]["scope"]) == (False, "dev")
    assert components["pyyaml"]["scope"] == "optional"

    [not_checked] = [n for n in document["notices"] if n["code"] == "sbom-not-checked"]
    assert "1 npm (e.g. left-pad)" in not_checked["message"]


def test_text_report_marks_scopes_and_names_the_licence_source(team_repo):
    result = scan(team_repo, *SAAS, "-v")
    assert "model models/support-bot: apache-2.0 (from local-card)" in result.output
    assert "package pylint 4.1.4: GPL-2.0-or-later (from pypi:license_expression) [dev]" in result.output
    assert "package pyyaml 6.0.4: MIT (from pypi:license_expression) [optional]" in result.output


def test_scope_main_leaves_out_extras_and_dev_groups(team_repo):
    code, document = scan_json(team_repo, "--scope", "main", *SAAS)
    assert code == 1  # the adapter is denied
    assert set(by_name(document)) == {
        "models/support-bot",
        "models/llama-3.1-8b-instruct.Q4_K_M.gguf",
        "certifi",
        "charset-normalizer",
        "idna",
        "requests",
        "urllib3",
    }  # not pylint, astroid (dev), pyyaml, tomlkit (extras)


def test_a_dev_only_copyleft_dependency_is_not_distributed(fake_hub, tmp_path):
    shutil.copy(LOCKS / "uv" / "uv.lock", tmp_path / "uv.lock")
    shutil.copy(LOCKS / "uv" / "pyproject.toml", tmp_path / "pyproject.toml")
    add_packages(fake_hub, copyleft=("pylint", "certifi"))
    document = scan_report(tmp_path, *ONPREM, code=0)
    components = by_name(document)
    pylint, certifi = components["pylint"], components["certifi"]
    assert certifi["scope"] == "main" and certifi["verdict"] == "conditional"  # shipped: GPL duties apply
    assert [o[o.rindex("[") :] for o in certifi["obligations"]] == ["[gpl-2.0 2(b), 3, 6]", "[gpl-2.0 1, 2(a)]"]
    assert pylint["scope"] == "dev" and pylint["verdict"] == "allowed" and pylint["obligations"] == []
    [why] = [f for f in pylint["findings"] if f["code"] == "dev-dependency"]
    assert why["severity"] == "info" and "judged as internal use" in why["message"]


def test_the_lock_wins_over_a_requirements_pin_with_a_finding(fake_hub, tmp_path):
    shutil.copy(LOCKS / "poetry" / "poetry.lock", tmp_path / "poetry.lock")
    shutil.copy(LOCKS / "poetry" / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "requirements.txt").write_text("requests==2.31.0\n")
    add_packages(fake_hub)
    document = scan_report(tmp_path, *SAAS, code=0)
    requests = [c for c in document["components"] if c["name"] == "requests"]
    assert len(requests) == 1 and requests[0]["version"] == "2.34.2"
    [finding] = [f for f in requests[0]["findings"] if f["code"] == "lock-overrides-requirement"]
    assert "requirements.txt:1 asks for requests==2.31.0, but poetry.lock locks 2.34.2" in finding["message"]


def test_a_local_model_with_only_a_licence_file(fake_hub, tmp_path):
    text = "FLUX.1 [dev] Non-Commercial License\n\nThis is the licence text.\n"
    write_model_folder(tmp_path / "flux-lora", config=True, licence_text=text)
    (tmp_path / "models.yaml").write_text("models:\n  - path: flux-lora\n")
    code, document = scan_json(tmp_path, *SAAS)
    [model] = document["components"]
    assert model["license"]["source"] == "local-licence-file"
    assert model["license"]["id"] == "flux-1-dev-non-commercial"
    assert (code, model["verdict"]) == (1, "denied")


def test_a_corrupt_gguf_is_unknown_not_allowed(fake_hub, tmp_path):
    (tmp_path / "half-downloaded.gguf").write_bytes(b"GGUF\x03\x00\x00\x00")
    code, document = scan_json(tmp_path)
    [model] = document["components"]
    assert (code, model["verdict"]) == (3, "unknown")
    assert "half-downloaded.gguf: the header is truncated" in model["findings"][0]["message"]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"uv.lock": "version = 1\n[[package]\n"}, "uv.lock:2: invalid TOML"),
        (
            {"poetry.lock": "[metadata]\nlock-version = '9.0'\n"},
            "poetry.lock:1: unsupported poetry.lock `lock-version` '9.0'",
        ),
        ({"Pipfile.lock": "{\n"}, "Pipfile.lock:2: invalid JSON"),
        (
            {"models.yaml": "models:\n  - path: ../elsewhere\n"},
            "models.yaml:2: '../elsewhere' is outside the scanned tree",
        ),
    ],
)
def test_malformed_inputs_exit_2_naming_the_file(tmp_path, files, expected):
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "config.json").write_text("{}")
    repo = tmp_path / "repo"
    repo.mkdir()
    for name, text in files.items():
        (repo / name).write_text(text)
    result = scan(repo)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr


def test_a_malformed_sbom_exits_2_naming_the_file(tmp_path):
    (tmp_path / "requirements.txt").write_text("")
    (tmp_path / "bom.json").write_text('{"bomFormat": "CycloneDX", "specVersion": "1.3"}')
    result = scan(tmp_path, "--sbom", str(tmp_path / "bom.json"))
    assert result.exit_code == 2
    assert "bom.json:1: unsupported CycloneDX `specVersion` '1.3'" in result.stderr
    missing = scan(tmp_path, "--sbom", str(tmp_path / "missing.json"))
    assert missing.exit_code == 2 and "missing.json: cannot read the file" in missing.stderr


def test_an_sbom_alone_scans_no_tree(fake_hub, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # nothing to walk here: the SBOM is the whole input
    bom = tmp_path / "elsewhere.spdx.json"
    shutil.copy(Path(__file__).parent / "sources" / "assets" / "sbom" / "service.spdx.json", bom)
    fake_hub.add_model(GEMMA, {"license": "gemma"}, revisions={"v1": "11c9b309abf73637e4b6f9a3fa1e92e615547819"})
    fake_hub.add_package("urllib3", "2.2.3", license_expression="MIT")
    result = invoke("scan", "--sbom", bom, "--format", "json", *SAAS)
    document = report(result)
    assert {(c["name"], c["verdict"]) for c in document["components"]} == {
        (GEMMA, "conditional"),
        ("urllib3", "allowed"),
    }
    assert result.exit_code == 0


@pytest.mark.parametrize("path", [".", "tree"])
def test_an_sbom_beside_a_tree_without_inputs_is_scanned(fake_hub, tmp_path, monkeypatch, path):
    # `scan . --sbom FILE` (as the GitHub Action runs it) in a folder that declares nothing.
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "README.md").write_text("no manifest here\n")
    monkeypatch.chdir(tmp_path / "tree" if path == "." else tmp_path)
    bom = tmp_path / "elsewhere.spdx.json"
    shutil.copy(Path(__file__).parent / "sources" / "assets" / "sbom" / "service.spdx.json", bom)
    fake_hub.add_model(GEMMA, {"license": "gemma"}, revisions={"v1": "11c9b309abf73637e4b6f9a3fa1e92e615547819"})
    fake_hub.add_package("urllib3", "2.2.3", license_expression="MIT")
    code, document = scan_json(Path(path), "--sbom", str(bom), *SAAS)
    assert {(c["name"], c["verdict"]) for c in document["components"]} == {
        (GEMMA, "conditional"),
        ("urllib3", "allowed"),
    }
    assert code == 0


# -- the Hugging Face cache ----------------------------------------------------------------


@pytest.fixture
def populated_cache(fake_hub, tmp_path):
    """A cache filled the way users fill it: hf_hub_download against the (fake) Hub."""
    from huggingface_hub import hf_hub_download

    fake_hub.add_model("Qwen/Qwen2.5-7B-Instruct", {"license": "apache-2.0"}, revisions={"v1": fake_sha("qwen", "v1")})
    fake_hub.add_model(NC_BASE, {"license": "cc-by-nc-4.0", "base_model": "CohereForAI/c4ai-base"})
    fake_hub.add_model("CohereForAI/c4ai-base", {"license": "cc-by-nc-4.0"})
    fake_hub.add_dataset("allenai/c4", {"license": "odc-by"})
    cache = tmp_path / "hf-cache"
    for repo_id, revision in (("Qwen/Qwen2.5-7B-Instruct", None), ("Qwen/Qwen2.5-7B-Instruct", "v1"), (NC_BASE, None)):
        hf_hub_download(repo_id, "README.md", revision=revision, cache_dir=cache)
    hf_hub_download("allenai/c4", "README.md", repo_type="dataset", cache_dir=cache)
    return cache


def hf_cache_scan(cache: Path, *args: str):
    return invoke("scan", "--hf-cache", cache, "--format", "json", *args)


def test_hf_cache_lists_every_cached_revision_with_verdicts(populated_cache, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # holds no inputs: only the cache is scanned
    result = hf_cache_scan(populated_cache, *SAAS)
    document = report(result)
    found = {(c["type"], c["name"], c["version"]): c for c in document["components"]}
    assert set(found) == {
        ("model", "Qwen/Qwen2.5-7B-Instruct", fake_sha("model", "Qwen/Qwen2.5-7B-Instruct")),
        ("model", "Qwen/Qwen2.5-7B-Instruct", fake_sha("qwen", "v1")),
        ("model", NC_BASE, fake_sha("model", NC_BASE)),
        ("dataset", "allenai/c4", fake_sha("dataset", "allenai/c4")),
    }
    verdicts = {(name, version[:8]): c["verdict"] for (_, name, version), c in found.items()}
    assert verdicts[("Qwen/Qwen2.5-7B-Instruct", fake_sha("qwen", "v1")[:8])] == "allowed"
    assert verdicts[(NC_BASE, fake_sha("model", NC_BASE)[:8])] == "denied"
    qwen = found[("model", "Qwen/Qwen2.5-7B-Instruct", fake_sha("qwen", "v1"))]
    assert qwen["locations"] == [
        {
            "path": (
                populated_cache / "models--Qwen--Qwen2.5-7B-Instruct" / "snapshots" / fake_sha("qwen", "v1")
            ).as_posix(),
            "line": None,
        }
    ]
    assert [entry["name"] for entry in found[("model", NC_BASE, fake_sha("model", NC_BASE))]["lineage"]] == [
        "CohereForAI/c4ai-base"
    ]
    [inventory] = [n for n in document["notices"] if n["code"] == "hf-cache"]
    assert "4 revision(s) of 3 model(s) and dataset(s)" in inventory["message"]
    assert result.exit_code == 1


def test_hf_cache_offline_reads_the_cached_cards(populated_cache, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = hf_cache_scan(populated_cache, "--offline", *SAAS)
    document = report(result)
    licences = {(c["name"], c["license"]["id"], c["license"]["source"]) for c in document["components"]}
    assert ("Qwen/Qwen2.5-7B-Instruct", "apache-2.0", "local-card") in licences
    assert ("allenai/c4", "odc-by", "local-card") in licences
    assert result.exit_code == 1  # the CC-BY-NC model, from its cached card


def test_hf_cache_default_location_and_missing_cache(fake_hub, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "nowhere"))
    result = invoke("scan", "--hf-cache")
    assert result.exit_code == 2
    assert f"{tmp_path / 'nowhere'}: no Hugging Face cache there" in result.stderr


def test_hf_cache_beside_a_tree_without_inputs_is_scanned(populated_cache, tmp_path, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    code, document = scan_json(Path("."), "--hf-cache", str(populated_cache), *SAAS)
    assert {(c["name"], c["verdict"]) for c in document["components"]} == {
        ("Qwen/Qwen2.5-7B-Instruct", "allowed"),
        (NC_BASE, "denied"),
        ("allenai/c4", "conditional"),
    }
    assert len(document["components"]) == 4 and code == 1


def test_a_tree_without_inputs_is_still_an_error_alone(tmp_path):
    result = scan(tmp_path)
    assert result.exit_code == 2 and f"{tmp_path}: found no models.yaml" in result.stderr


def test_hf_cache_and_a_tree_in_one_scan(populated_cache, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "models.yaml").write_text("models:\n  - Qwen/Qwen2.5-7B-Instruct\n")
    document = scan_report(repo, "--hf-cache", str(populated_cache), *SAAS, code=1)
    qwen = [c for c in document["components"] if c["name"] == "Qwen/Qwen2.5-7B-Instruct"]
    assert len(qwen) == 3  # declared (unpinned) + two cached commits
