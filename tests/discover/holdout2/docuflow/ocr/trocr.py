"""Line-level OCR built on TrOCR.

Example::

    >>> engine = TrOCREngine()  # loads microsoft/trocr-base-printed
    >>> engine.read_lines(crops)
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from transformers import TrOCRProcessor, VisionEncoderDecoderModel

from docuflow import settings
from docuflow.constants import HUB_ORG_MS, LOCAL_OCR_DIR, MODEL_DIR, OCR_MODEL

logger = logging.getLogger(__name__)


class TrOCREngine:
    """Recognise text in cropped line images."""

    def __init__(self, use_local: bool = False, device: str = "cpu") -> None:
        if settings.OCR_OVERRIDE:
            logger.info("OCR model overridden from the environment")
            self.processor = TrOCRProcessor.from_pretrained(settings.OCR_OVERRIDE)
            self.model = VisionEncoderDecoderModel.from_pretrained(settings.OCR_OVERRIDE)
        elif use_local:
            self.processor = TrOCRProcessor.from_pretrained(LOCAL_OCR_DIR)
            self.model = VisionEncoderDecoderModel.from_pretrained(
                os.path.join(MODEL_DIR, "local-ocr")
            )
        else:
            self.processor = TrOCRProcessor.from_pretrained(OCR_MODEL)
            self.model = VisionEncoderDecoderModel.from_pretrained(OCR_MODEL)
        self.model.to(device)
        logger.info("OCR ready (microsoft/trocr-small-printed is the low-memory option)")

    def read_lines(self, images):
        pixel_values = self.processor(images=images, return_tensors="pt").pixel_values
        ids = self.model.generate(pixel_values, max_new_tokens=64)
        return self.processor.batch_decode(ids, skip_special_tokens=True)


def load_variant(variant: str) -> VisionEncoderDecoderModel:
    """Load another TrOCR size, e.g. ``load_variant("large-handwritten")``."""
    return VisionEncoderDecoderModel.from_pretrained(f"{HUB_ORG_MS}/trocr-{variant}")


def export_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "models" / "local-ocr"
