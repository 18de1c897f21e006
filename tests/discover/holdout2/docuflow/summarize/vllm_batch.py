"""Batch summaries with vLLM, in-process or through its OpenAI-compatible server."""
from __future__ import annotations

from openai import OpenAI
from vllm import LLM, SamplingParams

from docuflow import settings

SUMMARY_LLM = "Qwen/Qwen2.5-1.5B-Instruct"
SERVER_URL = "http://localhost:8000/v1"
PARAMS = SamplingParams(temperature=0.2, max_tokens=256)


def build_engine() -> LLM:
    return LLM(model=SUMMARY_LLM, max_model_len=8192, gpu_memory_utilization=0.85)


def build_override_engine() -> LLM:
    # Deployment-specific model, known only from the environment.
    return LLM(model=settings.SUMMARY_MODEL)


def summarise_batch(engine: LLM, texts: list[str]) -> list[str]:
    prompts = [f"Summarise this document in two sentences:\n\n{t}" for t in texts]
    return [o.outputs[0].text for o in engine.generate(prompts, PARAMS)]


def summarise_remote(text: str) -> str:
    client = OpenAI(base_url=SERVER_URL, api_key="EMPTY")
    reply = client.chat.completions.create(
        model=SUMMARY_LLM,
        messages=[{"role": "user", "content": f"Summarise:\n\n{text}"}],
    )
    return reply.choices[0].message.content


def summarise_hosted(text: str) -> str:
    """Last resort when no GPU is available: a hosted API."""
    client = OpenAI()
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Summarise:\n\n{text}"}],
    )
    return reply.choices[0].message.content
