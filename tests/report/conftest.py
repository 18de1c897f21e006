"""Fixtures for the report formats: the demo (offline, from its lock) and a repository
with gated, permissive and non-commercial models resolved from the fake Hub."""

from __future__ import annotations

import pytest
from reportkit import APACHE_SHA, DEMO, HOSTILE_LINK, HOSTILE_NAME, MIXED_MODELS


@pytest.fixture
def mixed_repo(fake_hub, tmp_path):
    fake_hub.add_model("meta-llama/Llama-3.1-8B-Instruct", {"license": "llama3.1"}, gated="manual")
    fake_hub.add_model("Qwen/Qwen2.5-7B-Instruct", {"license": "apache-2.0"}, sha=APACHE_SHA)
    fake_hub.add_model("CohereForAI/c4ai-command-r-v01", {"license": "cc-by-nc-4.0"})
    fake_hub.add_model("acme/strange", {"license": "other", "license_name": HOSTILE_NAME, "license_link": HOSTILE_LINK})
    fake_hub.add_dataset("HuggingFaceFW/fineweb", {"license": "odc-by"})
    fake_hub.add_package("requests", "2.32.3", license_expression="Apache-2.0")
    fake_hub.add_package("numpy", "2.1.0", license_expression="BSD-3-Clause AND MIT")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "models.yaml").write_text(MIXED_MODELS)
    (repo / "requirements.txt").write_text("requests==2.32.3\nnumpy==2.1.0\n")
    return repo


@pytest.fixture(params=["demo", "mixed"])
def scanned(request):
    """(path, extra args) for both repositories every format must handle."""
    if request.param == "demo":
        return DEMO, ("--offline",)
    return request.getfixturevalue("mixed_repo"), ("--users", "2M")
