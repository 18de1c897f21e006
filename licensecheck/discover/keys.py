"""The names under which configuration, environment variables and flags hold a repository id."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import DATASET, MODEL

MODEL_KEYS = frozenset(
    {
        "model",
        "model_id",
        "model_name",
        "model_name_or_path",
        "base_model",
        "pretrained_model",
        "pretrained_model_name",
        "pretrained_model_name_or_path",
        "tokenizer",
        "tokenizer_name",
        "tokenizer_name_or_path",
        "embedding_model",
        "embedding_model_name",
        "embed_model",
        "embed_model_name",
        "reranker_model",
        "rerank_model",
        "reward_model",
        "ref_model",
        "teacher_model",
        "draft_model",
        "speculative_model",
        "model_repo",
        "hf_repo",  # llama.cpp's and moshi's `--hf-repo`; a dataset in lighteval's tasks and chronos' configs
        "model_path",
        "vision_tower",
        "image_tower",  # Video-LLaVA's and LanguageBind's encoders
        "video_tower",
        "audio_tower",
        "tokenizer_path",
        "adapter_name_or_path",  # a PEFT adapter loaded onto the base (LLaMA-Factory)
        "adapters_name",
        "pretrain",  # OpenRLHF's and oat's `--pretrain Qwen/Qwen2.5-7B`: the policy's base model
    }
)
DATASET_KEYS = frozenset(
    {
        "dataset",
        "dataset_name",
        "dataset_id",
        "dataset_repo",
        "datasets",
        "data_path",
        "dataset_name_or_path",
        "dataset_path_or_name",
        "hf_hub_url",  # LLaMA-Factory's `data/dataset_info.json`: the dataset a name stands for
    }
)
# Datasets mixed in the shares given (alignment-handbook's and open-instruct's recipes): the ids are the keys.
MIXER_KEYS = frozenset({"dataset_mixer", "datasets_mixer", "dataset_mixture"})
# Tables of models by a name of the project's own (`model2path: {e5: intfloat/e5-base-v2}`): each value
TABLE_KEYS = frozenset({"models", "model2path", "model_paths", "model_map", "model_mapping", "model_dict"})
# Keys whose value a Hub loader receives as is (`model_name_or_path: gpt2`): a bare
# name is a repository. Elsewhere only a namespaced or canonical legacy name is.
_LOADER_KEYS = frozenset({"model_name_or_path", "pretrained_model_name_or_path", "tokenizer_name_or_path"})
_CAMEL = re.compile(r"(?<=[a-z0-9])([A-Z])")
_KEYS = MODEL_KEYS | DATASET_KEYS


def normalise(key: str) -> str:
    """`modelName`, `MODEL-NAME`, `HF_MODEL_NAME` → `model_name`."""
    key = _CAMEL.sub(r"_\1", key.strip()).lower().replace("-", "_").lstrip("_")
    return key[3:] if key.startswith("hf_") and key[3:] in _KEYS else key


# `EMBEDDING_MODEL`, `asr_model_id`, `eval_dataset_name`: a role, then a model or dataset key.
_MODEL_SUFFIXES = (
    "_model",
    "_model_id",
    "_model_name",
    "_model_repo",
    "_model_path",  # `pretrained_model_path` (diffusers' training configs)
    "_model_name_or_path",  # `asr_model_name_or_path`, `clap_model_name_or_path`
    "_tokenizer_name",  # `description_tokenizer_name`, `prompt_tokenizer_name`
    "_feature_extractor_name",
    "_processor_name",
    "_encoder",  # `text_encoder`, `labels_encoder` (GLiNER), `image_encoder`: a model the configuration loads
    "_decoder",
)
# `train_files: hiyouga/math12k@train` (verl, EasyR1): a local file has an extension, which no id has
_DATASET_SUFFIXES = (
    "_dataset",
    "_dataset_name",
    "_dataset_id",
    "_dataset_name_or_path",
    "_dataset_path_or_name",
    "train_files",
    "val_files",
    "test_files",
)
# ...except where the project writes to: `hub_model_id: acme/out` is where a run pushes its result.
# A saved adapter's record of its base (PEFT's adapter_config.json): lineage, which the reader
# of local model folders follows, not a model the project loads by that name.
_LINEAGE_KEYS = frozenset({"base_model_name_or_path"})
# Named like a role and a model, but holding something else: transformers' TrainingArguments
# `metric_for_best_model` is the name of a metric (`eval_loss`, `"{}_loss".format(data_path)`).
_OTHER_KEYS = frozenset({"metric_for_best_model"})
# A key that names the Hub with the role of what it holds in brackets (a model card's `hub(base)`,
# `hub(ckpt)`, `hub(gptq)`): where that model is on the Hub. Unlike `hub_model_id`, no push target
# is written so.
_HUB_ROLE = "hub("
_OUTPUT_PREFIXES = ("hub_", "output_", "push_", "save_", "upload_", "target_", "new_", "finetuned_", "export_")

# Hosted APIs a model is named to. A word of a configuration's service key (`fn_completions:
# openai_completions`) or an engine flag's whole value (`--engine cohere`): the model beside it is
# that service's name for it, never a Hub download.
HOSTED_SERVICES = frozenset(
    {"openai", "anthropic", "cohere", "replicate", "together", "togetherai", "bedrock", "azure", "vertexai", "groq"}
)
# Only as an engine flag's whole value: as a word of a configuration's `type:` they name an
# architecture (`model_type: mistral`).
HOSTED_ENGINES = HOSTED_SERVICES | frozenset(
    {"google", "gemini", "reka", "mistral", "yi", "claude", "fireworks", "openrouter", "dashscope", "zhipu", "xai"}
)
# The flags that choose the service a command line's model goes to
ENGINE_FLAGS = frozenset(
    {"--engine", "--provider", "--model_provider", "--model-provider", "--api_type", "--api-type", "--client"}
)


# A word every key above holds (`data` for the dataset keys and `data_path`), and every suffix: what
# `normalise` makes of a key only adds `_` between its words, so a key without one of these words
# in its lowered text is none of them. Most keys of a large file (a vocabulary, a table of results)
# are not, and are told apart by one search rather than made into a name.
# tests/discover/test_discover_ids.py checks that every key and suffix holds one.
_KEY_WORD = re.compile(
    r"model|data|tokenizer|repo|tower|extractor|processor|coder|files|hub_url|adapter|hub\(|pretrain"
)


# Configuration files repeat the same few keys (`name`, `model`, `max_len`) over and over: each is
# worked out once. Bounded, as the keys come from the scanned tree.
@lru_cache(maxsize=4096)
def key_type(key: str) -> tuple[str, str] | None:
    """(component type, bare-name policy) for a key that holds a repository id, else None."""
    if _KEY_WORD.search(key.lower()) is None:
        return None
    name = normalise(key)
    if name.startswith(_HUB_ROLE):
        return MODEL, "legacy"
    if name == "model_type":
        # An architecture (`model_type: llama`, transformers' own key) or, in a project's own
        # configuration, the checkpoint a class is built from (`model_type: bert-base-uncased`,
        # bert_score's `--model_type`): only a checkpoint's id is taken
        return MODEL, "checkpoint"
    if name in MODEL_KEYS or name in TABLE_KEYS:
        return MODEL, ("any" if name in _LOADER_KEYS else "legacy")
    if name in DATASET_KEYS or name in MIXER_KEYS:
        return DATASET, "legacy"
    if name.startswith(_OUTPUT_PREFIXES) or name in _LINEAGE_KEYS or name in _OTHER_KEYS:
        return None
    if name.endswith(_MODEL_SUFFIXES):
        return MODEL, "legacy"
    if name.startswith("model_") and "_or_" in name:
        # `model_type_or_dir`, `model_type_or_dir_q` (SPLADE's query encoder): a name or a folder, as
        # from_pretrained's own argument is
        return MODEL, "legacy"
    if "dataset" in name and "_or_" in name:
        return DATASET, "legacy"  # nanotron's `hf_dataset_or_datasets`: one id, or a mixer of several
    if name.endswith(_DATASET_SUFFIXES):
        return DATASET, "legacy"
    return None


def option_name(flag: str) -> str:
    """The name argparse files a command-line option under: `--model-name` is `model_name`
    (its `dest`), a short `-m` stays `-m` (the option it is short for decides)."""
    return flag[2:].replace("-", "_") if flag.startswith("--") else flag


def flag_type(flag: str) -> tuple[str, str] | None:
    """The same for a command-line flag: `--model-name-or-path`, `--dataset_name`, `-hf`."""
    if flag in ("-hf", "-hfr", "--hf-repo", "--hf_repo"):
        return MODEL, "none"
    if not flag.startswith("--"):
        return None
    # A nested configuration's flag (`--actor.model_name_or_path`, `--data.dataset`): its last part,
    # unless a part above it is where a run writes (`--hub.model_id`, `--output.dataset`)
    *parents, last = flag[2:].split(".")
    return None if _below_an_output(parents) else key_type(last)


def _below_an_output(parents: list[str]) -> bool:
    """Whether a nested key's parts above it name where a run writes (`hub.`, `output.`)."""
    return any(normalise(p).rstrip("_") + "_" in _OUTPUT_PREFIXES for p in parents)


# The fields that hold the id of the model or dataset a nested configuration is about
# (`critic.model.path`, `data.dataset.repo_id`).
ID_FIELDS = frozenset({"path", "name_or_path", "repo_id"})


def override_type(dotted: str) -> tuple[str, str] | None:
    """The same for a Hydra-style override on a command line, `actor_rollout_ref.model.path=ORG/NAME`:
    the last part as a flag's, or an id field of a part named like a model or dataset key."""
    *parents, last = dotted.split(".")
    if not parents or _below_an_output(parents):
        return None
    found = key_type(last)
    if found is not None or last not in ID_FIELDS:
        return found
    owner = key_type(parents[-1])
    return (owner[0], "legacy") if owner is not None else None
