"""Dense retrieval and reranking of OCR'd pages."""
