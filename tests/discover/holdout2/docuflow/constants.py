"""Hub identifiers and tunables shared across docuflow.

Historically we used microsoft/trocr-large-printed, but it was too slow on CPU.
"""

HUB_ORG_MS = "microsoft"
OCR_VARIANT = "printed"

# Line-level text recognition.
OCR_MODEL = f"{HUB_ORG_MS}/trocr-base-{OCR_VARIANT}"

# Layout tagging (token classification over FUNSD labels).
LAYOUT_MODEL = HUB_ORG_MS + "/layoutlmv3-base"

# Dense retrieval; see https://huggingface.co/BAAI/bge-small-en-v1.5 for the card.
EMBED_MODEL = "BAAI/bge-small-en-v1.5"

# Datasets used for fine-tuning and evaluation.
FUNSD_DATASET = "nielsr/funsd"
DOCVQA_DATASET = "HuggingFaceM4/DocumentVQA"

# Local folders and other non-Hub strings.
MODEL_DIR = "models"
LOCAL_OCR_DIR = "models/local-ocr"
OCR_CARD_URL = "https://huggingface.co/microsoft/trocr-base-printed"
DEFAULT_MIME = "application/pdf"
API_PREFIX = "/v1/documents"
SCHEMA_RELEASE = "2024/06/30"
