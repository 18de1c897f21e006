"""The support fine-tune is a LoRA adapter over the chat model."""

from peft import PeftModel
from transformers import AutoModelForCausalLM

LOCAL_ADAPTER = "./models/support-adapter"


def attach(base):
    return PeftModel.from_pretrained(base, "acme-ai/support-lora-v3")


def local_adapter(base):
    return PeftModel.from_pretrained(base, LOCAL_ADAPTER)


def merged():
    base = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    return attach(base)
