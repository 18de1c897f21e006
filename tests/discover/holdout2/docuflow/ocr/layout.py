"""Layout tagging, document VQA and table structure."""
from __future__ import annotations

from huggingface_hub import hf_hub_download
from transformers import (
    AutoModelForTokenClassification,
    AutoProcessor,
    DonutProcessor,
    VisionEncoderDecoderModel,
)

import docuflow.constants as C


class LayoutTagger:
    """Token classification over FUNSD-style labels."""

    LABELS = ["O", "B-HEADER", "I-HEADER", "B-QUESTION", "I-QUESTION", "B-ANSWER", "I-ANSWER"]

    def __init__(self) -> None:
        self.processor = AutoProcessor.from_pretrained(C.LAYOUT_MODEL, apply_ocr=False)
        self.model = AutoModelForTokenClassification.from_pretrained(
            C.LAYOUT_MODEL, num_labels=len(self.LABELS)
        )


class DonutReader:
    """OCR-free question answering over a whole page."""

    CHECKPOINT = "naver-clova-ix/donut-base-finetuned-docvqa"
    TASK_PROMPT = "<s_docvqa><s_question>{question}</s_question><s_answer>"

    def __init__(self) -> None:
        self.processor = DonutProcessor.from_pretrained(self.CHECKPOINT)
        self.model = VisionEncoderDecoderModel.from_pretrained(DonutReader.CHECKPOINT)

    def prompt(self, question: str) -> str:
        return self.TASK_PROMPT.format(question=question)


class TableStructure:
    """TableFormer weights from the docling model bundle."""

    REPO = "ds4sd/docling-models"
    WEIGHTS = "model_artifacts/tableformer/accurate/tableformer_accurate.safetensors"
    CONFIG = "model_artifacts/tableformer/accurate/tm_config.json"

    def weights_path(self) -> str:
        return hf_hub_download(repo_id=self.REPO, filename=self.WEIGHTS, revision="v2.1.0")

    def config_path(self) -> str:
        return hf_hub_download(self.REPO, self.CONFIG, revision="v2.1.0")
