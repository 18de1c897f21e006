"""Training and evaluation mixtures."""

import os

from datasets import load_dataset

MIXTURE = {
    "chat": "HuggingFaceH4/ultrachat_200k",
    "math": "openai/gsm8k",
    "code": "bigcode/the-stack-smol",
}
EVAL_SETS = ["cais/mmlu", "allenai/ai2_arc"]


def mixture():
    parts = []
    for name, repo in MIXTURE.items():
        parts.append(load_dataset(repo, split="train"))
    return parts


def evaluation():
    return [load_dataset(repo, "all", split="test") for repo in EVAL_SETS]


def web_sample():
    return load_dataset(
        "parquet",
        data_files="hf://datasets/HuggingFaceFW/fineweb-edu/sample/10BT/000_00000.parquet",
        split="train",
    )


def from_environment():
    return load_dataset(os.environ["EXTRA_DATASET"], split="train")


def local_folder():
    return load_dataset("imagefolder", data_dir="./data")


def legacy():
    return load_dataset("imdb")
