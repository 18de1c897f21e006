"""Image-side retrieval: CLIP embeddings of page thumbnails and a ViT page classifier."""
from __future__ import annotations

import open_clip
import timm

CLIP_ARCH = "hf-hub:laion/CLIP-ViT-B-32-laion2B-s34B-b79K"


def load_clip():
    model, _, preprocess = open_clip.create_model_and_transforms(CLIP_ARCH)
    tokenizer = open_clip.get_tokenizer(CLIP_ARCH)
    return model.eval(), preprocess, tokenizer


def load_builtin_clip():
    # open_clip's own registry name and pretrained tag, not a Hub repository id
    model, _, preprocess = open_clip.create_model_and_transforms("ViT-B-32", pretrained="laion2b_s34b_b79k")
    return model.eval(), preprocess


def load_page_classifier(num_classes: int = 16):
    return timm.create_model(
        "hf-hub:timm/vit_small_patch16_224.augreg_in21k_ft_in1k",
        pretrained=True,
        num_classes=num_classes,
    )


def load_fallback_backbone():
    return timm.create_model("resnet50", pretrained=False, num_classes=0)
