"""Illustrations for the help centre."""

import torch
from diffusers import DiffusionPipeline, StableDiffusionXLPipeline

BASE = "stabilityai/stable-diffusion-xl-base-1.0"


def illustration_pipeline():
    pipe = DiffusionPipeline.from_pretrained(BASE, torch_dtype=torch.float16, variant="fp16")
    pipe.load_lora_weights("nerijs/pixel-art-xl", weight_name="pixel-art-xl.safetensors")
    return pipe


def from_checkpoint():
    url = "https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/sd_xl_base_1.0.safetensors"
    return StableDiffusionXLPipeline.from_single_file(url)
