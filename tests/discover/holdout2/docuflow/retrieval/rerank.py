"""Cross-encoder reranking of retrieved pages."""
from __future__ import annotations

from sentence_transformers import CrossEncoder


class Reranker:
    """Rerank (query, page) pairs.

    The model family is documented at https://huggingface.co/cross-encoder.
    """

    MODEL_ID = "cross-encoder/ms-marco-MiniLM-L-6-v2"
    MAX_LENGTH = 512

    def __init__(self, device: str = "cpu") -> None:
        self._model = CrossEncoder(self.MODEL_ID, max_length=self.MAX_LENGTH, device=device)

    def rerank(self, query: str, pages: list[str], top_k: int = 5):
        scores = self._model.predict([(query, page) for page in pages])
        ranked = sorted(zip(pages, scores), key=lambda pair: pair[1], reverse=True)
        return ranked[:top_k]


class MultilingualReranker(Reranker):
    """Same interface, for non-English documents."""

    MODEL_ID = "BAAI/bge-reranker-base"
    MAX_LENGTH = 1024
