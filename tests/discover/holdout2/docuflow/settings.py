"""Runtime settings read from the environment."""

import os

# Optional override of the OCR checkpoint, e.g. DOCUFLOW_OCR_MODEL=microsoft/trocr-small-printed
OCR_OVERRIDE = os.environ.get("DOCUFLOW_OCR_MODEL")

# Required in production: the model the summary engine serves.
SUMMARY_MODEL = os.environ["DOCUFLOW_SUMMARY_MODEL"]

EVAL_EMBEDDER = os.getenv("DOCUFLOW_EVAL_EMBEDDER")
CACHE_DIR = os.getenv("HF_HOME", "/var/cache/huggingface")
DEVICE = os.getenv("DOCUFLOW_DEVICE", "cpu")
