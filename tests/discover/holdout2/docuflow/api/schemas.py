"""Request and response bodies of the HTTP API."""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, Field


class OcrResponse(BaseModel):
    document_id: str
    lines: list[str]
    content_type: str = "application/pdf"


class EmbedRequest(BaseModel):
    texts: list[str]
    embedder: Optional[str] = Field(
        default=None,
        description="Hub id of another sentence-transformers model to use for this request.",
        examples=["BAAI/bge-base-en-v1.5"],
    )


class AskRequest(BaseModel):
    question: str
    document_id: str


class ModelInfo(BaseModel):
    id: str = Field(examples=["microsoft/trocr-base-printed"])
    card: str
