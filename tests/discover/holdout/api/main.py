"""HTTP API: POST /v1/meetings uploads audio, GET /v1/meetings/{id}/summary reads the result."""

import os

from fastapi import FastAPI
from huggingface_hub import InferenceClient

from meetings.asr.transcribe import Transcriber

app = FastAPI(title="meetings")
client = InferenceClient(token=os.getenv("HF_TOKEN"))
TRANSLATION_MODEL = os.getenv("TRANSLATION_MODEL", "Helsinki-NLP/opus-mt-fr-en")


@app.get("/v1/health")
def health():
    return {"status": "ok", "version": "2025.01"}


@app.post("/v1/meetings/{meeting_id}/translate")
def translate(meeting_id: str, text: str):
    return client.translation(text, model=TRANSLATION_MODEL)


@app.post("/v1/meetings")
def upload(path: str):
    transcriber = Transcriber(device=os.getenv("DEVICE", "cuda"))
    return transcriber.build()(path)
