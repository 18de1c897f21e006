"""Reads the slides shared during a meeting."""

import torch
from transformers import TrOCRProcessor, VisionEncoderDecoderModel

OCR_CHECKPOINT = "microsoft/trocr-base-printed"


def ocr():
    processor = TrOCRProcessor.from_pretrained(OCR_CHECKPOINT)
    model = VisionEncoderDecoderModel.from_pretrained(OCR_CHECKPOINT)
    return processor, model


def layout():
    # torch.hub pulls from GitHub, not from the Hub
    return torch.hub.load("facebookresearch/detr", "detr_resnet50", pretrained=True)


def captioner():
    from transformers import BlipForConditionalGeneration, BlipProcessor

    name = "Salesforce/blip-image-captioning-base"
    return BlipProcessor.from_pretrained(name), BlipForConditionalGeneration.from_pretrained(name)
