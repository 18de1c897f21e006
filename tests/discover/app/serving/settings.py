"""Settings for the support assistant.

The chat model used to be mistralai/Mistral-7B-Instruct-v0.2 (see the changelog).
"""

import os

ORG = "meta-llama"
CHAT_MODEL = f"{ORG}/Llama-3.1-8B-Instruct"
CHAT_REVISION = "0e9e39f249a16976918f6564b8830bc894c89659"

# The embedder can be swapped at deploy time.
EMBEDDING_MODEL = os.getenv("EMBEDDING_MODEL", "BAAI/bge-small-en-v1.5")
RERANKER = "cross-encoder/ms-marco-MiniLM-L-6-v2"

API_PREFIX = "/v1/chat"
RELEASE = "2024/06"
CACHE_DIR = "models/cache"
