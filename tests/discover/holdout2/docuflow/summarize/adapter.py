"""Summaries from Flan-T5 with a LoRA adapter."""
from __future__ import annotations

from peft import PeftModel
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

BASE_MODEL = "google/flan-t5-large"
ADAPTER = "ybelkada/flan-t5-large-financial-phrasebank-lora"


def load_summarizer():
    tokenizer = AutoTokenizer.from_pretrained(BASE_MODEL)
    base = AutoModelForSeq2SeqLM.from_pretrained(BASE_MODEL, torch_dtype="auto")
    model = PeftModel.from_pretrained(base, ADAPTER)
    return tokenizer, model.eval()


def load_invoice_adapter(base):
    """Our own adapter, trained in-house and kept in the repository."""
    return PeftModel.from_pretrained(base, "adapters/invoice-lora", is_trainable=False)


def summarise(tokenizer, model, text: str, max_new_tokens: int = 128) -> str:
    inputs = tokenizer("summarize: " + text, return_tensors="pt", truncation=True)
    out = model.generate(**inputs, max_new_tokens=max_new_tokens)
    return tokenizer.decode(out[0], skip_special_tokens=True)
