"""Loader signatures: which calls fetch a model or dataset from the Hub, and which argument names it.

A call is a loader by the name it has once imports are resolved
(`AutoModel.from_pretrained` → `transformers.AutoModel.from_pretrained`): the last
name picks the signature in `LOADERS`, and a signature with `roots` only counts
when the callee comes from one of those packages (`LLM` from vllm, `load` from
mlx_lm). ModelScope's loaders have the same names and fetch from modelscope.cn:
a callee from the `modelscope` package is a ModelScope loader, whose argument is
never a Hub repository.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from ...model import DATASET, MODEL

# A file is parsed only if its text holds one of these words (a loader, a Hub prefix, a
# library whose loaders have common names). Most files hold none: the test is one pass
# of a regular expression shaped as a tree of the words, so that each position costs
# one branch rather than one try per word.
LOADER_WORDS = (
    "from_pretrained",
    "from_quantized",
    "from_finetuned",
    "from_model_id",
    "from_preset",
    "pipeline(",
    "SentenceTransformer",
    "CrossEncoder",
    "SparseEncoder",
    "vllm",
    "load_dataset",
    "get_dataset_",
    "hf_hub_download",
    "snapshot_download",
    "hf_hub_url",
    "InferenceClient",
    "hf-hub:",
    "hf_hub:",
    "hf.co/",
    "hf://",
    "open_clip",
    "timm",
    "mlx_lm",
    "mlx_whisper",
    "mlx_vlm",
    "load_lora_weights",
    "load_textual_inversion",
    "load_ip_adapter",
    "load_adapter",
    "HuggingFace",
    "FlagModel",
    "FlagReranker",
    "FlagLLM",
    "FlagAuto",
    "fastembed",
    "tirex",
    " trl",
    "faster_whisper",
    "huggingface-cli",
    "hf download",
    # command lines run from Python, and the flags that name a model in them
    "os.system",
    "os.popen",
    "subprocess.",
    "--model",
    "--base_model",
    "--base-model",
    "--tokenizer",
    "--dataset",
    "--data_path",
    "--data-path",
    "--vision_tower",
    "--vision-tower",
    "_tower",
    "--hf-repo",
    "--hf_repo",
    # libraries whose loaders have names of their own, known by the package they come from
    "lmdeploy",
    "distilabel",
    "LightevalTaskConfig",
    "MLCEngine",
    "opencompass",
    "speechbrain",
    "whisperx",
    "bert_score",  # and its BERTScorer, imported from it
    "import mii",
    "from mii",
    "funasr",  # FunASR's AutoModel: ModelScope's unless `hub="hf"`
    "from melo",  # MeloTTS's `TTS(language="EN")`
    "import melo",
    "comet import",  # unbabel-comet's download_model (not comet_ml, a logger)
    "comet.download_model",
    "import ImageReward",  # `import ImageReward as RM; RM.load("ImageReward-v1.0")`
    "from ImageReward",
    "SimCSE",  # SimCSE's `SimCSE("princeton-nlp/sup-simcse-bert-base-uncased")`
    "QGenModel(",  # BEIR's query generator `QGenModel("BeIR/query-gen-msmarco-t5-base-v1")`
    # a file fetched from a Hub URL (`https://huggingface.co/ORG/NAME/resolve/...`), and what fetches URLs
    "huggingface.co/",
    "download_url_to_file",
    "load_state_dict_from_url",
    "load_file_from_url",
    "download_cached_file",  # timm's (and LAVIS', BLIP's) URL cache
    "urlretrieve",
    "urlopen",
    "cached_path",
    "from_single_file",
    "requests.get",
    "httpx.get",
    "wget.download",
)


def word_tree(words: tuple[str, ...]) -> bytes:
    """A regular expression matching any of `words`, as a tree of their common prefixes."""
    tree: dict = {}
    for word in words:
        node = tree
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(character) + emit(child) for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + ("?" if "" in node else "")

    return emit(tree).encode()


LOADER_HINT = re.compile(word_tree(LOADER_WORDS))


def _anchored(words: tuple[str, ...]) -> bytes:
    """A regular expression matching any of `words`, each found from a character rare in code.

    A search tries a match at every byte that can start one. Started from a word's first
    letter, that is most bytes of a source file (`f` of `from_pretrained`, `l` of
    `load_dataset`); started from a character that is rare in code (`_`, `(`, `.`, `-`,
    a capital), few. Each word is written as that character, the rest of the word after
    it, then a look-behind at the whole word (`_pretrained(?<=from_pretrained)`): it
    matches where the word is, and nowhere else. A word of lowercase letters and spaces
    only is found from its least common letter.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        special = [i for i, character in enumerate(word) if not (character.islower() or character == " ")]
        at = special[0] if special else max(range(len(word)), key=lambda i: _LETTER_FREQUENCY.find(word[i]))
        after = re.escape(word[at + 1 :]) + (f"(?<={re.escape(word)})" if at else "")
        groups.setdefault(word[at], []).append(after)
    return "|".join(f"{re.escape(at)}(?:{'|'.join(sorted(rest))})" for at, rest in sorted(groups.items())).encode()


_LETTER_FREQUENCY = "etaoinsrhldcumfpgwybvkxjqz"  # English letters, commonest first
_ANCHORED_HINT = re.compile(_anchored(LOADER_WORDS))


# Before that search, a cheaper one. A search for any of several bytes (_ANCHORED_HINT's
# first bytes) tests each byte of the text against a set, tens of instructions a byte; a
# search for one given byte skips to it in a tight loop. So the words are first looked for
# in the text translated with every byte of _ANCHOR_BYTES made \x01, each word written from
# its first such byte (not its last): \x01, the rest of the translated word, then a
# look-behind at the whole translated word (`\x01ipeline\((?<=\x01i\x01e\x01ine\()`). A text
# that holds a word holds its translation at the same place: a text whose translation holds
# none holds no word, and most texts are done with after that search. The bytes are chosen
# for speed only (few, and rare enough in Python sources, measured on real projects); any
# set with a byte in every word (before its last) finds the same files.
_ANCHOR_BYTES = b"-CHflpt"
_COLLAPSE = bytes(1 if byte in _ANCHOR_BYTES else 2 if byte == 1 else byte for byte in range(256))


def _collapsed(words: tuple[str, ...]) -> bytes:
    """A regular expression finding any of `words`, translated with _COLLAPSE, from its first anchor byte."""
    tree: dict = {}  # each word's translated rest after its anchor, as a tree of their common prefixes
    for word in words:
        encoded = word.encode()
        at = next(i for i in range(len(encoded) - 1) if encoded[i] in _ANCHOR_BYTES)
        node = tree
        for byte in encoded[at + 1 :].translate(_COLLAPSE):
            node = node.setdefault(byte, {})
        # where the rest ends: the whole word to look behind at (none when the word starts at its anchor)
        node.setdefault(None, set()).add(encoded.translate(_COLLAPSE) if at else b"")

    def emit(node: dict) -> bytes:
        ends = node.get(None, set())
        if b"" in ends:
            return b""  # a word found whatever follows
        children = sorted((byte, child) for byte, child in node.items() if byte is not None)
        branches = [re.escape(bytes([byte])) + emit(child) for byte, child in children]
        branches += [b"(?<=" + re.escape(whole) + b")" for whole in sorted(ends)]
        return branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"

    return b"\x01" + emit(tree)


_COLLAPSED_HINT = re.compile(_collapsed(LOADER_WORDS))


def names_a_loader(data: bytes) -> bool:
    """Whether `data` holds one of LOADER_WORDS (what `LOADER_HINT.search(data)` says), cheaper."""
    return _COLLAPSED_HINT.search(data.translate(_COLLAPSE)) is not None and _ANCHORED_HINT.search(data) is not None


SENTENCE_TRANSFORMERS = "sentence-transformers"
HUB, MODELSCOPE, SHELL, URL = "hub", "modelscope", "shell", "url"


# faster-whisper's sizes and the repositories it downloads for them (faster_whisper/utils.py, `_MODELS`:
# https://github.com/SYSTRAN/faster-whisper/blob/master/faster_whisper/utils.py)
FASTER_WHISPER_SIZES = MappingProxyType(
    {
        "tiny.en": "Systran/faster-whisper-tiny.en",
        "tiny": "Systran/faster-whisper-tiny",
        "base.en": "Systran/faster-whisper-base.en",
        "base": "Systran/faster-whisper-base",
        "small.en": "Systran/faster-whisper-small.en",
        "small": "Systran/faster-whisper-small",
        "medium.en": "Systran/faster-whisper-medium.en",
        "medium": "Systran/faster-whisper-medium",
        "large-v1": "Systran/faster-whisper-large-v1",
        "large-v2": "Systran/faster-whisper-large-v2",
        "large-v3": "Systran/faster-whisper-large-v3",
        "large": "Systran/faster-whisper-large-v3",
        "distil-large-v2": "Systran/faster-distil-whisper-large-v2",
        "distil-medium.en": "Systran/faster-distil-whisper-medium.en",
        "distil-small.en": "Systran/faster-distil-whisper-small.en",
        "distil-large-v3": "Systran/faster-distil-whisper-large-v3",
        "distil-large-v3.5": "distil-whisper/distil-large-v3.5-ct2",
        "large-v3-turbo": "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
        "turbo": "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
    }
)

# The model transformers' `pipeline(task)` loads when it is given none: SUPPORTED_TASKS's
# defaults and TASK_ALIASES (transformers 4.x to 5.x, src/transformers/pipelines/__init__.py,
# https://github.com/huggingface/transformers/blob/main/src/transformers/pipelines/__init__.py).
# "translation_xx_to_yy" has a default for en→fr, en→de and en→ro only.
PIPELINE_DEFAULTS = MappingProxyType(
    {
        "audio-classification": "superb/wav2vec2-base-superb-ks",
        "automatic-speech-recognition": "facebook/wav2vec2-base-960h",
        "text-to-audio": "suno/bark-small",
        "text-to-speech": "suno/bark-small",
        "feature-extraction": "distilbert/distilbert-base-cased",
        "text-classification": "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        "sentiment-analysis": "distilbert/distilbert-base-uncased-finetuned-sst-2-english",
        "token-classification": "dbmdz/bert-large-cased-finetuned-conll03-english",
        "ner": "dbmdz/bert-large-cased-finetuned-conll03-english",
        "question-answering": "distilbert/distilbert-base-cased-distilled-squad",
        "table-question-answering": "google/tapas-base-finetuned-wtq",
        "visual-question-answering": "dandelin/vilt-b32-finetuned-vqa",
        "vqa": "dandelin/vilt-b32-finetuned-vqa",
        "document-question-answering": "impira/layoutlm-document-qa",
        "fill-mask": "distilbert/distilroberta-base",
        "summarization": "sshleifer/distilbart-cnn-12-6",
        "translation_en_to_fr": "google-t5/t5-base",
        "translation_en_to_de": "google-t5/t5-base",
        "translation_en_to_ro": "google-t5/t5-base",
        "text2text-generation": "google-t5/t5-base",
        "text-generation": "openai-community/gpt2",
        "zero-shot-classification": "facebook/bart-large-mnli",
        "zero-shot-image-classification": "openai/clip-vit-base-patch32",
        "zero-shot-audio-classification": "laion/clap-htsat-fused",
        "image-classification": "google/vit-base-patch16-224",
        "image-feature-extraction": "google/vit-base-patch16-224",
        "image-segmentation": "facebook/detr-resnet-50-panoptic",
        "image-to-text": "ydshieh/vit-gpt2-coco-en",
        "image-text-to-text": "llava-hf/llava-onevision-qwen2-0.5b-ov-hf",
        "object-detection": "facebook/detr-resnet-50",
        "zero-shot-object-detection": "google/owlvit-base-patch32",
        "depth-estimation": "Intel/dpt-large",
        "video-classification": "MCG-NJU/videomae-base-finetuned-kinetics",
        "video-to-text": "microsoft/git-base",
        "mask-generation": "facebook/sam-vit-huge",
        "image-to-image": "caidas/swin2SR-classical-sr-x2-64",
        "keypoint-matching": "magic-leap-community/superglue_outdoor",
        "any-to-any": "google/gemma-3n-E4B-it",
    }
)

# A library's short names, by the library (Slot.aliases)
# bert_score's model for a language (`lang2model` in bert_score/utils.py, Tiiiger/bert_score 19e7f55,
# https://github.com/Tiiiger/bert_score/blob/master/bert_score/utils.py): multilingual BERT for any other
BERT_SCORE_LANGUAGES = MappingProxyType(
    {
        "en": "roberta-large",
        "zh": "bert-base-chinese",
        "tr": "dbmdz/bert-base-turkish-cased",
        "en-sci": "allenai/scibert_scivocab_uncased",
    }
)
# MeloTTS's `TTS(language)`: the repository of each language it knows (melo/download_utils.py,
# LANG_TO_HF_REPO_ID, https://github.com/myshell-ai/MeloTTS/blob/main/melo/download_utils.py)
MELO_LANGUAGES = MappingProxyType(
    {
        "EN": "myshell-ai/MeloTTS-English",
        "EN_V2": "myshell-ai/MeloTTS-English-v2",
        "EN_NEWEST": "myshell-ai/MeloTTS-English-v3",
        "FR": "myshell-ai/MeloTTS-French",
        "JP": "myshell-ai/MeloTTS-Japanese",
        "ES": "myshell-ai/MeloTTS-Spanish",
        "ZH": "myshell-ai/MeloTTS-Chinese",
        "KR": "myshell-ai/MeloTTS-Korean",
    }
)
# ImageReward's `load(name)`: the file of each name it knows is in THUDM/ImageReward (ImageReward/utils.py,
# _MODELS, https://github.com/THUDM/ImageReward/blob/main/ImageReward/utils.py); any other name is a local file
IMAGE_REWARD_MODELS = MappingProxyType({"ImageReward-v1.0": "THUDM/ImageReward"})
ALIASES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "faster-whisper": FASTER_WHISPER_SIZES,
        "bert_score": BERT_SCORE_LANGUAGES,
        "melo": MELO_LANGUAGES,
        "ImageReward": IMAGE_REWARD_MODELS,
    }
)
# What a library takes for a name its table does not hold, where it takes any (bert_score: any language)
ALIASES_OTHERWISE: Mapping[str, str] = MappingProxyType({"bert_score": "bert-base-multilingual-cased"})


class Slot(NamedTuple):
    """One argument of a loader that names a repository.

    `namespace`: the organisation the library puts before a name without one
    (sentence-transformers: `all-MiniLM-L6-v2` is `sentence-transformers/all-MiniLM-L6-v2`).
    """

    type: str
    positions: tuple[int, ...] = (0,)
    keywords: tuple[str, ...] = ()
    bare: str = "any"
    prefixed_only: bool = False
    repo_type_keyword: bool = False
    namespace: str | None = None
    # where the loader fetches from: the Hub, ModelScope, a command line (SHELL), or any URL
    # (URL: a download call, whose argument is a reference only when it is a Hub address)
    host: str = HUB
    # The library whose own short names for repositories (faster-whisper's `small`) it takes: ALIASES
    aliases: str | None = None
    # At one call: (the argument's name, what is known about its value there), so that a
    # value from a caller that the loader's own test excludes (`elif name == "fake"`) is dropped.
    known: tuple = ()
    # A keyword named like a model key, given to a call no loader table knows: a guess, whose
    # values known only at run time, or not on the Hub, are not worth a notice
    guessed: bool = False

    @property
    def says_unknown(self) -> bool:
        """Whether a value known only at run time is worth a notice: not for a command line's other
        words, nor for a download call, whose URLs are mostly not the Hub's, nor for a guess."""
        return self.host not in (SHELL, URL) and not self.guessed


class LibraryDefault(NamedTuple):
    """The model a loader picks itself when the call names none, by the value of another argument
    (transformers' `pipeline("summarization")`, bert_score's `score(c, r, lang=self.lang)`).

    With `models`, the argument's values known where the call is are looked up there; without,
    the argument is followed like a loader's (its callers, a class's attributes), and the
    selector's `aliases` turn each value into the repository."""

    selector: Slot  # the argument the choice depends on: the task, the language
    models: Mapping[str, str] | None  # its value → the repository loaded
    said: str  # how a reference says where it comes from ({!r}: the selector's value, with `models`)


class Loader(NamedTuple):
    slots: tuple[Slot, ...]
    roots: tuple[str, ...] = ()  # the callee must come from one of these packages
    default: LibraryDefault | None = None  # what it loads when the first slot is not given


_PRETRAINED_KEYWORDS = (
    "pretrained_model_name_or_path",
    "model_name_or_path",
    "model_id",
    "repo_id",
    "model_name",
    "pretrained_model_name",
)
# diffusers fetches a `custom_pipeline` named `org/name` from that Hub repository (its
# pipeline.py); a bare name is a community pipeline from GitHub, a path is local code.
FROM_PRETRAINED = Loader((Slot(MODEL, (0,), _PRETRAINED_KEYWORDS), Slot(MODEL, (), ("custom_pipeline",), bare="none")))
PEFT_ADAPTER = Loader((Slot(MODEL, (1,), ("model_id",)),))
_ST = Loader((Slot(MODEL, (0,), ("model_name_or_path", "model_name"), namespace=SENTENCE_TRANSFORMERS),))
_CROSS_ENCODER = Loader((Slot(MODEL, (0,), ("model_name_or_path", "model_name")),))
_DATASETS = Loader((Slot(DATASET, (0,), ("path",)),))
_HUB_FILES = Loader((Slot(MODEL, (0,), ("repo_id",), repo_type_keyword=True),))
_VLLM = Loader((Slot(MODEL, (0,), ("model",)), Slot(MODEL, (), ("tokenizer",))), roots=("vllm",))
_PREFIXED = Slot(MODEL, (0,), ("model_name", "pretrained"), prefixed_only=True)
_FLAG = Loader((Slot(MODEL, (0,), ("model_name_or_path",)),))
_FASTEMBED = Loader((Slot(MODEL, (0,), ("model_name",), bare="none"),), roots=("fastembed",))

# What downloads a URL: a reference when the URL is a Hub address (`.../resolve/main/w.pth`).
_DOWNLOAD = Loader((Slot(MODEL, (0,), ("url", "filename"), prefixed_only=True, host=URL),))

_READ_TABLE = Loader(
    (Slot(MODEL, (0,), ("filepath_or_buffer", "path", "path_or_buf", "io", "source"), prefixed_only=True, host=URL),)
)
_TABLE_READERS = ("read_csv", "read_table", "read_json", "read_parquet", "read_excel", "read_feather", "read_ndjson")

# transformers' `pipeline(task, model)`: without a model, the task's default (PIPELINE_DEFAULTS)
TRANSFORMERS_PIPELINE = Loader(
    (Slot(MODEL, (1,), ("model",)), Slot(MODEL, (), ("tokenizer", "feature_extractor", "image_processor"))),
    roots=("transformers",),
    default=LibraryDefault(Slot(MODEL, (0,), ("task",)), PIPELINE_DEFAULTS, "the default model of the task {!r}"),
)

# bert_score's `score(cands, refs, lang="en")` and `BERTScorer(lang="en")` without `model_type`:
# the language's model (ALIASES["bert_score"])
# MeloTTS loads the language's model unless it is given a checkpoint of its own (`ckpt_path`)
_MELO = Loader(
    (Slot(MODEL, (), ("ckpt_path",), bare="none"),),
    default=LibraryDefault(
        Slot(MODEL, (0,), ("language",), bare="none", aliases="melo"), None, "MeloTTS's model for the language"
    ),
)
_BERT_SCORE_DEFAULT = LibraryDefault(
    Slot(MODEL, (), ("lang",), bare="legacy", aliases="bert_score"), None, "bert_score's model for the language"
)

LOADERS: dict[str, Loader] = {
    "from_pretrained": FROM_PRETRAINED,
    "from_quantized": FROM_PRETRAINED,
    "from_finetuned": FROM_PRETRAINED,
    "from_model_id": Loader((Slot(MODEL, (0,), ("model_id",)),)),
    "from_preset": Loader((Slot(MODEL, (0,), ("preset",), prefixed_only=True),)),
    "load_lora_weights": Loader((Slot(MODEL, (0,), ("pretrained_model_name_or_path_or_dict",)),)),
    "load_textual_inversion": Loader((Slot(MODEL, (0,), ("pretrained_model_name_or_path",)),)),
    "load_ip_adapter": Loader((Slot(MODEL, (0,), ("pretrained_model_name_or_path_or_dict",)),)),
    "load_adapter": Loader((Slot(MODEL, (0,), ("peft_model_id",)),)),
    "pipeline": TRANSFORMERS_PIPELINE,
    "SentenceTransformer": _ST,
    "SparseEncoder": _ST,
    "CrossEncoder": _CROSS_ENCODER,
    "LLM": _VLLM,
    "EngineArgs": _VLLM,
    "AsyncEngineArgs": _VLLM,
    "LoRARequest": Loader((Slot(MODEL, (2,), ("lora_path",), bare="none"),), roots=("vllm",)),
    "load_dataset": _DATASETS,
    "load_dataset_builder": _DATASETS,
    "get_dataset_config_names": _DATASETS,
    "get_dataset_split_names": _DATASETS,
    "get_dataset_config_info": _DATASETS,
    "get_dataset_infos": _DATASETS,
    "get_dataset_default_config_name": _DATASETS,
    "hf_hub_download": _HUB_FILES,
    "snapshot_download": _HUB_FILES,
    "hf_hub_url": _HUB_FILES,
    "InferenceClient": Loader((Slot(MODEL, (0,), ("model",), bare="none"),)),
    "AsyncInferenceClient": Loader((Slot(MODEL, (0,), ("model",), bare="none"),)),
    "create_model_and_transforms": Loader((_PREFIXED,), roots=("open_clip",)),
    "create_model_from_pretrained": Loader((_PREFIXED,), roots=("open_clip",)),
    "create_model": Loader((_PREFIXED,), roots=("open_clip", "timm")),
    "get_tokenizer": Loader((_PREFIXED,), roots=("open_clip",)),
    "load": Loader((Slot(MODEL, (0,), ("path_or_hf_repo",)),), roots=("mlx_lm", "mlx_vlm")),
    "WhisperModel": Loader(
        (Slot(MODEL, (0,), ("model_size_or_path",), bare="none", aliases="faster-whisper"),), roots=("faster_whisper",)
    ),
    "FlagModel": _FLAG,
    "BGEM3FlagModel": _FLAG,
    "FlagReranker": _FLAG,
    "FlagLLMReranker": _FLAG,
    "LayerWiseFlagLLMReranker": _FLAG,
    "FlagAutoModel": _FLAG,
    "FlagAutoReranker": _FLAG,
    "TextEmbedding": _FASTEMBED,
    "SparseTextEmbedding": _FASTEMBED,
    "ImageEmbedding": _FASTEMBED,
    "LateInteractionTextEmbedding": _FASTEMBED,
    "TextCrossEncoder": _FASTEMBED,
    "download_url_to_file": _DOWNLOAD,
    "load_state_dict_from_url": _DOWNLOAD,
    "load_file_from_url": _DOWNLOAD,
    "download_cached_file": _DOWNLOAD,
    "cached_path": _DOWNLOAD,
    "from_single_file": Loader(
        (
            Slot(
                MODEL,
                (0,),
                ("pretrained_model_link_or_path", "pretrained_model_link_or_path_or_dict"),
                prefixed_only=True,
                host=URL,
            ),
        )
    ),
}
# Loaders whose names are common words, or another library's: they count only when the callee
# comes from this package (`pipeline` of lmdeploy takes the model first, transformers' the task).
_DISTILABEL_LLM = Loader((Slot(MODEL, (), ("model",)), Slot(MODEL, (), ("tokenizer",))))
_OPENCOMPASS_MODEL = Loader((Slot(MODEL, (), ("path", "tokenizer_path")),))
ROOTED_LOADERS: dict[tuple[str, str], Loader] = {
    ("lmdeploy", "pipeline"): Loader((Slot(MODEL, (0,), ("model_path",)),)),
    ("distilabel", "vLLM"): _DISTILABEL_LLM,
    ("distilabel", "TransformersLLM"): _DISTILABEL_LLM,
    ("distilabel", "InferenceEndpointsLLM"): Loader((Slot(MODEL, (), ("model_id", "tokenizer_id"), bare="none"),)),
    ("distilabel", "RewardModelScore"): Loader((Slot(MODEL, (), ("model",)),)),
    ("distilabel", "SentenceTransformerEmbeddings"): Loader(
        (Slot(MODEL, (), ("model",), namespace=SENTENCE_TRANSFORMERS),)
    ),
    # LLaVA and the projects built on its code: `load_pretrained_model(model_path, model_base, model_name)`
    # loads the model, and the base a LoRA checkpoint is applied to
    **{
        (package, "load_pretrained_model"): Loader(
            (Slot(MODEL, (0,), ("model_path",)), Slot(MODEL, (1,), ("model_base",)))
        )
        for package in ("llava", "videollava", "moellava", "share4v", "mplug_owl2", "tinyllava")
    },
    # lighteval's task: `hf_repo` is the dataset its evaluation loads
    ("lighteval", "LightevalTaskConfig"): Loader((Slot(DATASET, (), ("hf_repo",)),)),
    # MLC's engine fetches `HF://ORG/NAME`; a plain name is a local folder or its own catalogue
    ("mlc_llm", "MLCEngine"): Loader((Slot(MODEL, (0,), ("model",), prefixed_only=True),)),
    # speechbrain's pretrained interfaces fetch `source` from the Hub (`EncoderClassifier.from_hparams`)
    ("speechbrain", "from_hparams"): Loader((Slot(MODEL, (0,), ("source",)),)),
    # mlx-whisper fetches `path_or_hf_repo` from the Hub (`mlx-community/whisper-large-v3-mlx`)
    ("mlx_whisper", "load_model"): Loader((Slot(MODEL, (0,), ("path_or_hf_repo",)),)),
    ("mlx_whisper", "transcribe"): Loader((Slot(MODEL, (), ("path_or_hf_repo",)),)),
    # NX-AI's TiRex: `load_model("NX-AI/TiRex")` downloads the checkpoint from the Hub
    ("tirex", "load_model"): Loader((Slot(MODEL, (0,), ("path",)),)),
    # whisperX's `load_model("small")` is faster-whisper's size name
    ("whisperx", "load_model"): Loader((Slot(MODEL, (0,), ("whisper_arch",), bare="none", aliases="faster-whisper"),)),
    # its aligner's wav2vec2 checkpoint (`model_name`; a bare name is a torchaudio pipeline's) and its
    # pyannote diarization pipeline
    ("whisperx", "load_align_model"): Loader((Slot(MODEL, (2,), ("model_name",), bare="none"),)),
    ("whisperx", "DiarizationPipeline"): Loader((Slot(MODEL, (0,), ("model_name",), bare="none"),)),
    # OpenCompass's model classes, written in its configs as `dict(type=HuggingFaceCausalLM, path=...)`
    **{
        ("opencompass", name): _OPENCOMPASS_MODEL
        for name in (
            "HuggingFace",
            "HuggingFaceCausalLM",
            "HuggingFaceChatGLM3",
            "HuggingFaceBaseModel",
            "HuggingFacewithChatTemplate",
            "VLLM",
            "VLLMwithChatTemplate",
        )
    },
    # Hub kernels (the `kernels` library): a kernel is a model repository, fetched and imported
    ("kernels", "get_kernel"): Loader((Slot(MODEL, (0,), ("repo_id",)),)),
    # DeepSpeed-MII: `mii.pipeline("mistralai/Mistral-7B-v0.1")`, `mii.serve(...)`, and the legacy
    # `mii.deploy(task=..., model="bigscience/bloom-560m", deployment_name=...)`
    ("mii", "pipeline"): Loader((Slot(MODEL, (0,), ("model_name_or_path",)),)),
    ("mii", "serve"): Loader((Slot(MODEL, (0,), ("model_name_or_path",)),)),
    ("mii", "deploy"): Loader((Slot(MODEL, (), ("model",)),)),
    # unbabel-comet: `download_model("Unbabel/wmt22-comet-da")` fetches the checkpoint from the Hub
    ("comet", "download_model"): Loader((Slot(MODEL, (0,), ("model",)),)),
    ("melo", "TTS"): _MELO,
    # ImageReward's `load("ImageReward-v1.0")`: that name's file in THUDM/ImageReward (IMAGE_REWARD_MODELS)
    ("ImageReward", "load"): Loader((Slot(MODEL, (0,), ("name",), bare="none", aliases="ImageReward"),)),
    # LlamaIndex's reranker hands `model` to sentence-transformers' CrossEncoder (no namespace added)
    ("llama_index", "SentenceTransformerRerank"): Loader((Slot(MODEL, (), ("model",)),)),
    # BEIR's query generator loads its seq2seq model and tokenizer with transformers' from_pretrained
    ("beir", "QGenModel"): Loader((Slot(MODEL, (0,), ("model_path",)),)),
    # SimCSE's sentence encoder loads its tokenizer and model with transformers' from_pretrained
    ("simcse", "SimCSE"): Loader((Slot(MODEL, (0,), ("model_name_or_path",)),)),
    ("bert_score", "score"): Loader((Slot(MODEL, (2,), ("model_type",)),), default=_BERT_SCORE_DEFAULT),
    ("bert_score", "BERTScorer"): Loader((Slot(MODEL, (0,), ("model_type",)),), default=_BERT_SCORE_DEFAULT),
    ("requests", "get"): _DOWNLOAD,
    ("httpx", "get"): _DOWNLOAD,
    ("wget", "download"): _DOWNLOAD,
    ("urllib", "urlretrieve"): _DOWNLOAD,
    ("urllib", "urlopen"): _DOWNLOAD,
    # diffusers' and transformers' image and video helpers fetch a URL they are given (`load_image(
    # "https://huggingface.co/datasets/huggingface/documentation-images/resolve/main/cat.png")`)
    ("diffusers", "load_image"): _DOWNLOAD,
    ("diffusers", "load_video"): _DOWNLOAD,
    ("transformers", "load_image"): _DOWNLOAD,
    # pandas and polars read a URL or an `hf://` path they are given (`pd.read_csv("https://huggingface.co/
    # datasets/org/set/resolve/main/a.csv")`, `pl.read_parquet("hf://datasets/org/set/x.parquet")`)
    **{("pandas", name): _READ_TABLE for name in _TABLE_READERS},
    **{("polars", name): _READ_TABLE for name in _TABLE_READERS + ("scan_parquet", "scan_csv", "scan_ndjson")},
}
# LangChain and LlamaIndex wrappers (HuggingFaceEmbeddings, HuggingFaceEndpoint,
# HuggingFaceLLM...) and TRL trainers, recognised by name. The local embedding
# wrappers hand their name to SentenceTransformer, which adds its namespace.
_HUGGINGFACE_KEYWORDS = ("model_name", "model_id", "repo_id", "model", "tokenizer_name")
_HUGGINGFACE_WRAPPER = Loader((Slot(MODEL, (), _HUGGINGFACE_KEYWORDS),))
_SENTENCE_EMBEDDINGS = Loader((Slot(MODEL, (), _HUGGINGFACE_KEYWORDS, namespace=SENTENCE_TRANSFORMERS),))
_EMBEDDING_WRAPPERS = frozenset(
    {"HuggingFaceEmbeddings", "HuggingFaceBgeEmbeddings", "HuggingFaceInstructEmbeddings", "HuggingFaceEmbedding"}
)
# A model named to a hosted or OpenAI-compatible endpoint (a vLLM or TGI server, the
# Hub's inference providers): InferenceClient's task methods, `...completions.create`,
# LiteLLM. Only namespaced ids: `gpt-4o` names another service's model.
ENDPOINT_MODEL = Loader((Slot(MODEL, (), ("model",), bare="none"),))
# The SDKs of hosted services whose clients also have `chat.completions.create`: in a module that
# imports one, that call asks the service (Together's `meta-llama/...-Turbo`), not a server of a Hub model
HOSTED_SDKS = frozenset({"together", "anthropic", "groq", "cohere", "fireworks", "mistralai", "google"})
_INFERENCE_TASKS = frozenset(
    {
        "chat_completion",
        "text_generation",
        "text_to_image",
        "text_to_video",
        "text_to_speech",
        "feature_extraction",
        "sentence_similarity",
        "summarization",
        "translation",
        "fill_mask",
        "question_answering",
        "text_classification",
        "token_classification",
        "zero_shot_classification",
        "image_classification",
        "image_segmentation",
        "image_to_text",
        "image_to_image",
        "object_detection",
        "automatic_speech_recognition",
        "audio_classification",
        "visual_question_answering",
        "document_question_answering",
        "table_question_answering",
        "zero_shot_image_classification",
    }
)
_TRL_TRAINER = Loader(
    (Slot(MODEL, (0,), ("model", "ref_model", "reward_model", "teacher_model", "reward_funcs")),),
    roots=("trl",),
)
# ModelScope's own loaders (modelscope.cn, not the Hub): their argument is reported
# as what it is, never as a Hub repository.
_MS_MODEL = Loader(
    (
        Slot(
            MODEL, (0,), ("model_id", "repo_id", "model_name_or_path", "pretrained_model_name_or_path"), host=MODELSCOPE
        ),
    )
)
_MS_DATASET = Loader((Slot(DATASET, (0,), ("dataset_id", "dataset_name", "repo_id"), host=MODELSCOPE),))
_FUNASR_MODELS = ("model", "vad_model", "punc_model", "spk_model")
_FUNASR_HUB = Loader((Slot(MODEL, (), _FUNASR_MODELS),))
_FUNASR_MODELSCOPE = Loader((Slot(MODEL, (), _FUNASR_MODELS, host=MODELSCOPE),))
MODELSCOPE_LOADERS: dict[str, Loader] = {
    "snapshot_download": _MS_MODEL,
    "model_file_download": _MS_MODEL,
    "from_pretrained": _MS_MODEL,
    "pipeline": Loader((Slot(MODEL, (), ("model",), host=MODELSCOPE),)),
    "dataset_snapshot_download": _MS_DATASET,
    "dataset_file_download": _MS_DATASET,
    "load": _MS_DATASET,  # MsDataset.load
}
# A command line run by the standard library (`os.system(f"... --model-path {MODEL}")`): read
# like a shell script's, through the parameters of the project's own helpers too.
_COMMAND = Loader((Slot(MODEL, (0,), ("args", "cmd", "command"), host=SHELL),))
_COMMAND_RUNNERS = {
    "os": frozenset({"system", "popen"}),
    "subprocess": frozenset({"run", "call", "check_call", "check_output", "Popen", "getoutput", "getstatusoutput"}),
}
# Where a run writes: a repository named here is an output, never a dependency.
PUBLISHERS = frozenset({"push_to_hub", "save_pretrained", "create_repo", "create_branch", "create_tag"})
SHELL_CALLS = frozenset(
    {"run", "call", "check_call", "check_output", "Popen", "system", "popen", "getoutput", "getstatusoutput"}
)


def is_publisher(name: str) -> bool:
    return name in PUBLISHERS or name.startswith("upload_")


def rooted_name(last: str) -> bool:
    """Whether a loader of this name counts only when it comes from a given package (`WhisperModel`)."""
    return last in _ROOTED_NAMES


def loader_for(qualified: str, call: ast.Call) -> Loader | None:
    """The loader signature of a call whose callee is `qualified` after imports, or None."""
    last = qualified.rsplit(".", 1)[-1]
    root = qualified.split(".", 1)[0]
    if root == "modelscope":
        return MODELSCOPE_LOADERS.get(last)
    if root == "funasr" and last == "AutoModel":
        # FunASR fetches from ModelScope unless told `hub="hf"`
        hub = keyword(call, "hub")
        on_the_hub = isinstance(hub, ast.Constant) and hub.value in ("hf", "huggingface")
        return _FUNASR_HUB if on_the_hub else _FUNASR_MODELSCOPE
    if (last in _COMMAND_RUNNERS.get(root, ()) and qualified.count(".") == 1) or qualified == "get_ipython().system":
        return _COMMAND  # the standard library's, or IPython's `!command` in a notebook
    loader = ROOTED_LOADERS.get((root, last)) or LOADERS.get(last)
    if loader is None:
        if last in _EMBEDDING_WRAPPERS:
            loader = _SENTENCE_EMBEDDINGS
        elif "HuggingFace" in last:
            loader = _HUGGINGFACE_WRAPPER
        elif last.endswith("Trainer"):
            loader = _TRL_TRAINER
        elif (
            last in _INFERENCE_TASKS
            or (last == "create" and ".completions." in f".{qualified}")
            or (last in ("completion", "acompletion", "embedding", "aembedding") and qualified.startswith("litellm."))
            or last in ("ChatOpenAI", "OpenAIEmbeddings", "ChatLiteLLM")
        ):
            loader = ENDPOINT_MODEL
        else:
            return None
    if loader.roots and qualified.split(".", 1)[0] not in loader.roots:
        return None
    if loader is FROM_PRETRAINED and isinstance(call.func, ast.Attribute):
        owner = qualified.rsplit(".", 2)[-2] if qualified.count(".") else ""
        if owner.startswith("PeftModel") or owner == "PeftMixedModel":
            loader = PEFT_ADAPTER
    return loader


def slot_arguments(call: ast.Call, slot: Slot) -> list[ast.expr]:
    """The expressions a call passes for `slot`: by position (unless a `*` comes first) and by keyword."""
    found = []
    positional = call.args
    for position in slot.positions:
        if position < len(positional) and not any(isinstance(a, ast.Starred) for a in positional[: position + 1]):
            found.append(positional[position])
    for keyword in call.keywords:
        if keyword.arg in slot.keywords:
            found.append(keyword.value)
    return found


def keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


# names whose loader needs its package: a project class deriving from that package's class is asked about
_ROOTED_NAMES = frozenset(
    {last for _, last in ROOTED_LOADERS} | {name for name, loader in LOADERS.items() if loader.roots}
)
