"""Image tagging for attachments."""

import open_clip
import timm

CLIP = "hf-hub:laion/CLIP-ViT-B-32-laion2B-s34B-b79K"


def clip():
    model, _, preprocess = open_clip.create_model_and_transforms(CLIP)
    tokenizer = open_clip.get_tokenizer(CLIP)
    return model, preprocess, tokenizer


def openclip_builtin():
    # open_clip's own catalogue: not a Hub repository
    return open_clip.create_model_and_transforms("ViT-B-32", pretrained="laion2b_s34b_b79k")


def classifier():
    return timm.create_model("hf-hub:timm/vit_base_patch16_224.augreg2_in21k_ft_in1k", pretrained=True)


def backbone():
    return timm.create_model("resnet50", pretrained=True)
