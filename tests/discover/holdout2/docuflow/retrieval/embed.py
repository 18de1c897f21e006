"""Page embeddings for retrieval."""
from __future__ import annotations

from sentence_transformers import SentenceTransformer

from docuflow.constants import EMBED_MODEL

QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: "


def load_embedder(name: str = EMBED_MODEL, device: str = "cpu") -> SentenceTransformer:
    """Load the production embedder (BAAI/bge-small-en-v1.5 unless told otherwise)."""
    return SentenceTransformer(name, device=device)


def load_local_embedder() -> SentenceTransformer:
    # Exported by scripts/export_embedder.py; see models/local-embedder/config.json
    return SentenceTransformer("models/local-embedder")


def load_from(name: str) -> SentenceTransformer:
    """Load an embedder chosen by the caller at request time."""
    return SentenceTransformer(model_name_or_path=name, trust_remote_code=False)


def embed_queries(model: SentenceTransformer, queries: list[str]):
    return model.encode([QUERY_INSTRUCTION + q for q in queries], normalize_embeddings=True)
