"""A small market of text-generation models on the fake Hub, for `compare` and `suggest` tests and the README.

The popular models carry their real card licence fields (as in
test_scan_end_to_end.REAL_MODELS), their real gating and their real parameter
counts (`safetensors.total`); download counts are made up (the real ones change
daily). The `example-org/` models are invented to be left out of suggestions for
a reason each: a fine-tune of a non-commercial base, an unknown licence, a
non-commercial licence, a GGUF whose size the Hub does not report, another
library.
"""

from __future__ import annotations

TASK = "text-generation"
LIBRARY = "transformers"

# id -> (card, gated, parameters, downloads, extra options)
MARKET: dict[str, tuple[dict, str | bool, int | None, int, dict]] = {
    "Qwen/Qwen2.5-7B-Instruct": (
        {"license": "apache-2.0", "license_link": "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/LICENSE"},
        False,
        7_615_616_512,
        9_800_000,
        {},
    ),
    "meta-llama/Llama-3.1-8B-Instruct": ({"license": "llama3.1"}, "manual", 8_030_261_248, 6_100_000, {}),
    "openai/gpt-oss-20b": ({"license": "apache-2.0"}, False, 21_511_953_984, 5_200_000, {}),
    "example-org/Llama-3.1-8B-Instruct-GGUF": (
        {"license": "llama3.1", "base_model": "meta-llama/Llama-3.1-8B-Instruct"},
        False,
        None,
        4_000_000,
        {},
    ),
    "Qwen/Qwen2.5-0.5B-Instruct": ({"license": "apache-2.0"}, False, 494_032_768, 3_000_000, {}),
    "example-org/command-r7b-sft": (
        {"license": "apache-2.0", "base_model": "CohereForAI/c4ai-command-r7b-12-2024"},
        False,
        8_028_033_024,
        2_500_000,
        {},
    ),
    "example-org/mystery-8b": (
        {"license": "other", "license_name": "mystery-licence"},
        False,
        8_000_000_000,
        2_000_000,
        {},
    ),
    "mistralai/Mistral-7B-Instruct-v0.3": ({"license": "apache-2.0"}, "auto", 7_248_023_552, 1_900_000, {}),
    "example-org/nc-research-8b": ({"license": "cc-by-nc-sa-4.0"}, False, 7_900_000_000, 1_500_000, {}),
    "example-org/mlx-7b": ({"license": "apache-2.0"}, False, 7_615_616_512, 1_200_000, {"library_name": "mlx"}),
    "meta-llama/Llama-3.3-70B-Instruct": ({"license": "llama3.3"}, "manual", 70_553_706_496, 800_000, {}),
    "google/gemma-2-9b-it": ({"license": "gemma"}, "auto", 9_241_705_984, 420_000, {}),
    "CohereForAI/c4ai-command-r7b-12-2024": ({"license": "cc-by-nc-4.0"}, "auto", 8_028_033_024, 30_000, {}),
    "openai/whisper-large-v3": (
        {"license": "apache-2.0"},
        False,
        1_543_490_560,
        7_000_000,
        {"pipeline_tag": "automatic-speech-recognition"},
    ),
}

NON_COMMERCIAL = "CohereForAI/c4ai-command-r7b-12-2024"
# The four popular open-weight models the README compares.
POPULAR = ("meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct", "google/gemma-2-9b-it", "openai/gpt-oss-20b")


def add_market(hub) -> None:
    for repo_id, (card, gated, parameters, downloads, extra) in MARKET.items():
        options = {"pipeline_tag": TASK, "library_name": LIBRARY, **extra}
        hub.add_model(repo_id, card, gated=gated, parameters=parameters, downloads=downloads, **options)
