"""Real model cards on the fake Hub: the cases the end-to-end licence tables share.

`REAL_MODELS` holds the licence fields of popular models' cards with the verdict a
reviewer expects per usage context. A `Case` is a model whose licence is declared
three ways (its card as published, its `license_link` alone, a LICENSE stand-in
carrying the licence's title); `publish` puts every declaration on the fake Hub and
`check_column` checks a scan of them under one context of `cli_helpers.CONTEXTS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from cli_helpers import CONTEXTS

# The licence fields of real model cards (as the Hub shows them), and the verdict a
# reviewer expects under the four usage contexts (saas giant research onprem).
REAL_MODELS = {
    "meta-llama/Llama-3.1-8B-Instruct": (
        {"license": "llama3.1"},
        "conditional",
        "denied",
        "conditional",
        "conditional",
    ),
    "meta-llama/Llama-3.2-3B-Instruct": (
        {"license": "llama3.2"},
        "conditional",
        "denied",
        "conditional",
        "conditional",
    ),
    "meta-llama/Llama-3.3-70B-Instruct": (
        {"license": "llama3.3"},
        "conditional",
        "denied",
        "conditional",
        "conditional",
    ),
    "meta-llama/Llama-4-Scout-17B-16E-Instruct": (
        {"license": "llama4"},
        "conditional",
        "denied",
        "conditional",
        "conditional",
    ),
    "google/gemma-2-9b-it": ({"license": "gemma"}, "conditional", "conditional", "conditional", "conditional"),
    "microsoft/phi-4": ({"license": "mit"}, "allowed", "allowed", "allowed", "conditional"),
    "Qwen/Qwen2.5-7B-Instruct": ({"license": "apache-2.0"}, "allowed", "allowed", "allowed", "conditional"),
    "Qwen/Qwen2.5-72B-Instruct": (
        {
            "license": "other",
            "license_name": "qwen",
            "license_link": "https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE",
        },
        "conditional",
        "denied",
        "conditional",
        "conditional",
    ),
    "deepseek-ai/DeepSeek-R1": ({"license": "mit"}, "allowed", "allowed", "allowed", "conditional"),
    "mistralai/Mistral-7B-Instruct-v0.3": ({"license": "apache-2.0"}, "allowed", "allowed", "allowed", "conditional"),
    "black-forest-labs/FLUX.1-schnell": ({"license": "apache-2.0"}, "allowed", "allowed", "allowed", "conditional"),
    "black-forest-labs/FLUX.1-dev": (
        {
            "license": "other",
            "license_name": "flux-1-dev-non-commercial-license",
            "license_link": "https://huggingface.co/black-forest-labs/FLUX.1-dev/blob/main/LICENSE.md",
        },
        "denied",
        "denied",
        "conditional",
        "denied",
    ),
    "stabilityai/stable-diffusion-xl-base-1.0": (
        {"license": "openrail++"},
        "conditional",
        "conditional",
        "conditional",
        "conditional",
    ),
    "bigscience/bloom": (
        {"license": "bigscience-bloom-rail-1.0"},
        "conditional",
        "conditional",
        "conditional",
        "conditional",
    ),
    # Research: NonCommercial scope to confirm (CC BY-NC 4.0 Section 1), never assumed for a business.
    "CohereForAI/c4ai-command-r-v01": ({"license": "cc-by-nc-4.0"}, "denied", "denied", "conditional", "denied"),
    "openai/whisper-large-v3": ({"license": "apache-2.0"}, "allowed", "allowed", "allowed", "conditional"),
    "openai/gpt-oss-20b": ({"license": "apache-2.0"}, "allowed", "allowed", "allowed", "conditional"),
    "sentence-transformers/all-MiniLM-L6-v2": (
        {"license": "apache-2.0"},
        "allowed",
        "allowed",
        "allowed",
        "conditional",
    ),
}


@dataclass(frozen=True)
class Case:
    repo_id: str
    card: dict  # the licence fields of the card as published
    licence: str  # the id licensecheck must report
    verdicts: str  # saas giant research onprem
    link: str | None = None  # a license_link that alone identifies it (None: the card's own link does not)
    title: str | None = None  # the phrase a LICENSE file of this licence carries
    gated: bool = False
    files: tuple[str, ...] = ()


def stand_in(title: str) -> bytes:
    return f"{title}\n\nA stand-in written for licensecheck's tests. It is not the licence text.\n".encode()


def variants(case: Case) -> dict[str, tuple[dict, dict[str, bytes]]]:
    """repo id -> (card, files) for the three ways of declaring the case's licence."""
    slug = case.repo_id.split("/")[1].lower()
    files = {name: b"see the model card\n" for name in case.files}
    if case.title:
        for name in case.files[:1]:
            files[name] = stand_in(case.title)
    found = {case.repo_id: (case.card, files)}
    if case.link:
        found[f"variants/{slug}-by-link"] = ({"license": "other", "license_link": case.link}, {})
    if case.title:
        found[f"variants/{slug}-by-text"] = ({"license": "other"}, {"LICENSE": stand_in(case.title)})
    return found


def expected(models: list[Case], datasets: list[tuple]) -> dict[str, tuple[str, str, str]]:
    """repo id -> (type, licence, verdicts) for every declaration of the cases."""
    found = {}
    for case in models:
        for repo_id in variants(case):
            found[repo_id] = ("model", case.licence, case.verdicts)
    for repo_id, _card, licence, verdicts in datasets:
        found[repo_id] = ("dataset", licence, verdicts)
    return found


def publish(fake_hub, directory, models: list[Case], datasets: list[tuple]) -> None:
    """Every declaration of the cases on the fake Hub, and a models.yaml in `directory` that names them all."""
    for case in models:
        for repo_id, (card, files) in variants(case).items():
            fake_hub.add_model(
                repo_id, card, files=files, gated="auto" if case.gated and repo_id == case.repo_id else False
            )
    for repo_id, card, _licence, _verdicts in datasets:
        fake_hub.add_dataset(repo_id, card)
    named = expected(models, datasets)
    model_ids = [repo_id for repo_id, (kind, *_) in named.items() if kind == "model"]
    dataset_ids = [repo_id for repo_id, (kind, *_) in named.items() if kind == "dataset"]
    (directory / "models.yaml").write_text(
        "models:\n"
        + "".join(f"  - {m}\n" for m in model_ids)
        + "datasets:\n"
        + "".join(f"  - {d}\n" for d in dataset_ids)
    )


def check_column(code: int, document: dict, wanted: dict[str, tuple[str, str, str]], context: str) -> None:
    """Every component has the licence and the verdict of its row in the context's column, and the exit code agrees."""
    column = list(CONTEXTS).index(context)
    got = {c["name"]: (c["type"], c["license"]["id"], c["verdict"]) for c in document["components"]}
    want = {repo_id: (kind, licence, verdicts.split()[column]) for repo_id, (kind, licence, verdicts) in wanted.items()}
    assert got == want
    assert code == (1 if any(v == "denied" for _, _, v in want.values()) else 0)
