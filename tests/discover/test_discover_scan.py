"""Discovery in `scan` and `lock`: merged with the manifest, located, and switched off by --no-discover."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

from cli_helpers import invoke, scan, scan_json, scan_report

from licensecheck.discover import discover

ROOT = Path(__file__).resolve().parent.parent.parent
SHA = "0123456789abcdef0123456789abcdef01234567"


def project(root: Path) -> Path:
    (root / "models.yaml").write_text("models:\n  - org/chat\n  - id: org/pinned\n    revision: v1\n")
    (root / "app.py").write_text(
        "import os\n"
        "from transformers import AutoModel\n"
        "from datasets import load_dataset\n"
        "AutoModel.from_pretrained('Org/Chat')\n"  # same model as the manifest's, other case
        "AutoModel.from_pretrained('org/pinned', revision='v2')\n"  # another revision: its own component
        "AutoModel.from_pretrained('org/nc-model')\n"  # only in code
        "load_dataset('org/corpus')\n"
        "AutoModel.from_pretrained(os.environ['RUNTIME_MODEL'])\n"
    )
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "metadata": {},
                "outputs": [],
                "execution_count": None,
                "source": ["from transformers import pipeline\n", "pipeline('fill-mask', model='org/chat')\n"],
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    (root / "try.ipynb").write_text(json.dumps(notebook, indent=1))
    return root


def notebook_line(root: Path) -> int:
    """The line of try.ipynb where the pipeline call is written."""
    lines = (root / "try.ipynb").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if "fill-mask" in line)


def hub(fake_hub) -> None:
    fake_hub.add_model("org/chat", {"license": "apache-2.0"})
    fake_hub.add_model("org/pinned", {"license": "mit"}, revisions={"v1": SHA, "v2": SHA[::-1]})
    fake_hub.add_model("org/nc-model", {"license": "cc-by-nc-4.0"})
    fake_hub.add_dataset("org/corpus", {"license": "odc-by"})


def test_scan_merges_code_references_with_the_manifest(fake_hub, tmp_path):
    hub(fake_hub)
    code, document = scan_json(project(tmp_path))
    components = {(c["type"], c["name"], c.get("revision")): c for c in document["components"]}
    assert set(components) == {
        ("model", "org/chat", None),
        ("model", "org/pinned", "v1"),
        ("model", "org/pinned", "v2"),
        ("model", "org/nc-model", None),
        ("dataset", "org/corpus", None),
    }
    chat = components[("model", "org/chat", None)]
    assert chat["locations"] == [
        {"path": "models.yaml", "line": 2},
        {"path": "app.py", "line": 4},
        {"path": "try.ipynb", "line": notebook_line(tmp_path), "label": "cell 1, line 2"},
    ]
    assert components[("model", "org/pinned", "v2")]["locations"] == [{"path": "app.py", "line": 5}]
    assert components[("model", "org/nc-model", None)]["verdict"] == "denied" and code == 1
    notice = next(n for n in document["notices"] if n["code"] == "not-statically-known")
    assert notice["severity"] == "info" and notice["location"] == {"path": "app.py", "line": 8}
    assert "environment variable RUNTIME_MODEL" in notice["message"]


def test_no_discover_reads_only_the_manifest(fake_hub, tmp_path):
    hub(fake_hub)
    code, document = scan_json(project(tmp_path), "--no-discover")
    assert sorted(c["name"] for c in document["components"]) == ["org/chat", "org/pinned"]
    assert document["notices"] == [] and code == 0
    assert document["components"][0]["locations"] == [{"path": "models.yaml", "line": 2}]


def test_run_time_values_are_shown_in_verbose_text_only(fake_hub, tmp_path):
    hub(fake_hub)
    project(tmp_path)
    quiet = scan(tmp_path)
    verbose = scan(tmp_path, "-v")
    assert "not statically known" not in quiet.stdout
    assert "info: app.py:8: AutoModel.from_pretrained: the model is not statically known" in verbose.stdout
    assert (
        f"declared in models.yaml:2, app.py:4, try.ipynb:{notebook_line(tmp_path)} (cell 1, line 2)" in verbose.stdout
    )


def test_a_project_with_code_and_no_manifest_is_scanned(fake_hub, tmp_path):
    hub(fake_hub)
    (tmp_path / "serve.py").write_text("from vllm import LLM\nLLM(model='org/chat')\n")
    code, document = scan_json(tmp_path)
    assert code == 0 and [c["name"] for c in document["components"]] == ["org/chat"]


def test_nothing_to_scan_says_so(tmp_path):
    (tmp_path / "notes.py").write_text("print('hello')\n")
    result = scan(tmp_path)
    assert result.exit_code == 2 and "no model or dataset referenced in its code" in result.stderr


def test_lock_records_discovered_components_and_offline_scans_use_them(fake_hub, tmp_path):
    hub(fake_hub)
    project(tmp_path)
    assert invoke("lock", str(tmp_path)).exit_code == 0
    locked = [
        (c["type"], c["name"], c["requested"])
        for c in json.loads((tmp_path / "licensecheck.lock").read_text())["components"]
    ]
    assert locked == [  # the manifest's two, and what only code uses: another revision of org/pinned among them
        ("dataset", "org/corpus", None),
        ("model", "org/chat", None),
        ("model", "org/nc-model", None),
        ("model", "org/pinned", "v1"),
        ("model", "org/pinned", "v2"),
    ]
    code, document = scan_json(tmp_path, "--offline")
    assert code == 1 and all(c["from_lock"] for c in document["components"])


def test_lock_no_discover(fake_hub, tmp_path):
    hub(fake_hub)
    project(tmp_path)
    assert invoke("lock", str(tmp_path), "--no-discover").exit_code == 0
    locked = {c["name"] for c in json.loads((tmp_path / "licensecheck.lock").read_text())["components"]}
    assert locked == {"org/chat", "org/pinned"}


def test_configured_exclude_keeps_code_out_of_discovery(fake_hub, tmp_path):
    hub(fake_hub)
    project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.licensecheck]\nexclude = ["app.py"]\n')
    document = scan_report(tmp_path, code=0)
    assert "org/nc-model" not in {c["name"] for c in document["components"]}


def test_a_local_model_folder_loaded_by_code_is_a_local_component(fake_hub, tmp_path):
    hub(fake_hub)
    (tmp_path / "adapter").mkdir()
    (tmp_path / "adapter" / "adapter_config.json").write_text('{"base_model_name_or_path": "org/nc-model"}')
    (tmp_path / "app.py").write_text("from peft import PeftModel\nPeftModel.from_pretrained(None, './adapter')\n")
    code, document = scan_json(tmp_path)
    (local,) = document["components"]
    assert local["name"] == "./adapter" and local["locations"] == [{"path": "app.py", "line": 2}]
    assert code == 1  # held to its non-commercial base


def test_the_demo_scans_the_same_with_and_without_discovery(tmp_path):
    demo = tmp_path / "demo"
    shutil.copytree(ROOT / "examples" / "demo", demo)
    with_discovery = scan(demo, "--offline", "--format", "json")
    without = scan(demo, "--offline", "--format", "json", "--no-discover")
    assert with_discovery.exit_code == without.exit_code
    assert json.loads(with_discovery.stdout) == json.loads(without.stdout)


def test_the_compilers_warnings_about_a_scanned_file_do_not_reach_the_output(tmp_path):
    # `0x1for` and `"\d"` make CPython warn (SyntaxWarning, DeprecationWarning) with the file's text:
    # the scanned tree is untrusted, and what it says must not reach stderr that way.
    (tmp_path / "train.py").write_text(
        'from transformers import AutoModel\nPATTERN = "\\d+"\nx = [0x1for _ in ()]\nAutoModel.from_pretrained("org/m")\n'
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = discover(tmp_path)
    assert [r.name for r in found.references] == ["org/m"]
    assert [str(w.message) for w in caught] == []


def test_a_replace_that_would_grow_without_bound_is_not_made(tmp_path):
    # A scanned file's constants could make `str.replace` return gigabytes: it is not evaluated.
    big = "a" * 5_000  # 25 MB if made: enough to tell, small enough to make when the guard is broken
    (tmp_path / "x.py").write_text(
        "from transformers import AutoModel\n"
        f'NAME = "{big}"\n'
        f'AutoModel.from_pretrained(NAME.replace("a", "{big}"))\n'
        'SHORT = "org/x"\n'
        'AutoModel.from_pretrained(SHORT.replace("", "-"))\n'
        'AutoModel.from_pretrained("org/model.pth".replace(".pth", ""))\n'
        "AutoModel.from_pretrained(SHORT.replace(1, 2))\n"
    )
    found = discover(tmp_path)
    assert [r.name for r in found.references] == ["org/model"]
    assert sum("value returned by `NAME.replace(...)`" in n.message for n in found.notices) == 1
    assert sum("value returned by `SHORT.replace(...)`" in n.message for n in found.notices) == 2
