"""Batch evaluation harness: recall@k of candidate embedders on DocVQA questions.

Results go to results/<YYYY>/<MM>/<DD>/scores.json.
"""
from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

import pandas as pd
from datasets import load_dataset
from huggingface_hub import hf_hub_download
from sentence_transformers import SentenceTransformer

from docuflow.constants import DOCVQA_DATASET
from docuflow.retrieval.rerank import Reranker
from eval.metrics import recall_at_k

CANDIDATE_EMBEDDERS = [
    "BAAI/bge-small-en-v1.5",
    "sentence-transformers/all-MiniLM-L6-v2",
    "intfloat/e5-small-v2",
]
KS = (1, 5, 10)


def load_questions(limit: int):
    qa = load_dataset(DOCVQA_DATASET, split="validation")
    return qa.select(range(min(limit, len(qa))))


def load_small_split() -> pd.DataFrame:
    path = hf_hub_download(
        repo_id="nielsr/docvqa_1200_examples",
        filename="data/test-00000-of-00001.parquet",
        repo_type="dataset",
    )
    return pd.read_parquet(path)


def run(limit: int, out: Path) -> dict:
    questions = load_questions(limit)
    pages = [" ".join(words) for words in questions["words"]]
    reranker = Reranker()
    scores = {}
    for name in CANDIDATE_EMBEDDERS:
        model = SentenceTransformer(name)
        page_vecs = model.encode(pages, normalize_embeddings=True)
        query_vecs = model.encode(questions["question"], normalize_embeddings=True)
        ranked = (query_vecs @ page_vecs.T).argsort(axis=1)[:, ::-1]
        scores[name] = {f"recall@{k}": recall_at_k(ranked, k) for k in KS}
    scores["reranker"] = Reranker.MODEL_ID
    out.mkdir(parents=True, exist_ok=True)
    (out / "scores.json").write_text(json.dumps(scores, indent=2))
    return scores


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--out", default=f"results/{date.today():%Y/%m/%d}")
    args = p.parse_args()
    run(args.limit, Path(args.out))


if __name__ == "__main__":
    main()
