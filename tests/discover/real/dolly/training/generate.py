import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def load_model_tokenizer_for_generate(
    pretrained_model_name_or_path: str,
):
    tokenizer = AutoTokenizer.from_pretrained(pretrained_model_name_or_path, padding_side="left")
    model = AutoModelForCausalLM.from_pretrained(
        pretrained_model_name_or_path, device_map="auto", torch_dtype=torch.bfloat16, trust_remote_code=True
    )
    return model, tokenizer
