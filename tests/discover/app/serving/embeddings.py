"""Embedding and reranking for retrieval."""

from sentence_transformers import CrossEncoder, SentenceTransformer

from .settings import EMBEDDING_MODEL, RERANKER


class Embedder:
    """Wraps a sentence-transformers model such as sentence-transformers/all-MiniLM-L6-v2."""

    def __init__(self, model_name=EMBEDDING_MODEL, device="cpu"):
        self.model_name = model_name
        self.device = device

    def load(self):
        return SentenceTransformer(self.model_name, device=self.device)


class Reranker:
    model_id = RERANKER

    def __init__(self):
        self.model = CrossEncoder(self.model_id, max_length=512)

    def rank(self, query, passages):
        return self.model.rank(query, passages)
