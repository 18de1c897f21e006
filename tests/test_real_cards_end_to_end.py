"""Licences that real model and dataset cards name, end to end through the fake Hub.

The cards below carry the `license_name` and `license_link` values their publishers
wrote (issue 15 gathered them from about 200 real cards); each is also declared by its
link alone, and by a LICENSE stand-in carrying the licence's title where that title
was read from the licence text. Verdicts per context as in
test_other_licences_end_to_end.py (saas, giant, research, onprem), in the US; the
Tencent Hunyuan licence, the one with a territory, is also scanned in the EU.
"""

from __future__ import annotations

import pytest
from cli_helpers import CONTEXTS, scan_json, scan_report
from fakehub import ACCEPTED_TOKEN
from realcards import Case, check_column, expected, publish

HUNYUAN_LINK = "https://huggingface.co/Tencent-Hunyuan/HunyuanDiT/blob/main/LICENSE.txt"

MODELS = [
    # Fair AI Public License 1.0-SD: about 30 SDXL fine-tunes; prohibited uses and the model's source bind every context.
    Case(
        "cagliostrolab/animagine-xl-3.1",
        {
            "license": "other",
            "license_name": "faipl-1.0-sd",
            "license_link": "https://freedevproject.org/faipl-1.0-sd/",
        },
        "faipl-1.0-sd",
        "conditional conditional conditional conditional",
        link="https://freedevproject.org/faipl-1.0-sd",
        title="Fair AI Public License 1.0-SD",
    ),
    # Yi Series Models License Agreement 1.0-2.1: commercial use needs 01.AI's licence (section 2).
    Case(
        "TheBloke/Yi-34B-Chat-AWQ",
        {"license": "other", "license_name": "yi-license", "license_link": "LICENSE"},
        "yi-license",
        "denied denied conditional denied",
        title="Yi Series Models Community License Agreement",
    ),
    # The GLM-4 License: registration for commercial use (text not read: review-terms everywhere).
    Case(
        "THUDM/glm-4-9b-chat",
        {
            "license": "other",
            "license_name": "glm-4",
            "license_link": "https://huggingface.co/THUDM/glm-4-9b-chat/blob/main/LICENSE",
        },
        "glm-4",
        "conditional conditional conditional conditional",
        link="https://huggingface.co/THUDM/glm-4-9b-chat/blob/main/LICENSE",
    ),
    Case(
        "THUDM/codegeex4-all-9b",
        {
            "license": "other",
            "license_name": "codegeex4",
            "license_link": "https://huggingface.co/THUDM/codegeex4-all-9b/blob/main/LICENSE",
        },
        "codegeex4",
        "conditional conditional conditional conditional",
        link="https://huggingface.co/THUDM/codegeex4-all-9b/blob/main/LICENSE",
        title="The CodeGeeX4 License",
    ),
    # The CogVideoX License, section 2: above 1 million service visits a month, another licence.
    Case(
        "THUDM/CogVideoX-5b",
        {"license": "other", "license_link": "https://huggingface.co/THUDM/CogVideoX-5b/blob/main/LICENSE"},
        "cogvideox",
        "denied denied conditional conditional",
        title="The CogVideoX License",
    ),
    Case(
        "microsoft/phi-1_5",
        {"license": "other", "license_name": "microsoft-research-license"},
        "microsoft-research-license",
        "denied denied conditional denied",
        title="MICROSOFT RESEARCH LICENSE TERMS",
    ),
    # The real card has no `license` key at all, only these two fields.
    Case(
        "baichuan-inc/Baichuan2-7B-Chat",
        {
            "license": "other",
            "license_name": "baichuan2-community-license",
            "license_link": "https://huggingface.co/baichuan-inc/Baichuan2-7B-Chat/blob/main/Community%20License%20for%20Baichuan2%20Model.pdf",
        },
        "baichuan2-community",
        "denied denied conditional denied",
        link="https://huggingface.co/baichuan-inc/Baichuan2-7B-Chat/blob/main/Community%20License%20for%20Baichuan2%20Model.pdf",
    ),
    # Tencent Hunyuan: 100M MAU (section 4); 2M users stay a condition (Hunyuan3D 2.0 sets 1M).
    Case(
        "Tencent-Hunyuan/HunyuanDiT",
        {"license": "other", "license_name": "tencent-hunyuan-community", "license_link": HUNYUAN_LINK},
        "tencent-hunyuan-community",
        "conditional denied conditional conditional",
        link=HUNYUAN_LINK,
        title="TENCENT HUNYUAN COMMUNITY LICENSE AGREEMENT",
    ),
    Case(
        "playgroundai/playground-v2.5-1024px-aesthetic",
        {
            "license": "other",
            "license_name": "playground-v2dot5-community",
            "license_link": "https://huggingface.co/playgroundai/playground-v2.5-1024px-aesthetic/blob/main/LICENSE.md",
        },
        "playground-v2.5-community",
        "denied denied conditional conditional",
        link="https://huggingface.co/playgroundai/playground-v2.5-1024px-aesthetic/blob/main/LICENSE.md",
    ),
    Case(
        "nvidia/Nemotron-Mini-4B-Instruct",
        {
            "license": "other",
            "license_name": "nvidia-community-model-license",
            "license_link": "https://huggingface.co/nvidia/Nemotron-Mini-4B-Instruct/blob/main/nvidia-community-model-license-aug2024.pdf",
        },
        "nvidia-community-model",
        "conditional conditional conditional conditional",
        link="https://huggingface.co/nvidia/Nemotron-Mini-4B-Instruct/blob/main/nvidia-community-model-license-aug2024.pdf",
    ),
    Case(
        "tiiuae/falcon-mamba-7b",
        {
            "license": "other",
            "license_name": "falcon-mamba-7b-license",
            "license_link": "https://falconllm.tii.ae/falcon-mamba-7b-terms-and-conditions.html",
        },
        "falcon-mamba",
        "conditional conditional conditional conditional",
        link="https://falconllm.tii.ae/falcon-mamba-7b-terms-and-conditions.html",
    ),
    Case(
        "Skywork/Skywork-13B-base",
        {
            "license": "other",
            "license_link": "https://github.com/SkyworkAI/Skywork/blob/main/Skywork%20Community%20License.pdf",
        },
        "skywork-community",
        "conditional conditional conditional conditional",
        title="Skywork Community License",
    ),
    Case(
        "openbmb/MiniCPM-V-2_6",
        {
            "license": "other",
            "license_name": "minicpm-model-license",
            "license_link": "https://github.com/OpenBMB/MiniCPM/blob/main/MiniCPM%20Model%20License.md",
        },
        "minicpm-model",
        "conditional conditional conditional conditional",
        link="https://github.com/OpenBMB/MiniCPM/blob/main/MiniCPM%20Model%20License.md",
        title="MiniCPM Model Community License Agreement",
    ),
    # BRIA: evaluation only, no hosting for others (1.1, 1.2.2).
    Case(
        "briaai/RMBG-1.4",
        {
            "license": "other",
            "license_name": "bria-rmbg-1.4",
            "license_link": "https://bria.ai/bria-huggingface-model-license-agreement/",
        },
        "bria-model",
        "denied denied conditional denied",
        link="https://bria.ai/bria-huggingface-model-license-agreement/",
        gated=True,
    ),
    # Aliases of licences already known.
    Case(
        "nvidia/MambaVision-T-1K",
        {"license": "other", "license_name": "nvclv1", "license_link": "LICENSE"},
        "nvidia-noncommercial",
        "denied denied conditional denied",
        title="Nvidia Source Code License-NC\n\n3.3 Use Limitation. The Work and any derivative works thereof only may be "
        "used or intended for use non-commercially. As used herein, non-commercially means for research or "
        "evaluation purposes only.",
    ),
    Case(
        "example/gemma-7b-fine-tune",
        {"license": "other", "license_name": "google-gemma-terms-of-use"},
        "gemma",
        "conditional conditional conditional conditional",
    ),
]

DATASETS = [
    (
        "allenai/dolma",
        {
            "license": "other",
            "license_name": "ai2-impact-license-medium-risk",
            "license_link": "https://allenai.org/licenses/impact-mr",
        },
        "ai2-impact-mr",
        "conditional conditional conditional conditional",
    ),
    (
        "allenai/persona-bias",
        {"license": "other", "license_link": "https://allenai.org/licenses/impact-lr"},
        "ai2-impact-lr",
        "conditional conditional conditional conditional",
    ),
]

EXPECTED = expected(MODELS, DATASETS)


@pytest.fixture
def project(fake_hub, tmp_path, monkeypatch):
    publish(fake_hub, tmp_path, MODELS, DATASETS)
    monkeypatch.setenv("HF_TOKEN", ACCEPTED_TOKEN)  # BRIA's repository is gated; its terms are accepted
    return tmp_path


@pytest.mark.parametrize("context", list(CONTEXTS))
def test_real_card_licences_and_verdicts(project, context):
    code, document = scan_json(project, *CONTEXTS[context], "--region", "US")
    check_column(code, document, EXPECTED, context)


def test_hunyuan_grants_nothing_in_the_eu_and_says_so(project):
    # Tencent Hunyuan Community License, 1.l and 5.c: the Territory excludes the European Union.
    document = scan_report(project, *CONTEXTS["research"], "--region", "FR", code=1)
    hunyuan = [c for c in document["components"] if c["license"]["id"] == "tencent-hunyuan-community"]
    assert len(hunyuan) == 3 and {c["verdict"] for c in hunyuan} == {"denied"}
    (finding,) = [f for f in hunyuan[0]["findings"] if f["code"] == "territory-excluded"]
    assert (
        "European Union" in finding["message"]
        and "[tencent-hunyuan-community preamble; 1.l; 2; 5.c]" in finding["message"]
    )
    research = list(CONTEXTS).index("research")
    others = {
        c["name"]: c["verdict"] for c in document["components"] if c["license"]["id"] != "tencent-hunyuan-community"
    }
    assert (
        others
        == {  # the region changes nothing else
            repo_id: verdicts.split()[research] for repo_id, (_, _, verdicts) in EXPECTED.items() if repo_id in others
        }
        and len(others) == len(EXPECTED) - 3
    )
