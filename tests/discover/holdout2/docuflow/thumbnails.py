"""Illustrative thumbnails for documents that have no first-page image."""
from __future__ import annotations

import torch
from diffusers import AutoPipelineForText2Image, DiffusionPipeline
from huggingface_hub import hf_hub_download

# stabilityai/stable-diffusion-xl-base-1.0 looked nicer but needs 30 steps.
THUMB_MODEL = "stabilityai/sdxl-turbo"
STYLE_PROMPT = "flat vector illustration of a {kind} document, pastel colours"


class ThumbnailGenerator:
    def __init__(self, device: str = "cuda") -> None:
        self.pipe = AutoPipelineForText2Image.from_pretrained(
            THUMB_MODEL, torch_dtype=torch.float16, variant="fp16"
        ).to(device)

    def render(self, kind: str):
        prompt = STYLE_PROMPT.format(kind=kind)
        return self.pipe(prompt=prompt, num_inference_steps=1, guidance_scale=0.0).images[0]


def load_small_pipeline(device: str = "cpu"):
    return DiffusionPipeline.from_pretrained(
        pretrained_model_name_or_path="stabilityai/sd-turbo",
        torch_dtype=torch.float32,
    ).to(device)


def placeholder_logo() -> str:
    # A static asset from our demo Space, not a model.
    return hf_hub_download("docuflow/demo-ui", "assets/logo.png", repo_type="space")
