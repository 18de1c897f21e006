"""Facts about a model itself, read from its card and tags, that some licence terms depend on.

One licence id can cover models that its terms treat differently: Llama 3.2's use
policy withholds the licence from EU-based licensees for its multimodal models
only, and NVIDIA's Open Model License asks for "Built on NVIDIA Cosmos" only for
Cosmos models. A clause names the facts it depends on (`model_facts` in
rules/); `derive_model_facts` is the one place that decides them, from what the
Hub says about the repository. Pure: no I/O.

A fact either holds, is known not to hold, or is undecided (the metadata that
would settle it was not there): an undecided fact leaves its clause a condition
to confirm, never a silent pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .model import MODEL, Component, ModelFacts, Resolution

MULTIMODAL = "multimodal"
NVIDIA_COSMOS = "nvidia-cosmos"
MODEL_FACTS = (MULTIMODAL, NVIDIA_COSMOS)
# Each fact in words, after "the model is".
FACT_WORDS = {MULTIMODAL: "multimodal", NVIDIA_COSMOS: "an NVIDIA Cosmos model"}

# `multimodal`: the model takes input in more than one modality (text with images,
# video or audio), as Llama 3.2's Vision models do. These Hub pipeline tags say so.
_MULTIMODAL_PIPELINES = frozenset(
    {
        "image-text-to-text",
        "visual-question-answering",
        "document-question-answering",
        "video-text-to-text",
        "audio-text-to-text",
        "any-to-any",
        "image-to-text",
        "visual-document-retrieval",
        "zero-shot-image-classification",
        "zero-shot-object-detection",
    }
)
# The Hub's other pipeline tags: one of them settles that the model is not multimodal.
_SINGLE_MODALITY_PIPELINES = frozenset(
    {
        "text-generation",
        "text2text-generation",
        "fill-mask",
        "feature-extraction",
        "sentence-similarity",
        "text-classification",
        "token-classification",
        "question-answering",
        "table-question-answering",
        "zero-shot-classification",
        "translation",
        "summarization",
        "text-ranking",
        "conversational",
        "automatic-speech-recognition",
        "audio-classification",
        "audio-to-audio",
        "text-to-speech",
        "text-to-audio",
        "voice-activity-detection",
        "image-classification",
        "image-segmentation",
        "object-detection",
        "depth-estimation",
        "image-to-image",
        "image-feature-extraction",
        "unconditional-image-generation",
        "text-to-image",
        "text-to-video",
        "image-to-video",
        "image-to-3d",
        "text-to-3d",
        "video-classification",
        "mask-generation",
        "keypoint-detection",
        "reinforcement-learning",
        "robotics",
        "tabular-classification",
        "tabular-regression",
        "time-series-forecasting",
        "graph-ml",
    }
)
# Tags model authors and the Hub use for vision-language models (`mllama` is Llama
# 3.2 Vision's model type).
_MULTIMODAL_TAGS = frozenset({"multimodal", "vision", "vision-language", "mllama", "llava"})
# A model name that says it sees: Llama-3.2-11B-Vision-Instruct.
_VISION_NAME = re.compile(r"(^|[-_.])vision($|[-_.])", re.IGNORECASE)
# nvidia/Cosmos-Predict2-2B-Video2World, nvidia/Cosmos-1.0-Diffusion-7B-Text2World, and
# re-uploads that keep the name.
_COSMOS_NAME = re.compile(r"^cosmos[-_.]", re.IGNORECASE)


def derive_model_facts(name: str, pipeline_tag: str | None = None, tags: Iterable[str] | None = None) -> ModelFacts:
    """The facts about a model from its repository id, pipeline tag and tags.

    A fact is settled only by evidence: `multimodal` holds when the pipeline, a
    tag or the name says so, and is known not to hold only when a pipeline tag
    names a single-modality task. Without a pipeline (no tags, a lock written
    before facts were recorded) it stays undecided, and so do the terms that
    depend on it. `nvidia-cosmos` is settled by the name alone.
    """
    tag_set = {tag.strip().lower() for tag in tags or () if isinstance(tag, str)}
    if pipeline_tag:
        tag_set.add(pipeline_tag.strip().lower())
    base_name = name.rsplit("/", 1)[-1]
    holds: set[str] = set()
    known: set[str] = {NVIDIA_COSMOS}  # the name always settles it
    if _COSMOS_NAME.search(base_name):
        holds.add(NVIDIA_COSMOS)
    if tag_set & (_MULTIMODAL_PIPELINES | _MULTIMODAL_TAGS) or _VISION_NAME.search(base_name):
        holds.add(MULTIMODAL)
        known.add(MULTIMODAL)
    elif tag_set & _SINGLE_MODALITY_PIPELINES:
        known.add(MULTIMODAL)
    return ModelFacts(holds=tuple(sorted(holds)), known=tuple(sorted(known)))


def facts_for(component: Component, resolution: Resolution) -> ModelFacts | None:
    """The facts a component's terms are judged with: what its resolution recorded,
    else what its name alone says; None for datasets and packages."""
    if component.type != MODEL:
        return None
    return resolution.model_facts or derive_model_facts(component.name)
