"""Whether a string found in code or configuration names a Hub repository.

Discovery sees many strings that look like `namespace/name` and are not Hub
repositories: local paths (`outputs/run`, `models/x` that exists on disk), URLs,
dates, version numbers, MIME types, API routes, dataset builder names
(`load_dataset("json", ...)`) and other services' model names
(`anthropic/claude-3-5-sonnet`, `openai/gpt-4o`). `hub_reference` says which
strings are references, and turns the prefixed forms the libraries accept
(`hf-hub:org/name`, `hf.co/org/name:Q4_K_M`, `hf://datasets/org/name/file`)
into a plain repository id.

Nothing here reads a file except `Tree.exists`, which asks the file system
whether a path is under the scanned tree.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import DATASET, MODEL, is_valid_repo_id

# `datasets.load_dataset` builders that read local or remote files: their name is
# a loader, not a repository.
DATASET_BUILDERS = frozenset(
    {
        "arrow",
        "audiofolder",
        "cache",
        "csv",
        "generator",
        "hdf5",
        "imagefolder",
        "json",
        "lance",
        "niftifolder",
        "pandas",
        "parquet",
        "pdffolder",
        "spark",
        "sql",
        "text",
        "videofolder",
        "webdataset",
        "xml",
        "folder_based_builder",
    }
)

# transformers' `model_type`s that are also the id of one of the Hub's first models: under a
# `model_type` key they name the architecture.
_ARCHITECTURE_NAMES = frozenset({"gpt2", "openai-gpt"})
# The Hub's canonical models from before namespaces (each now redirects to an
# organisation): bare names a configuration file may use. Code passing a bare name
# to a Hub loader is accepted whatever it is; a configuration value needs to be
# one of these, because `model: gpt-4o` or `model: llama3` in a config file names
# another service's model far more often than a Hub repository.
LEGACY_MODELS = frozenset(
    {
        "albert-base-v1",
        "albert-base-v2",
        "albert-large-v1",
        "albert-large-v2",
        "albert-xlarge-v1",
        "albert-xlarge-v2",
        "albert-xxlarge-v1",
        "albert-xxlarge-v2",
        "bert-base-cased",
        "bert-base-chinese",
        "bert-base-german-cased",
        "bert-base-multilingual-cased",
        "bert-base-multilingual-uncased",
        "bert-base-uncased",
        "bert-large-cased",
        "bert-large-cased-whole-word-masking",
        "bert-large-uncased",
        "bert-large-uncased-whole-word-masking",
        "bert-large-uncased-whole-word-masking-finetuned-squad",
        "camembert-base",
        "ctrl",
        "distilbert-base-cased",
        "distilbert-base-cased-distilled-squad",
        "distilbert-base-multilingual-cased",
        "distilbert-base-uncased",
        "distilbert-base-uncased-distilled-squad",
        "distilbert-base-uncased-finetuned-sst-2-english",
        "distilgpt2",
        "distilroberta-base",
        "gpt2",
        "gpt2-large",
        "gpt2-medium",
        "gpt2-xl",
        "openai-gpt",
        "roberta-base",
        "roberta-large",
        "roberta-large-mnli",
        "t5-11b",
        "t5-3b",
        "t5-base",
        "t5-large",
        "t5-small",
        "xlm-roberta-base",
        "xlm-roberta-large",
        "xlnet-base-cased",
        "xlnet-large-cased",
    }
)
LEGACY_DATASETS = frozenset(
    {
        "ag_news",
        "amazon_polarity",
        "bookcorpus",
        "c4",
        "cifar10",
        "cifar100",
        "cnn_dailymail",
        "common_voice",
        "conll2003",
        "emotion",
        "glue",
        "gsm8k",
        "hellaswag",
        "imdb",
        "librispeech_asr",
        "mnist",
        "openwebtext",
        "rotten_tomatoes",
        "squad",
        "squad_v2",
        "super_glue",
        "wikitext",
        "wikipedia",
        "xsum",
        "yelp_review_full",
    }
)

# First path segments that are a project's own folders, never a Hub namespace.
LOCAL_FOLDERS = frozenset(
    {
        "artifacts",
        "assets",
        "build",
        "cache",
        "checkpoint",
        "checkpoints",
        "ckpt",
        "ckpts",
        "data",
        "dataset",  # `dataset/mvbench`: a benchmark's local copy
        "datasets",  # `datasets/code_sft`; on the Hub a path prefix, no one's name (like `spaces`)
        "dist",
        "export",
        "exports",
        "exp",
        "experiments",
        "home",
        "local",
        "logs",
        "mnt",
        "model",
        "models",
        "out",
        "output",
        "outputs",
        "pretrained",
        "resources",
        "results",
        "run",
        "runs",
        "saved",
        "saved_models",
        "spaces",
        "src",
        "temp",
        "tmp",
        "weights",
        "work_dir",
        "work_dirs",  # OpenMMLab's and LLaVA-style trainers' output folders
        "workspace",
    }
)
# The same by their ending: `base_models/Qwen-7B`, `finetuned_models/run-1`, `local_ckpts/x`.
LOCAL_FOLDER_SUFFIXES = ("_models", "_checkpoints", "_ckpts", "_outputs", "_weights")
# A name filled in with x's to be replaced (`LanguageBind/MoE-LLaVA-xxxxxxxxxxxxxxxx`). Only the
# name: `XXXXRT` is a real organisation.
_FILLER = re.compile(r"[xX]{6}")
# Extensions of files (weights, data, configuration): `org/model.gguf` is a file path.
FILE_EXTENSIONS = frozenset(
    {
        "bin",
        "ckpt",
        "csv",
        "gguf",
        "h5",
        "json",
        "jsonl",
        "md",
        "npy",
        "npz",
        "onnx",
        "parquet",
        "pkl",
        "pt",
        "pth",
        "py",
        "safetensors",
        "tar",
        "gz",
        "tsv",
        "txt",
        "yaml",
        "yml",
        "zip",
        "arrow",
        "msgpack",
        "ggml",
        "model",
    }
)
MIME_TYPES = frozenset({"application", "audio", "font", "image", "multipart", "text", "video"})

# Other services' model names written `provider/model` (LiteLLM, OpenRouter...).
# `openai` is also a Hub organisation (openai/whisper-large-v3): only its API model
# names are refused.
API_PROVIDERS = frozenset(
    {
        "anthropic",
        "azure",
        "azure_ai",
        "bedrock",
        "cerebras",
        "cloudflare",
        "codestral",
        "cohere",
        "databricks",
        "deepinfra",
        "deepseek",
        "fireworks_ai",
        "gemini",
        "groq",
        "hosted_vllm",
        "litellm_proxy",
        "lm_studio",
        "meta",  # NVIDIA NIM's catalogue (`meta/llama-3.1-70b-instruct`); Meta's Hub organisation is meta-llama
        "mistral",
        "nvidia_nim",
        "ollama",
        "ollama_chat",
        "openrouter",
        "perplexity",
        "replicate",
        "sagemaker",
        "text-completion-openai",
        "together_ai",
        "vertex_ai",
        "voyage",
        "watsonx",
        "xai",
    }
)
# Providers that are also organisations with many Hub repositories (`databricks/dolly-v2-3b`,
# `cerebras/Cerebras-GPT-111M`, `Anthropic/hh-rlhf`): only their API models' names are refused.
HUB_ORGANISATIONS = frozenset({"anthropic", "cerebras", "cohere", "databricks"})
_OPENAI_API_NAME = re.compile(
    r"(gpt-3\.5|gpt-4|gpt-5|chatgpt|o[1-9](-|$)|text-embedding|text-davinci|davinci|babbage|dall-e|tts-1|whisper-1)",
    re.IGNORECASE,
)
# The same names without a namespace, and Anthropic's and Google's API models: never a
# repository, even where a Hub loader receives them.
_API_MODEL_NAME = re.compile(
    r"(gpt-3\.5|gpt-4|gpt-5|chatgpt|o[1-9](-|$)|text-embedding-|text-davinci|dall-e|tts-1|whisper-1|claude-|gemini-|databricks-"
    r"|embed-(english|multilingual)-v|rerank-(english|multilingual)-v|command-r)",  # Cohere's
    re.IGNORECASE,
)
# sentence-transformers loads these old canonical names as they are; any other name
# without a namespace from its own organisation (the library's list of plain models).
SENTENCE_TRANSFORMERS_PLAIN = frozenset(
    {
        "albert-base-v1",
        "albert-base-v2",
        "albert-large-v1",
        "albert-large-v2",
        "albert-xlarge-v1",
        "albert-xlarge-v2",
        "albert-xxlarge-v1",
        "albert-xxlarge-v2",
        "bert-base-cased-finetuned-mrpc",
        "bert-base-cased",
        "bert-base-chinese",
        "bert-base-german-cased",
        "bert-base-german-dbmdz-cased",
        "bert-base-german-dbmdz-uncased",
        "bert-base-multilingual-cased",
        "bert-base-multilingual-uncased",
        "bert-base-uncased",
        "bert-large-cased-whole-word-masking-finetuned-squad",
        "bert-large-cased-whole-word-masking",
        "bert-large-cased",
        "bert-large-uncased-whole-word-masking-finetuned-squad",
        "bert-large-uncased-whole-word-masking",
        "bert-large-uncased",
        "camembert-base",
        "ctrl",
        "distilbert-base-cased-distilled-squad",
        "distilbert-base-cased",
        "distilbert-base-german-cased",
        "distilbert-base-multilingual-cased",
        "distilbert-base-uncased-distilled-squad",
        "distilbert-base-uncased-finetuned-sst-2-english",
        "distilbert-base-uncased",
        "distilgpt2",
        "distilroberta-base",
        "gpt2-large",
        "gpt2-medium",
        "gpt2-xl",
        "gpt2",
        "openai-gpt",
        "roberta-base-openai-detector",
        "roberta-base",
        "roberta-large-mnli",
        "roberta-large-openai-detector",
        "roberta-large",
        "t5-11b",
        "t5-3b",
        "t5-base",
        "t5-large",
        "t5-small",
        "transfo-xl-wt103",
        "xlm-clm-ende-1024",
        "xlm-clm-enfr-1024",
        "xlm-mlm-100-1280",
        "xlm-mlm-17-1280",
        "xlm-mlm-en-2048",
        "xlm-mlm-ende-1024",
        "xlm-mlm-enfr-1024",
        "xlm-mlm-enro-1024",
        "xlm-mlm-tlm-xnli15-1024",
        "xlm-mlm-xnli15-1024",
        "xlm-roberta-base",
        "xlm-roberta-large-finetuned-conll02-dutch",
        "xlm-roberta-large-finetuned-conll02-spanish",
        "xlm-roberta-large-finetuned-conll03-english",
        "xlm-roberta-large-finetuned-conll03-german",
        "xlm-roberta-large",
        "xlnet-base-cased",
        "xlnet-large-cased",
    }
)
# Names that stand for a repository in examples and tests (`test/model`, `your-org/...`,
# `fake`): never one the project depends on.
PLACEHOLDERS = frozenset(
    {
        "test",
        "tests",
        "testing",
        "fake",
        "dummy",
        "mock",
        "example",
        "examples",
        "foo",
        "bar",
        "baz",
        "placeholder",
        "default",  # `default/not-specified`
        "your-org",
        "your_org",
        "yourorg",
        "your-username",
        "your_username",
        "your-name",
        "your_name",
        "username",
        "my-org",
        "my_org",
        "myorg",
        "my-username",
        "<org>",
        "<user>",
        "<username>",
        "xxx",
        "some_user",
        "some-user",
        "nonexistent",
        "nonexistent-org",
        "non-existent",
        "does-not-exist",
        "pathto",  # `DATA="pathto/data"`: "path to" run together
        "path-to",
        "path",  # `VAE_MODEL_PATH=PATH/vae_ckpt`: "the path where it is", to fill in
    }
)
# A name without a namespace in capitals with an underscore (`DATASET_PATH`, `YOUR_MODEL`): a
# placeholder named like the variable it stands for; the Hub's names without one are lower case
_SHOUTED = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
# "Not applicable": what a table writes where a row has no repository (`"hub(ckpt)": "N/A"`)
_NOT_APPLICABLE = frozenset({"N/A", "n/a", "N/a"})
_HUB_HOSTS = ("huggingface.co", "hf.co", "www.huggingface.co", "hf-mirror.com")
# A repository's address on the Hub: its page, a file in it (`/resolve/REV/...`, what
# wget, torch.hub and git clone fetch), or its git remote; `datasets/` before a dataset.
HUB_URL_PREFIXES = tuple(
    f"{scheme}://{host}/" for scheme in ("https", "http") for host in ("huggingface.co", "www.huggingface.co", "hf.co")
) + ("https://hf-mirror.com/",)
# Strings that name a repository by their prefix alone, wherever they are written. A Hub
# URL is not one of them: most are links (a model card, a licence), and only what
# fetches it (a loader, a download call, `git clone`, `wget`) makes it a dependency.
HUB_PREFIXES = ("hf-hub:", "hf_hub:", "hf.co/", "hf://", "HF://")
_FETCHED_ROUTES = frozenset({"resolve", "raw", "media"})


def fetched_hub_file(text: str) -> bool:
    """Whether `text` is the URL of a file in a Hub repository (`.../resolve/REV/FILE`): what a download fetches."""
    if not text.startswith(HUB_URL_PREFIXES):
        return False
    _dataset, parts = _hub_url_path(text)
    if len(parts) < 4:
        return False
    # A `blob` page of a weights file: diffusers' `from_single_file` and WebUIs' model lists take it as
    # the file itself (a page of any other file is a link)
    return parts[2] in _FETCHED_ROUTES or (parts[2] == "blob" and parts[-1].endswith(WEIGHTS_SUFFIXES))


WEIGHTS_SUFFIXES = (".safetensors", ".ckpt", ".pt", ".pth", ".bin", ".gguf")


def joined_datasets(text: str, kind: str) -> list[str]:
    """`a/x+b/y` for a dataset: each of them, as the training scripts of dataspeech, parler-tts and
    distil-whisper load them (no repository id holds a `+`, so a single id is never split).
    `org/name@train` is the dataset with its split, as verl's and EasyR1's data configurations write it."""
    if kind != DATASET:
        return [text]
    parts = text.split("+")
    if "@" in text:
        parts = [split.group(1) if (split := _WITH_SPLIT.fullmatch(part)) else part for part in parts]
    return parts


_WITH_SPLIT = re.compile(r"([\w.-]+/[\w.-]+)@\w+")


# The Hub's own pages: `huggingface.co/docs/...` is no repository `docs/...`.
_SITE_PAGES = frozenset(
    {
        "docs", "blog", "models", "spaces", "settings", "login", "join", "pricing", "api", "papers",
        "collections", "organizations", "tasks", "learn", "new", "posts", "chat", "inference-endpoints",
        "enterprise", "changelog", "terms-of-service", "privacy", "support", "search", "notifications",
        "course", "transformers", "front", "static", "avatars", "oauth", "welcome", "inference", "hub",
        "buckets",
    }
)  # fmt: skip
_FILE_ROUTES = frozenset({"resolve", "raw", "blob", "tree", "media"})
_NUMERIC = re.compile(r"v?\d+(?:[._:-]\d+)*")
_TRAINER_CHECKPOINT = re.compile(r"checkpoint-\d+")
# model.is_valid_repo_id in one test (with `--` and `..` looked for apart): one or two parts of 1 to 96
# letters, digits, `_`, `.`, `-`, neither starting nor ending with `.` or `-`.
_REPO_ID_PART = r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,94}[A-Za-z0-9_])?"
_REPO_ID = re.compile(rf"{_REPO_ID_PART}(?:/{_REPO_ID_PART})?")
# The prefixes strip_prefix removes that hold no `:`.
_PREFIXES_WITHOUT_COLON = ("hf.co/", "huggingface/")
_TAGGED = re.compile(r"hf\.co/([^\s:\"'`]+?)(?::([A-Za-z0-9_.-]+))?")


@dataclass(frozen=True)
class HubId:
    """A repository a string refers to: its type, id and, when the string pins one, revision."""

    type: str
    name: str
    revision: str | None = None


def _holds_code(names: frozenset[str]) -> bool:
    """Whether a folder's entries are a project's code: a package, Python modules, or a `src` folder."""
    return "__init__.py" in names or "src" in names or any(name.endswith(".py") for name in names)


class Tree:
    """The scanned tree, to tell a local path from a repository id."""

    def __init__(self, root: Path) -> None:
        self.root = os.path.abspath(root)
        # folder → the names in it, listed once; the walk fills it with the folders it lists
        self.listings: dict[str, frozenset[str]] = {}

    def exists(self, relative: str, directory: str | None = None) -> bool:
        """Whether `relative` (or its first segment, a folder) exists under the root or `directory`.

        The first segment decides (if `relative` exists, so does its first folder), and
        each folder is listed once, however many strings are asked about.
        """
        first, _, rest = relative.partition("/")
        for base in (self.root, directory):
            if base is None:
                continue
            if first in self._listing(base):
                if rest:
                    # An organisation named like a folder of the project's code (`routellm/mf_gpt4_augmented`
                    # beside the `routellm/` package, `WizardLM/WizardCoder-Python-34B-V1.0` beside the
                    # `WizardLM/` folder of its sources): a folder of code, and nothing of that name in
                    # it. A data or checkpoint folder may be filled at run time; a folder of code is not.
                    inside = self._listing(os.path.join(base, first))
                    if _holds_code(inside) and rest.split("/", 1)[0] not in inside:
                        continue
                return True
        # `internlm-xcomposer2d5-ol-7b/base` in `project/examples/infer.py`, run from `project/`: a folder
        # between the file's and the root. The path itself must be there, not only its first folder.
        if rest and directory is not None:
            if not os.path.isabs(directory):
                directory = os.path.abspath(directory)
            if not directory.startswith(self.root + os.sep):
                return False
            second = rest.split("/", 1)[0]
            base = os.path.dirname(directory)
            while len(base) > len(self.root):
                if first in self._listing(base) and second in self._listing(os.path.join(base, first)):
                    return True
                base = os.path.dirname(base)
        return False

    def _listing(self, folder: str) -> frozenset[str]:
        entries = self.listings.get(folder)
        if entries is None:
            try:
                entries = frozenset(os.listdir(folder))
            except OSError:
                entries = frozenset()
            self.listings[folder] = entries
        return entries

    def local_path(self, text: str, directory: str | None = None) -> str | None:
        """The absolute path `text` names inside the tree (relative to the root or `directory`), if it exists."""
        if os.path.isabs(text):
            candidates = [text]
        else:
            candidates = [os.path.join(base, text) for base in (directory, self.root) if base]
        for candidate in candidates:
            full = os.path.normpath(candidate)
            if (full == self.root or full.startswith(self.root + os.sep)) and os.path.exists(full):
                return full
        return None


def strip_prefix(text: str, default_type: str) -> tuple[str, str, str | None, bool]:
    """(text without a Hub prefix, type, revision, whether a prefix was present).

    `hf-hub:` / `hf_hub:` (timm, open_clip), `hf.co/ORG/NAME[:TAG]` (Ollama, llama.cpp:
    the tag picks a quantisation, not a revision), `hf://[datasets/]ORG/NAME[@REV][/file]`
    (fsspec, pandas, Keras presets), and LiteLLM's `huggingface/ORG/NAME` (the Hub's
    inference service running that model).
    """
    for prefix in ("hf-hub:", "hf_hub:"):
        if text.startswith(prefix):
            return text[len(prefix) :], default_type, None, True
    if text.startswith(HUB_URL_PREFIXES):
        return (*_hub_url(text, default_type), True)
    if text.startswith("hf.co/"):
        match = _TAGGED.fullmatch(text)
        return (match.group(1) if match else text[6:]), default_type, None, True
    if text.startswith("huggingface/") and text.count("/") == 2:
        return text[len("huggingface/") :], default_type, None, True
    if text[:5].lower() == "hf://":  # MLC writes `HF://`
        path = text[5:]
        kind = default_type
        if path.startswith("datasets/"):
            kind, path = DATASET, path[len("datasets/") :]
        elif path.startswith(("spaces/", "buckets/")):
            return "", kind, None, True  # a Space, or a storage bucket: no model or dataset repository
        elif path.startswith("models/"):
            kind, path = MODEL, path[len("models/") :]
        parts = path.split("/")
        repo = "/".join(parts[:2])
        revision = None
        if "@" in repo:
            repo, revision = repo.split("@", 1)
            revision = revision or None
        return repo, kind, revision, True
    return text, default_type, None, False


def _hub_url_path(url: str) -> tuple[bool, list[str]]:
    """(whether the path starts with `datasets/`, the path's parts from the repository on) of a Hub URL."""
    parts = url.split("://", 1)[1].split("?", 1)[0].split("#", 1)[0].split("/")[1:]
    if parts[0] == "datasets":
        return True, parts[1:]
    if parts[:2] == ["api", "datasets"] and len(parts) > 4 and parts[4] == "parquet":
        # the dataset's Parquet export: the listing of its files, each then downloaded
        return True, parts[2:4] + ["resolve", "main"]
    return False, parts


def _hub_url(url: str, default_type: str) -> tuple[str, str, str | None]:
    """(repository, type, revision) of a Hub URL; no repository for the site's own pages."""
    dataset, parts = _hub_url_path(url)
    kind = DATASET if dataset else default_type
    if not dataset and parts[0] in _SITE_PAGES:
        return "", kind, None  # a page of the site, or a Space
    repo = "/".join(parts[:2]).removesuffix(".git")
    revision = None
    if len(parts) >= 4 and parts[2] in _FILE_ROUTES and parts[3] not in ("main", "master"):
        revision = parts[3]  # `/resolve/<commit>/file` pins the file's revision
    return repo, kind, revision


def hub_reference(
    text: str,
    kind: str,
    tree: Tree | None,
    directory: str | None = None,
    *,
    bare: str = "any",
    prefixed_only: bool = False,
) -> HubId | None:
    """The repository `text` names, or None when it is not a Hub reference.

    `bare` says what to make of a name without a namespace (`gpt2`): "any" accepts
    it (a Hub loader was called with it), "legacy" only the canonical names of
    `LEGACY_MODELS` / `LEGACY_DATASETS`, "checkpoint" those but for the ones that are
    also an architecture's name (`gpt2`), "none" refuses it. `prefixed_only` is for
    loaders whose plain names are their own catalogue (timm's `resnet50`, open_clip's
    `ViT-B-32`): only `hf-hub:` values reach the Hub. `directory` is the folder of the
    file the string is in, for relative local paths; without a `tree`, nothing is
    asked of the file system.
    """
    if not isinstance(text, str) or not text or text != text.strip():
        return None
    if ":" in text or text.startswith(_PREFIXES_WITHOUT_COLON):
        name, kind, revision, prefixed = strip_prefix(text, kind)
    else:  # most strings: no prefix to strip (every other prefix strip_prefix knows holds a `:`)
        name, revision, prefixed = text, None, False
    if prefixed_only and not prefixed:
        return None
    # A path (`/x`, `./x`, `~/x`, `C:\\x`) or a URL is no repository id either: `/`, `.`, `~`, `\\` and `:`
    # cannot start a part, or be in one.
    if _REPO_ID.fullmatch(name) is None or "--" in name or ".." in name or name in _NOT_APPLICABLE:
        return None
    parts = name.split("/")
    for part in parts:
        if _NUMERIC.fullmatch(part):
            return None  # dates, versions, numbers
    if "." in parts[-1] and parts[-1].rsplit(".", 1)[1].lower() in FILE_EXTENSIONS:
        return None
    if _TRAINER_CHECKPOINT.fullmatch(parts[-1]):
        return None  # `run-name/checkpoint-500`: a folder a trainer saves during a run
    if len(parts) == 1:
        if kind == DATASET and name.lower() in DATASET_BUILDERS:
            return None
        if _SHOUTED.fullmatch(name):
            return None  # `--dataset="DATASET_PATH"`: a placeholder to fill in, named like a variable
        if _API_MODEL_NAME.match(name):
            return None
        if bare == "checkpoint" and name.lower() in _ARCHITECTURE_NAMES:
            return None
        if bare == "none" or (
            bare in ("legacy", "checkpoint") and name not in (LEGACY_DATASETS if kind == DATASET else LEGACY_MODELS)
        ):
            return None
        if kind == MODEL and not _canonical_model(name):
            return None  # only the Hub's first models have no organisation: this is a folder or an alias
        if name.lower() in PLACEHOLDERS:
            return None
    else:
        namespace = parts[0].lower()
        if (
            namespace in LOCAL_FOLDERS
            or namespace.endswith(LOCAL_FOLDER_SUFFIXES)
            or namespace in MIME_TYPES
            or namespace in PLACEHOLDERS
            or _FILLER.search(parts[1]) is not None
        ):
            return None
        if "_" in namespace and not prefixed:
            # The Hub's user and organisation names are letters, digits and dashes (its sign-up
            # rule; the ids' shape allows `_` for repository names): `hugging_cache/llama-2-7b`,
            # `path_to_nvila/llm` are folders. An explicit `hf-hub:` or `hf://` keeps it.
            return None
        if namespace in API_PROVIDERS and _provider_model(namespace, parts[1], kind, bare):
            return None
        if namespace == "openai" and _OPENAI_API_NAME.match(parts[1]):
            return None
    if not prefixed and tree is not None and tree.exists(name, directory):
        return None  # a folder of the project, not a repository
    return HubId(kind, name, revision)


def _provider_model(namespace: str, name: str, kind: str, bare: str) -> bool:
    """Whether `provider/name` is another service's model (LiteLLM's `anthropic/claude-3-haiku`).

    Some providers are Hub organisations too (`Anthropic/hh-rlhf`, `databricks/dolly-v2-3b`):
    a dataset, or a name a Hub loader receives (`bare == "any"`), is a repository unless
    the name is plainly an API model's.
    """
    if kind == DATASET:
        return False  # services serve models: a dataset is the Hub's
    if _API_MODEL_NAME.match(name):
        return True
    return bare != "any" and namespace not in HUB_ORGANISATIONS


def api_model_name(name: str) -> bool:
    """Whether a name without an organisation is a hosted API's model (`text-embedding-3-small`)."""
    return _API_MODEL_NAME.match(name) is not None


def _canonical_model(name: str) -> bool:
    """Whether a model name without an organisation is one of the Hub's canonical models (`gpt2`)."""
    return name in LEGACY_MODELS or name.lower() in SENTENCE_TRANSFORMERS_PLAIN


def could_be_repository(text: str) -> bool:
    """Whether `org/name` could name a repository, asking nothing of the file system.

    A cheap filter for strings found by a regular expression in files that are not
    parsed yet: it refuses what `hub_reference` refuses for the commonest reasons
    (a project folder, a number, a file, a MIME type, another service).
    """
    namespace, _, name = text.partition("/")
    lowered = namespace.lower()
    if not name or "/" in name or lowered in LOCAL_FOLDERS or lowered in MIME_TYPES:
        return False
    if _NUMERIC.fullmatch(namespace) or _NUMERIC.fullmatch(name):
        return False
    return not ("." in name and name.rsplit(".", 1)[1].lower() in FILE_EXTENSIONS)


def foreign(text: str, kind: str = MODEL) -> str | None:
    """What `text` is when it names a model of another service or host, or no Hub model, else None."""
    if not isinstance(text, str):
        return None
    if "://" in text:
        host = text.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
        return None if host in _HUB_HOSTS or not host else f"a URL on {host}"
    parts = text.split("/")
    if len(parts) == 1 and _API_MODEL_NAME.match(text):
        return "another service's model name"
    if (
        len(parts) == 1
        and kind == MODEL
        and text
        and text.strip() == text
        and not _canonical_model(text)
        and is_valid_repo_id(text)
    ):
        return "a name without an organisation (a folder made at run time?)"
    if len(parts) == 2 and (
        (parts[0].lower() in API_PROVIDERS and _API_MODEL_NAME.match(parts[1]))
        or (parts[0].lower() == "openai" and _OPENAI_API_NAME.match(parts[1]))
    ):
        return "another service's model name"
    return None
