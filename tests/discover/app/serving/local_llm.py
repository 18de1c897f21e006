"""Offline mode: a quantised model on the agent's laptop."""

import ollama
from llama_cpp import Llama

from .adapters import attach


def laptop_model():
    return Llama.from_pretrained(
        repo_id="bartowski/Llama-3.2-3B-Instruct-GGUF",
        filename="*Q4_K_M.gguf",
        n_ctx=4096,
    )


def bundled_model():
    return Llama(model_path="./weights/assistant.Q4_K_M.gguf")


def ollama_chat(messages):
    return ollama.chat(model="hf.co/bartowski/Qwen2.5-1.5B-Instruct-GGUF:Q4_K_M", messages=messages)


def with_adapter(base):
    return attach(base)
