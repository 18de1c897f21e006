"""Retrieval metrics.

Numbers are comparable with the MTEB retrieval tables (see the BAAI/bge-small-en-v1.5
model card); the leaderboard Space is mteb/leaderboard.
"""
from __future__ import annotations

import numpy as np

LEADERBOARD_SPACE = "mteb/leaderboard"
LEADERBOARD_URL = f"https://huggingface.co/spaces/{LEADERBOARD_SPACE}"
METRICS_VERSION = "2024/06"


def recall_at_k(ranked: np.ndarray, k: int) -> float:
    """Share of queries whose own page (index i) is in the top k."""
    hits = [i in row[:k] for i, row in enumerate(ranked)]
    return float(np.mean(hits))


def mrr(ranked: np.ndarray) -> float:
    ranks = [int(np.where(row == i)[0][0]) + 1 for i, row in enumerate(ranked)]
    return float(np.mean([1.0 / r for r in ranks]))
