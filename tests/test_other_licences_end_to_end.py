"""Custom (`license: other`) model licences and data licences, end to end through the fake Hub.

Each model below is declared three ways, and all three must give the same licence
and the same verdicts:
  name  the card as the publisher wrote it (`license_name`, usually with a link);
  link  only a `license_link` (as re-uploads and fine-tunes often keep it);
  text  nothing but `license: other` and a LICENSE file in the repository.
The LICENSE files here are stand-ins in our own words that carry the title phrase
rules/recognise.toml looks for; none is a licence text.

Usage contexts (the columns of the table):
  saas      commercial, offered as a network service, 2M monthly active users
  giant     commercial, network service, 900M monthly active users
  research  non-commercial, internal use
  onprem    commercial, weights or software shipped to customers (users not given)
every one of them in the EU and in the US: none of these licences has a regional
term, so the region must not change the answer (see test_regions_end_to_end.py for
licences that do). Revenue is never given, so revenue caps stay to be confirmed.
"""

from __future__ import annotations

import pytest
from cli_helpers import CONTEXTS, scan_json, scan_report
from fakehub import ACCEPTED_TOKEN
from realcards import Case, check_column, expected, publish, variants

REGIONS = ("EU", "US")


MODELS = [
    Case(
        "Qwen/Qwen2.5-72B-Instruct",
        {
            "license": "other",
            "license_name": "qwen",
            "license_link": "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE",
        },
        "qwen",
        "conditional denied conditional conditional",
        link="https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE",
        title="Qwen LICENSE AGREEMENT",
    ),
    Case(
        "Qwen/Qwen2.5-3B-Instruct",
        {
            "license": "other",
            "license_name": "qwen-research",
            "license_link": "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE",
        },
        "qwen-research",
        "denied denied conditional denied",
        link="https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE",
        title="Qwen RESEARCH LICENSE AGREEMENT",
    ),
    Case(
        "deepseek-ai/DeepSeek-V3",
        {
            "license": "other",
            "license_name": "deepseek",
            "license_link": "https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL",
        },
        "deepseek",
        "conditional conditional conditional conditional",
        link="https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL",
        title="DEEPSEEK LICENSE AGREEMENT",
    ),
    Case(
        "mistralai/Mistral-Large-Instruct-2411",
        {"license": "other", "license_name": "mrl", "license_link": "https://mistral.ai/licenses/MRL-0.1.md"},
        "mistral-research",
        "denied denied conditional denied",
        link="https://mistral.ai/licenses/MRL-0.1.md",
        title="Mistral AI Research License",
        gated=True,
    ),
    Case(
        "mistralai/Codestral-22B-v0.1",
        {"license": "other", "license_name": "mnpl", "license_link": "https://mistral.ai/licences/MNPL-0.1.md"},
        "mistral-non-production",
        "denied denied conditional denied",
        link="https://mistral.ai/licences/MNPL-0.1.md",
        title="Mistral AI Non-Production License",
        gated=True,
    ),
    Case(
        "stabilityai/stable-diffusion-3.5-large",
        {"license": "other", "license_name": "stabilityai-ai-community", "license_link": "LICENSE.md"},
        "stabilityai-community",
        "conditional conditional conditional conditional",
        link="https://huggingface.co/stabilityai/stable-diffusion-3.5-large/blob/main/LICENSE.md",
        title="STABILITY AI COMMUNITY LICENSE AGREEMENT",
        gated=True,
        files=("LICENSE.md",),
    ),
    Case(
        "black-forest-labs/FLUX.1-dev",
        {"license": "other", "license_name": "flux-1-dev-non-commercial-license", "license_link": "LICENSE.md"},
        "flux-1-dev-non-commercial",
        "denied denied conditional denied",
        link="https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md",
        title="FLUX.1 [dev] Non-Commercial License",
        gated=True,
        files=("LICENSE.md",),
    ),
    # The card says `license: unknown`; only the (gated) LICENSE.txt names the licence.
    Case(
        "tiiuae/falcon-180B",
        {"license": "unknown"},
        "falcon-180b",
        "conditional conditional conditional conditional",
        link="https://huggingface.co/spaces/tiiuae/falcon-180b-license/blob/main/LICENSE.txt",
        title="Falcon 180B TII License Version 1.0",
        gated=True,
        files=("LICENSE.txt", "ACCEPTABLE_USE_POLICY.txt"),
    ),
    Case(
        "coqui/XTTS-v2",
        {"license": "other", "license_name": "coqui-public-model-license", "license_link": "https://coqui.ai/cpml"},
        "coqui-cpml",
        "denied denied conditional denied",
        link="https://coqui.ai/cpml",
        title="Coqui Public Model License 1.0.0",
    ),
    Case(
        "nvidia/Mistral-NeMo-Minitron-8B-Base",
        {
            "license": "other",
            "license_name": "nvidia-open-model-license",
            "license_link": "https://developer.download.nvidia.com/licenses/nvidia-open-model-license-agreement-june-2024.pdf",
        },
        "nvidia-open-model",
        "conditional conditional conditional conditional",
        link="https://developer.download.nvidia.com/licenses/nvidia-open-model-license-agreement-june-2024.pdf",
        title="NVIDIA Open Model License Agreement",
    ),
    # Gemma's first cards, before the Hub had a `gemma` id.
    Case(
        "google/gemma-7b",
        {"license": "other", "license_name": "gemma-terms-of-use", "license_link": "https://ai.google.dev/gemma/terms"},
        "gemma",
        "conditional conditional conditional conditional",
        link="https://ai.google.dev/gemma/terms",
        title="Gemma Terms of Use",
        gated=True,
    ),
    Case(
        "apple/OpenELM-3B-Instruct",
        {"license": "other", "license_name": "apple-sample-code-license", "license_link": "LICENSE"},
        "apple-ascl",
        "conditional conditional conditional conditional",
        title='IMPORTANT: This Apple software is supplied to you by Apple Inc. ("Apple") in consideration of your '
        "agreement to the following terms",
        files=("LICENSE",),
    ),
]

# Datasets declare the Hub's own data-licence ids; one uses `other` with a spelled-out name.
DATASETS = [
    ("HuggingFaceFW/fineweb", {"license": "odc-by"}, "odc-by", "conditional conditional allowed conditional"),
    ("example/street-map-extract", {"license": "odbl"}, "odbl", "conditional conditional allowed conditional"),
    (
        "example/cdla-permissive-1",
        {"license": "cdla-permissive-1.0"},
        "cdla-permissive-1.0",
        "conditional conditional allowed conditional",
    ),
    (
        "example/cdla-permissive-2",
        {"license": "cdla-permissive-2.0"},
        "cdla-permissive-2.0",
        "conditional conditional allowed conditional",
    ),
    (
        "example/cdla-sharing",
        {"license": "cdla-sharing-1.0"},
        "cdla-sharing-1.0",
        "conditional conditional allowed conditional",
    ),
    ("example/code-corpus-c-uda", {"license": "c-uda"}, "c-uda", "conditional conditional conditional conditional"),
    ("example/public-domain-db", {"license": "pddl"}, "pddl", "allowed allowed allowed allowed"),
    (
        "example/odc-by-spelled-out",
        {"license": "other", "license_name": "Open Data Commons Attribution License"},
        "odc-by",
        "conditional conditional allowed conditional",
    ),
]


EXPECTED = expected(MODELS, DATASETS)


@pytest.fixture
def project(fake_hub, tmp_path, monkeypatch):
    publish(fake_hub, tmp_path, MODELS, DATASETS)
    # The user has accepted the gated repositories' terms (Falcon 180B's LICENSE.txt is behind them).
    monkeypatch.setenv("HF_TOKEN", ACCEPTED_TOKEN)
    return tmp_path


def test_every_model_is_declared_three_ways_and_every_data_licence_is_covered():
    assert all(len(variants(case)) == (3 if case.link else 2) for case in MODELS)
    assert {licence for _, _, licence, _ in DATASETS} == {
        "odc-by",
        "odbl",
        "cdla-permissive-1.0",
        "cdla-permissive-2.0",
        "cdla-sharing-1.0",
        "c-uda",
        "pddl",
    }


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("context", list(CONTEXTS))
def test_licence_and_verdict_under_each_context_and_region(project, context, region):
    code, document = scan_json(project, *CONTEXTS[context], "--region", region)
    check_column(code, document, EXPECTED, context)


def test_how_each_licence_was_recognised_is_reported(project):
    document = scan_report(project, *CONTEXTS["saas"], "--region", "US", code=1)
    by_name = {c["name"]: c for c in document["components"]}

    def recognised(repo_id: str) -> str:
        return " ".join(f["message"] for f in by_name[repo_id]["findings"] if f["code"] == "licence-recognised")

    assert "from license_name 'qwen'" in recognised("Qwen/Qwen2.5-72B-Instruct")
    assert "from license_link https://mistral.ai/licenses/MRL-0.1.md" in recognised(
        "variants/mistral-large-instruct-2411-by-link"
    )
    assert "from the repository's licence file LICENSE" in recognised("variants/flux.1-dev-by-text")
    assert "declared 'unknown'" in recognised("tiiuae/falcon-180B") and "LICENSE.txt" in recognised(
        "tiiuae/falcon-180B"
    )
    # The card's name keeps its own spelling next to our id.
    assert by_name["coqui/XTTS-v2"]["license"]["declared"] == "coqui-public-model-license"


def test_threshold_reasons_name_the_licence_terms(project):
    document = scan_report(project, *CONTEXTS["giant"], "--region", "EU", code=1)
    qwen = next(c for c in document["components"] if c["name"] == "Qwen/Qwen2.5-72B-Instruct")
    assert any(
        f["code"] == "user-threshold" and "100 million" in f["message"] and "[qwen 4. Restrictions]" in f["message"]
        for f in qwen["findings"]
    )


def test_gated_licence_file_without_accepted_terms_is_unknown_and_says_why(fake_hub, tmp_path):
    case = next(c for c in MODELS if c.repo_id == "tiiuae/falcon-180B")
    card, files = variants(case)[case.repo_id]
    fake_hub.add_model(case.repo_id, card, files=files, gated="auto")
    (tmp_path / "models.yaml").write_text(f"models:\n  - {case.repo_id}\n")
    code, document = scan_json(tmp_path, *CONTEXTS["saas"])
    (component,) = document["components"]
    assert code == 3 and component["verdict"] == "unknown"
    (finding,) = [f for f in component["findings"] if f["code"] == "licence-file-gated"]
    assert "LICENSE.txt" in finding["message"] and "HF_TOKEN" in finding["message"]


def test_unrecognised_licence_file_is_unknown_and_quoted(fake_hub, tmp_path):
    fake_hub.add_model(
        "acme/model", {"license": "other", "license_name": "acme-7"}, files={"LICENSE": b"ACME terms, version 7\n"}
    )
    (tmp_path / "models.yaml").write_text("models:\n  - acme/model\n")
    code, document = scan_json(tmp_path)
    (component,) = document["components"]
    assert code == 3 and component["verdict"] == "unknown"
    message = " ".join(f["message"] for f in component["findings"])
    assert "'acme-7'" in message and "licence file LICENSE matches no known licence text" in message
