"""Retrieval-augmented generation with LangChain."""

from langchain_huggingface import HuggingFaceEmbeddings

from .embeddings import Embedder

MULTILINGUAL = "BAAI/bge-m3"


def multilingual_embedder():
    return Embedder(MULTILINGUAL, device="cuda")


def langchain_embeddings():
    return HuggingFaceEmbeddings(model_name="sentence-transformers/all-mpnet-base-v2")


def default_embedder():
    return Embedder()
