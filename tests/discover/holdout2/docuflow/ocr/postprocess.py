"""Clean-up of raw OCR output.

TrOCR (microsoft/trocr-base-printed) tends to merge currency symbols with digits;
the rules below split them again.
"""
import re

# Human-readable names for the report; keys are Hub ids, nothing is loaded here.
DISPLAY_NAMES = {
    "microsoft/trocr-base-printed": "TrOCR base (printed)",
    "naver-clova-ix/donut-base-finetuned-docvqa": "Donut DocVQA",
}

DATE_RE = re.compile(r"\b(\d{4})/(\d{2})/(\d{2})\b")
DATE_EXAMPLE = "2024/06/30"
CURRENCY_RE = re.compile(r"([$€£])(\d)")
MIME_TYPES = ("application/pdf", "image/png", "image/tiff", "text/plain")


def normalise(line: str) -> str:
    line = CURRENCY_RE.sub(r"\1 \2", line)
    return DATE_RE.sub(r"\1-\2-\3", line).strip()


def display_name(model_id: str) -> str:
    return DISPLAY_NAMES.get(model_id, model_id)
