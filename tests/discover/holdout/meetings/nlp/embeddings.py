from functools import lru_cache

from sentence_transformers import SentenceTransformer

EMBEDDERS = {
    "en": "sentence-transformers/all-MiniLM-L12-v2",
    "multi": "sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2",
}


@lru_cache(maxsize=2)
def embedder(language: str = "en") -> SentenceTransformer:
    key = "en" if language == "en" else "multi"
    return SentenceTransformer(EMBEDDERS[key])
