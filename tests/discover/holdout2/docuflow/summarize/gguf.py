"""CPU-only summaries from quantised GGUF models."""
from __future__ import annotations

import requests
from llama_cpp import Llama

GGUF_REPO = "Qwen/Qwen2.5-0.5B-Instruct-GGUF"
GGUF_FILE = "*q4_k_m.gguf"
OLLAMA_URL = "http://localhost:11434/api/generate"
OLLAMA_MODEL = "hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M"


def load_gguf() -> Llama:
    return Llama.from_pretrained(repo_id=GGUF_REPO, filename=GGUF_FILE, n_ctx=4096, verbose=False)


def load_local_gguf() -> Llama:
    return Llama(model_path="/opt/models/qwen-local.gguf", n_ctx=4096)


def summarise_with_ollama(text: str) -> str:
    resp = requests.post(
        OLLAMA_URL,
        json={"model": OLLAMA_MODEL, "prompt": f"Summarise:\n\n{text}", "stream": False},
        timeout=120,
    )
    resp.raise_for_status()
    return resp.json()["response"]
