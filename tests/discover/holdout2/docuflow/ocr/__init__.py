from docuflow.ocr.trocr import TrOCREngine

__all__ = ["TrOCREngine"]
