"""docuflow: OCR, layout tagging and retrieval for scanned business documents."""

__version__ = "0.4.1"
