"""Dataset preparation for fine-tuning and evaluation."""
from __future__ import annotations

from datasets import concatenate_datasets, load_dataset
from huggingface_hub import hf_hub_download, snapshot_download

from docuflow.constants import DOCVQA_DATASET, FUNSD_DATASET


def load_funsd(split: str = "train"):
    return load_dataset(FUNSD_DATASET, split=split)


def load_funsd_v3():
    """FUNSD re-packaged with LayoutLMv3 boxes (normalised to 0-1000)."""
    return load_dataset("nielsr/funsd-layoutlmv3", split="train")


def load_docvqa_sample():
    return load_dataset(DOCVQA_DATASET, split="validation[:200]")


def load_rvl_cdip_stream():
    return load_dataset("aharley/rvl_cdip", split="test", streaming=True)


def load_in_house():
    # Our labelled invoices; one JSON object per line.
    labelled = load_dataset("json", data_files={"train": "data/invoices/train.jsonl"})["train"]
    scans = load_dataset("imagefolder", data_dir="data/scans", split="train")
    exports = load_dataset("csv", data_files="exports/*.csv", split="train")
    lines = load_dataset("text", data_files="data/ocr_lines.txt", split="train")
    archive = load_dataset("parquet", data_files={"train": "exports/archive-*.parquet"}, split="train")
    return labelled, scans, exports, lines, archive


def load_invoices_folder():
    return load_dataset("data/invoices", split="train")


def mirror_cord() -> str:
    return snapshot_download(
        repo_id="naver-clova-ix/cord-v2",
        repo_type="dataset",
        allow_patterns=["*.parquet", "README.md"],
    )


def docvqa_card() -> str:
    return hf_hub_download("HuggingFaceM4/DocumentVQA", "README.md", repo_type="dataset")


def training_mix():
    return concatenate_datasets([load_funsd(), load_in_house()[0]])
