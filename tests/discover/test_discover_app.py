"""Discovery on a realistic application (tests/discover/app), measured against what a reviewer expects.

`app/expected.json` lists every model and dataset reference a careful reviewer
finds in the application, with the file and line where the id is written. The
test asserts the exact set: discovery finds all 63 and reports nothing else
(recall and precision 1.000), so any reference lost or added shows.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from licensecheck.discover import discover

APP = Path(__file__).parent / "app"
EXPECTED = json.loads((APP / "expected.json").read_text(encoding="utf-8"))["references"]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    """A copy of the application, plus what must never be read (made here: git would not keep it)."""
    root = tmp_path_factory.mktemp("discover") / "app"
    shutil.copytree(APP, root)
    loader = "from transformers import AutoModel\nAutoModel.from_pretrained('{}')\n"
    _write(root / "outputs" / "run-3" / "reload.py", loader.format("acme/gitignored-output"))  # .gitignore: outputs/
    _write(root / "scratch" / "try.py", loader.format("acme/gitignored-scratch"))  # .gitignore: /scratch
    _write(root / "serving" / "scratch" / "keep.py", loader.format("acme/not-ignored"))  # /scratch is anchored
    _write(root / "env-py312" / "pyvenv.cfg", "home = /usr/bin\n")  # a virtual environment under any name
    _write(root / "env-py312" / "lib" / "site.py", loader.format("acme/in-a-virtualenv"))
    _write(root / "node_modules" / "widget" / "config.json", '{"model": "acme/in-node-modules"}')
    _write(root / ".cache" / "settings.yaml", "model: acme/in-a-hidden-folder\n")
    _write(root / "serving" / "legacy.py", loader.format("acme/python2") + "print 'loaded'\n")  # Python 2
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": source}
        for source in (
            ["from sentence_transformers import SentenceTransformer\n"],
            ["model = SentenceTransformer(\n"],  # left unfinished
            ["model = SentenceTransformer('acme/after-a-broken-cell')\n"],
        )
    ]
    _write(
        root / "notebooks" / "scratch.ipynb",
        json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1),
    )
    return root


@pytest.fixture(scope="module")
def discovery(app):
    return discover(app)


def _scratch_line(app: Path) -> int:
    lines = (app / "notebooks" / "scratch.ipynb").read_text().splitlines()
    return next(number for number, line in enumerate(lines, 1) if "acme/after-a-broken-cell" in line)


def _key(item: dict) -> tuple:
    return (item["type"], item["id"].lower(), item["path"], item["line"])


def test_discovery_finds_exactly_the_references_of_the_application(app, discovery):
    expected = {_key(item) for item in EXPECTED} | {  # and the two the fixture adds to the copy
        ("model", "acme/not-ignored", "serving/scratch/keep.py", 2),
        ("model", "acme/after-a-broken-cell", "notebooks/scratch.ipynb", _scratch_line(app)),
    }
    found = {(r.type, r.name.lower(), r.location.path, r.location.line) for r in discovery.references}
    assert sorted(found - expected) == [], "reported but not a reference"
    assert sorted(expected - found) == [], "missed"
    assert len(expected) == 64


def test_revisions_found_in_code(discovery):
    pinned = {(item["id"], item["path"]): item["revision"] for item in EXPECTED if "revision" in item}
    found = {(r.name, r.location.path): r.revision for r in discovery.references if (r.name, r.location.path) in pinned}
    assert found == pinned


def test_notebook_locations_carry_the_cell(discovery):
    labels = {(item["id"], item["line"]): item["label"] for item in EXPECTED if "label" in item}
    found = {
        (r.name, r.location.line): r.location.label
        for r in discovery.references
        if r.location.path.endswith(".ipynb") and r.location.path != "notebooks/scratch.ipynb"
    }
    assert found == labels


def test_ignored_environment_hidden_and_vendored_files_are_never_read(discovery):
    names = {r.name for r in discovery.references}
    assert "acme/not-ignored" in names  # the control: an anchored pattern only ignores the root's folder
    for skipped in (
        "acme/gitignored-output",
        "acme/gitignored-scratch",
        "acme/in-a-virtualenv",
        "acme/in-node-modules",
        "acme/in-a-hidden-folder",
    ):
        assert skipped not in names
    assert not any(
        place.path.startswith(("outputs/", "scratch/", "env-py312/", "node_modules/", ".cache/"))
        for _, _, place in discovery.local_loads
    )


def test_unparsable_files_are_warnings_with_their_path(discovery):
    warnings = {n.location.path: n.message for n in discovery.notices if n.code == "discovery-unparsable"}
    assert set(warnings) == {"serving/legacy.py", "notebooks/scratch.ipynb"}
    assert "serving/legacy.py:3: not valid Python" in warnings["serving/legacy.py"]
    assert "(cell 2, line 1): cell 2 is not valid Python" in warnings["notebooks/scratch.ipynb"]
    assert "acme/after-a-broken-cell" in {r.name for r in discovery.references}  # the other cells are read


def test_run_time_values_are_said_where_they_are_loaded(discovery):
    unknown = {
        n.message.split(":")[0] + ":" + n.message.split(":")[1]
        for n in discovery.notices
        if n.code == "not-statically-known"
    }
    # train_sft.py:24: the argparse default is reported, and that a run may change it
    assert unknown == {
        "serving/embeddings.py:16",
        "training/data.py:35",
        "training/distill.py:20",
        "training/evaluate_models.py:17",
        "training/finetune_lora.py:26",
        "training/finetune_lora.py:27",
        "training/train_sft.py:23",
        "training/train_sft.py:24",
        "training/train_sft.py:25",
    }


def test_local_model_folders_loaded_by_code(discovery):
    loads = {(text, location.path) for text, _absolute, location in discovery.local_loads}
    assert ("./models/support-adapter", "serving/adapters.py") in loads
