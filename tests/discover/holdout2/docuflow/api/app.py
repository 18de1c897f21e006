"""HTTP API: upload a scan, get text, ask questions, search pages."""
from __future__ import annotations

import io

from fastapi import FastAPI, File, HTTPException, UploadFile
from PIL import Image
from transformers import pipeline

from docuflow.api.schemas import AskRequest, EmbedRequest, ModelInfo, OcrResponse
from docuflow.constants import API_PREFIX, DEFAULT_MIME, OCR_CARD_URL
from docuflow.ocr.layout import DonutReader, LayoutTagger
from docuflow.ocr.trocr import TrOCREngine
from docuflow.retrieval.embed import load_embedder, load_from
from docuflow.retrieval.rerank import MultilingualReranker, Reranker
from docuflow.thumbnails import ThumbnailGenerator

app = FastAPI(title="docuflow", version="0.4.1", docs_url="/docs/swagger")

ACCEPTED = {DEFAULT_MIME, "image/png", "image/tiff"}

DOC_QA = pipeline(
    "document-question-answering",
    model="impira/layoutlm-document-qa",
)
DOC_TYPE = pipeline("zero-shot-classification", model="facebook/bart-large-mnli")
DOC_TYPES = ["invoice", "receipt", "contract", "form", "letter"]

OCR = TrOCREngine()
LAYOUT = LayoutTagger()
DONUT = DonutReader()
EMBEDDER = load_embedder()
RERANKERS = {"en": Reranker(), "multi": MultilingualReranker()}
THUMBS = ThumbnailGenerator()
STORE: dict[str, Image.Image] = {}


@app.post(f"{API_PREFIX}/ocr", response_model=OcrResponse)
async def ocr(file: UploadFile = File(...)) -> OcrResponse:
    if file.content_type not in ACCEPTED:
        raise HTTPException(415, f"unsupported type {file.content_type}")
    image = Image.open(io.BytesIO(await file.read())).convert("RGB")
    doc_id = f"doc-{len(STORE) + 1}"
    STORE[doc_id] = image
    return OcrResponse(document_id=doc_id, lines=OCR.read_lines([image]), content_type=file.content_type)


@app.post(f"{API_PREFIX}/ask")
async def ask(req: AskRequest):
    image = STORE.get(req.document_id)
    if image is None:
        raise HTTPException(404, "unknown document")
    return DOC_QA(image=image, question=req.question)


@app.post(f"{API_PREFIX}/classify")
async def classify(text: str):
    return DOC_TYPE(text, candidate_labels=DOC_TYPES)


@app.post("/embed")
async def embed(req: EmbedRequest):
    model = load_from(req.embedder) if req.embedder else EMBEDDER
    return {"vectors": model.encode(req.texts, normalize_embeddings=True).tolist()}


@app.get("/models/{org}/{name}", response_model=ModelInfo)
async def model_info(org: str, name: str) -> ModelInfo:
    # e.g. GET /models/BAAI/bge-small-en-v1.5 -> https://huggingface.co/BAAI/bge-small-en-v1.5
    return ModelInfo(id=f"{org}/{name}", card=f"https://huggingface.co/{org}/{name}")


@app.get("/health/live")
async def live():
    return {"ok": True, "ocr_card": OCR_CARD_URL}
