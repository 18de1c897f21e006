"""References in configuration files: YAML, JSON and TOML, at any depth.

A value under a model key (`model`, `model_id`, `model_name`, `model_name_or_path`,
`base_model`, `pretrained_model`, `tokenizer_name`...; see `keys.py`) is a model,
under `dataset`, `dataset_name` or `datasets` a dataset. Keys match whatever their
case or separator (`modelName`, `MODEL_ID`, `model-name`). A value may be a
string, a list of strings, or a mapping with `path` / `id` / `name` / `repo_id`
(Axolotl's `datasets: [{path: ...}]`). Kubernetes `env` entries (`name: MODEL_ID`,
`value: ...`), `KEY=value` list items (Compose `environment`) and the commands
under `command`, `args` and `entrypoint` are read too, as are `hf.co/...`,
`hf://...` and `hf-hub:...` strings anywhere.

A namespaced id (`org/name`) is required, except under keys a Hub loader reads
as is (`model_name_or_path: gpt2`) and for the Hub's canonical legacy names:
`model: gpt-4o` in a configuration names another service's model.

Lines: YAML is composed (each node keeps its line), JSON and TOML strings are
located in the text in document order.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..model import DATASET, MODEL, Location
from .collect import Collector
from .container import Variables, Word, offset_locator, scan_command_text
from .ids import HUB_PREFIXES, fetched_hub_file, joined_datasets
from .keys import HOSTED_SERVICES, ID_FIELDS, MIXER_KEYS, TABLE_KEYS, key_type, normalise, override_type

# Searched for in the lowered text (has_config_hint): an expression that ignores case tries a match
# at every byte, one in lower case only where a word can start.
CONFIG_HINT = re.compile(rb"model|dataset|tokenizer|hf\.co/|huggingface\.co/|hf://|hf[-_]hub:|hf-repo|download|-hf\b")
COMMAND_KEYS = frozenset({"command", "args", "entrypoint", "cmd", "run"})  # `run`: a CI step's shell commands
# `hf_name`: the Hub name of a dataset given beside its local path (llm-foundry's `dataset: {hf_name: ...}`)
_ID_FIELDS = ("path", "id", "name", "repo_id", "repo", "name_or_path", "hf_name")
_CHOICE_FIELDS = ("value", "values", "default", "choices")
_DATASET_ARGUMENTS = frozenset({"dataset_info", "dataset_kwargs", "dataset_args", "load_dataset_kwargs"})
DATA_ROWS = 20  # a JSON list of more records than this is a table of data
# A string token: runs of plain characters between escapes, each run taken whole (`*+`: neither run
# holds the `"` that ends the token nor the `\` that starts an escape, so giving back characters never
# lets a match end elsewhere). The same tokens as `"(?:[^"\\\n]|\\.)*"`, several times faster on a large
# file: that one goes through its alternation at every character.
_JSON_STRING = re.compile(r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"')
_LOOKAHEAD = 64  # tokens a JSON string is looked for ahead of the last one found (duplicate keys shift them)

# A tree every format is turned into: ("s", text, line) for a string, ("m", [(key, node)])
# for a mapping, ("l", [node]) for a list, ("o",) for anything else. YAML's mappings hold
# their keys' lines too: ("m", [(key, node)], [line]).
Node = tuple


def has_config_hint(data: bytes, relative: str) -> bool:
    """Whether a configuration file's text holds a word that may lead to a reference, in any case,
    or its folder is a config group named like a model or dataset key (`configs/model/x.yaml`);
    never for a vendored copy of a library's catalogue of configurations."""
    if _in_vendored_catalogue(relative):
        return False
    # bytes.lower: ASCII letters only, as `(?i)` on bytes
    return CONFIG_HINT.search(data.lower()) is not None or config_group(relative) is not None


# open_clip's `model_configs/*.json` are a catalogue: `create_model("xlm-roberta-base-ViT-B-32")`
# picks one by its file name, and only then loads its `hf_model_name`. In open_clip itself
# (`src/open_clip/`, or at the root) each is a model a user can choose; in a project that carries a
# copy (`utils/open_clip/`, EVA-CLIP's `eva_clip/`), its own code picks one or two of them by name,
# and the rest are never loaded.
_CATALOGUE_OWNERS = frozenset({"open_clip", "eva_clip"})


def _in_vendored_catalogue(relative: str) -> bool:
    parts = relative.split("/")
    return len(parts) >= 4 and parts[-2] == "model_configs" and parts[-3] in _CATALOGUE_OWNERS and parts[:-3] != ["src"]


def config_group(relative: str) -> str | None:
    """Hydra's config group a YAML file belongs to, when its folder is named like a model or
    dataset key: `configs/model/gemma.yaml` holds what `model` is."""
    if not relative.endswith((".yaml", ".yml")) or "/" not in relative:
        return None
    folder = relative.rsplit("/", 2)[-2]
    return folder if key_type(folder) is not None else None


def scan_config(text: str, kind: str, relative: str, directory: str, collector: Collector) -> None:
    """One configuration file (`kind` is yaml, json or toml).

    Data is not configuration: a JSON file that is a table (a list of more than
    DATA_ROWS records: results, a dataset) or JSON Lines is not read, nor is a YAML
    file that does not parse because it is a template (`{{ .Values.model }}`).
    """
    try:
        if kind == "yaml":
            documents = _yaml_trees(text)
        elif kind == "json":
            data = json.loads(text)
            if isinstance(data, list) and len(data) > DATA_ROWS and all(isinstance(row, dict) for row in data):
                return
            documents = [_located_tree(data, text, "json")]
        else:
            import tomllib

            documents = [_located_tree(tomllib.loads(text), text)]
    except _Unparsable as error:
        if "{{" not in text:
            collector.unparsable(Location(relative, error.line), f"not valid {kind.upper()} ({error.message})")
        return
    except ValueError as error:  # json.JSONDecodeError and tomllib.TOMLDecodeError
        if kind == "json" and _json_lines(text):
            return
        collector.unparsable(
            Location(relative, getattr(error, "lineno", None)), f"not valid {kind.upper()} ({_first_line(error)})"
        )
        return
    except RecursionError:
        collector.unparsable(Location(relative), f"not readable {kind.upper()} (nested too deeply)")
        return
    reader = _Reader(relative, directory, collector, kind == "yaml")
    # Hydra's config group: `configs/model/gemma.yaml` holds what `model` is, so its top-level
    # `path: google/gemma-3-12b-pt` is read as `model.path` would be on a command line. So is its
    # `name` where no such field is beside it (MEND's `config/model/gptj.yaml`: `name:
    # EleutherAI/gpt-j-6B`): the file is one choice of the group, named by what it chooses. Beside a
    # `path`, `name` is the dataset's subset (`load_dataset(path, name)`).
    group = config_group(relative) if kind == "yaml" else None
    for document in documents:
        reader.document = document if kind == "yaml" else None
        if group is not None and document[0] == "m":
            named = ID_FIELDS.isdisjoint(key for key, _ in document[1])
            for key, child in document[1]:
                if not isinstance(key, str) or child[0] != "s":
                    continue
                found = override_type(f"{group}.{'path' if key == 'name' and named else key}")
                if found:
                    reader._consider(child, found[0], found[1], f"{group}.{key}")
        reader.walk(document)


# OmegaConf's interpolation of another key of the configuration, from its root: `${model.size}`
_INTERPOLATION = re.compile(r"\$\{([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\}")


def _interpolated(text: str, document: Node) -> str:
    """`osunlp/MindAct-flan-t5-${model.size}` with `model: {size: base}` in the same file: each
    interpolation of a key the file sets to a plain value, put in (a few levels deep at most)."""
    for _ in range(3):
        if "${" not in text:
            break

        def value(match: re.Match) -> str:
            node: Node = document
            for part in match.group(1).split("."):
                found = next((child for key, child in node[1] if key == part), None) if node[0] == "m" else None
                if found is None:
                    return match.group(0)
                node = found
            return node[1] if node[0] == "s" else match.group(0)

        text = _INTERPOLATION.sub(value, text)
    return text


def _json_lines(text: str) -> bool:
    """Whether `text` is JSON Lines: one JSON value per line, more than one line."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        for line in lines:
            json.loads(line)
    except ValueError:
        return False
    return True


class _Unparsable(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


class _Reader:
    def __init__(self, relative: str, directory: str, collector: Collector, yaml: bool = False) -> None:
        self.relative = relative
        self.directory = directory
        self.collector = collector
        self.seen: set[int] = set()
        # `name_or_path:` in YAML names the model to load (Hydra's model configs); in the JSON a
        # saved model carries (config.json, tokenizer_config.json) it only says where that model came from.
        self.name_or_path = yaml
        self.remote = 0  # how many of the mappings being read say their model is a service's (_names_a_service)
        self.document: Node | None = None  # the document being read, which `${a.b}` interpolations point into

    def walk(self, node: Node) -> None:
        if node[0] == "s":
            if node[1].startswith(HUB_PREFIXES):
                self._consider(node, "model", "none", "a Hub address", prefixed_only=True)
            elif fetched_hub_file(node[1]):
                # `https://huggingface.co/ORG/NAME/resolve/main/model.safetensors`: a direct download
                # link, which a configuration holds to have it fetched (a preset's *_downloads)
                self._consider(node, "model", "none", "a Hub file's address", prefixed_only=True)
            return
        if node[0] == "o" or id(node) in self.seen:
            return
        self.seen.add(id(node))  # YAML aliases share nodes: each is read once
        if node[0] == "l":
            for item in node[1]:
                if item[0] == "s" and "=" in item[1]:
                    name, _, value = item[1].partition("=")
                    found = key_type(name)
                    if found:
                        self._consider(("s", value, item[2]), found[0], found[1], name)
                self.walk(item)
            return
        fields = {k: v for k, v in node[1] if isinstance(k, str)}
        remote = _names_a_service(fields)
        if not remote and _from_the_hub(fields):
            # `{distribution_channel: HuggingFaceSnapshot, distribution_path: meta-llama/Llama-2-7b-hf}`
            # (torchchat's models.json): the path is a Hub repository, whatever its key's name
            for key, child in fields.items():
                if child[0] == "s" and not _HUB_ID_WORDS.isdisjoint(normalise(key).split("_")):
                    self._consider(child, DATASET if "dataset" in key.lower() else MODEL, "none", key)
        self.remote += remote
        name, value = fields.get("name"), fields.get("value")
        if name and value and name[0] == "s" and value[0] == "s" and (found := key_type(name[1])):
            self._consider(value, found[0], found[1], name[1])  # a Kubernetes env entry
        for key, child in node[1]:
            if not isinstance(key, str):
                self.walk(child)
                continue
            found = key_type(key)
            if found is None and self.name_or_path and key == "name_or_path":
                found = (MODEL, "legacy")
            if found is None and child[0] == "m" and normalise(key) in _DATASET_ARGUMENTS:
                # `dataset_info: {path: bigbio/pubmed_qa, name: ...}`: `load_dataset(**dataset_info)`,
                # whose `name` is the subset
                for field, value in child[1]:
                    if field == "path" and value[0] == "s":
                        self._consider(value, DATASET, "legacy", f"{key}.path")
            if found is None and child[0] == "s" and "dataset" in key.lower() and child[1].startswith(HUB_PREFIXES):
                # `dataset_uri: hf://ORG/NAME`: a Hub address is a model's unless it says otherwise, and
                # here its key does
                self._consider(child, DATASET, "none", key, prefixed_only=True)
                continue
            if found is not None:
                self._take(child, found[0], found[1], key)
            if key.lower() in COMMAND_KEYS:
                self._command(child)
            self.walk(child)
        self.remote -= remote

    def _take(self, node: Node, kind: str, bare: str, key: str) -> None:
        if node[0] == "s":
            self._consider(node, kind, bare, key)
        elif node[0] == "l":
            for item in node[1]:
                if item[0] == "s":
                    self._consider(item, kind, bare, key)
                elif item[0] == "m":
                    self._id_fields(item, kind, key)
        elif node[0] == "m":
            if normalise(key) in TABLE_KEYS:  # `model2path: {e5: intfloat/e5-base-v2, ...}`: every value
                for _name, child in node[1]:
                    if child[0] == "s":
                        self._consider(child, kind, bare, key)
            elif (normalise(key) in MIXER_KEYS or normalise(key).endswith("_or_datasets")) and len(node) > 2:
                # `dataset_mixer: {HuggingFaceH4/ultrachat_200k: 1.0}`: each key, with its share
                for (name, _child), line in zip(node[1], node[2]):
                    if isinstance(name, str):
                        self._consider(("s", name, line), kind, bare, key)
            else:
                self._id_fields(node, kind, key)

    def _id_fields(self, node: Node, kind: str, key: str) -> None:
        for field_name, child in node[1]:
            if not isinstance(field_name, str):
                continue
            field = field_name.lower()
            if field in _ID_FIELDS and child[0] == "s":
                self._consider(child, kind, "legacy", f"{key}.{field_name}")
            elif field in _CHOICE_FIELDS:
                # a sweep's or a form's values for the key (wandb: `model_name_or_path: {values: [...]}`)
                for item in child[1] if child[0] == "l" else [child]:
                    if item[0] == "s":
                        self._consider(item, kind, "legacy", f"{key}.{field_name}")

    def _consider(self, node: Node, kind: str, bare: str, key: str, prefixed_only: bool = False) -> None:
        text, line = node[1], node[2]
        if self.remote and kind == MODEL and not prefixed_only:
            return  # a name a hosted API serves (`fn_completions: openai_completions`), not a Hub download
        location = Location(self.relative, line)
        if "${" in text and self.document is not None:
            text = _interpolated(text, self.document)  # OmegaConf's `${model.size}` of the same file
        if "$" in text:
            expanded = Variables().expand(Word(text, 0))
            if expanded is None:
                self.collector.unknown(
                    location, f"`{key}`: the {kind} is not statically known ({text} is set at run time)"
                )
                return
            text = expanded.text
        for part in joined_datasets(text, kind):
            self.collector.consider(
                part,
                kind,
                location,
                f"config key {key}",
                directory=self.directory,
                bare=bare,
                prefixed_only=prefixed_only,
            )

    def _command(self, node: Node) -> None:
        if node[0] == "s":
            scan_command_text(
                node[1], self.collector, offset_locator(node[1], self.relative, node[2]), self.directory, "command"
            )
        elif node[0] == "l" and all(item[0] == "s" for item in node[1]):
            items = node[1]
            text, starts = "", []
            for item in items:
                starts.append((len(text), item[2]))
                word = item[1]
                text += (f'"{word}"' if " " in word or not word else word) + " "

            def locate(offset: int) -> Location:
                line = starts[0][1]
                for start, item_line in starts:
                    if start <= offset:
                        line = item_line
                return Location(self.relative, line)

            scan_command_text(text, self.collector, locate, self.directory, "command")


# A mapping that sends its requests to a hosted API says so in a key such as `provider`, `client`
# or `fn_completions` (alpaca_eval): the model named beside it, or below it, is that service's
# name for it, sent over the network, even when it reads like a Hub id (`meta-llama/...-Turbo`).
_SERVICE_KEY_WORDS = frozenset({"fn", "provider", "backend", "client", "api", "engine", "type"})
_WORDS = re.compile(r"[a-z0-9]+")


# A `provider:` that is none of these serves the model itself (`provider: novita`, `openrouter`)
_LOCAL_PROVIDERS = frozenset(
    {"huggingface", "hf", "hub", "transformers", "local", "vllm", "sglang", "tgi", "llamacpp", "llama_cpp", "ollama"}
)


def _names_a_service(fields: dict[str, Node]) -> bool:
    for key, child in fields.items():
        if child[0] != "s" or len(child[1]) >= 64:
            continue
        value = child[1].lower()
        if key == "provider" and value and value not in _LOCAL_PROVIDERS:
            return True
        # the value first: most name no service (the key's words cost more)
        if not HOSTED_SERVICES.isdisjoint(_WORDS.findall(value)):
            if not _SERVICE_KEY_WORDS.isdisjoint(normalise(key).split("_")):
                return True
    return False


# A mapping says its model comes from the Hub in a key such as `source` or `distribution_channel`
_SOURCE_KEY_WORDS = frozenset({"source", "channel", "hub", "origin", "platform", "host", "provider", "distribution"})
_HUB_SOURCES = ("huggingface", "hugging_face", "hugging face", "hf_hub")
_HUB_ID_WORDS = frozenset({"path", "repo", "id"})


def _from_the_hub(fields: dict[str, Node]) -> bool:
    for key, child in fields.items():
        # a source's name, not a repository of the HuggingFaceH4 organisation (`hub_model_id: HuggingFaceH4/x`)
        if child[0] == "s" and child[1][:2].lower() in ("hu", "hf") and len(child[1]) < 64 and "/" not in child[1]:
            value = child[1].lower()
            if (value.startswith(_HUB_SOURCES) or value in ("hf", "hub")) and not _SOURCE_KEY_WORDS.isdisjoint(
                normalise(key).split("_")
            ):
                return True
    return False


def data_tree(text: str, kind: str) -> Node | None:
    """A JSON or YAML document (one) as a located tree; None when it does not parse (python/datafiles.py)."""
    try:
        if kind == "json":
            return _located_tree(json.loads(text), text, "json")
        documents = _yaml_trees(text)
    except (ValueError, RecursionError, _Unparsable):
        return None
    return documents[0] if len(documents) == 1 else None


def _yaml_trees(text: str) -> list[Node]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        documents = list(yaml.compose_all(text, Loader=loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise _Unparsable(mark.line + 1 if mark else None, error.problem or "malformed YAML") from None
    except yaml.YAMLError as error:
        raise _Unparsable(None, _first_line(error)) from None
    converted: dict[int, Node] = {}
    return [_from_yaml(d, converted) for d in documents if d is not None]


def _from_yaml(node: Any, converted: dict[int, Node]) -> Node:
    import yaml

    known = converted.get(id(node))
    if known is not None:
        return known
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:str":
            line = node.start_mark.line + 1
            if node.style in ("|", ">"):
                line += 1  # a block scalar's text starts below its indicator
            result: Node = ("s", node.value, line)
        else:
            result = ("o",)
        converted[id(node)] = result
        return result
    if isinstance(node, yaml.SequenceNode):
        items: list[Node] = []
        result = ("l", items)
        converted[id(node)] = result
        items.extend(_from_yaml(child, converted) for child in node.value)
        return result
    if isinstance(node, yaml.MappingNode):
        pairs: list = []
        key_lines: list[int] = []
        result = ("m", pairs, key_lines)
        converted[id(node)] = result
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            pairs.append((name, _from_yaml(value, converted)))
            key_lines.append(key.start_mark.line + 1)
        return result
    return ("o",)


def _located_tree(data: Any, text: str, kind: str = "toml") -> Node:
    """A parsed JSON or TOML document as a tree, each string given the line it is written on.

    JSON: the document's string tokens, in order, are its keys and string values in the
    order a walk of the parsed data meets them, so each is matched to the next token
    (one pass over the text, however large). TOML (small files): each is searched for
    from where the last one was found.
    """
    from bisect import bisect_right

    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
    if kind == "json":
        tokens = [(match.start(), match.group()) for match in _JSON_STRING.finditer(text)]
        position = [0]

        def locate(value: str, key: bool = False) -> int | None:
            for index in range(position[0], min(position[0] + _LOOKAHEAD, len(tokens))):
                start, raw = tokens[index]
                if (raw[1:-1] if "\\" not in raw else json.loads(raw)) == value:
                    position[0] = index + 1
                    return bisect_right(line_starts, start)
            return None
    else:
        cursor = [0]

        def locate(value: str, key: bool = False) -> int | None:
            candidates = (
                (json.dumps(value), json.dumps(value, ensure_ascii=False), f"'{value}'", value)
                if not key
                else (json.dumps(value, ensure_ascii=False), value)
            )
            for start in (cursor[0], 0):
                best = -1
                for candidate in candidates:
                    found = text.find(candidate, start)
                    if found != -1 and (best == -1 or found < best):
                        best = found
                if best != -1:
                    if start == cursor[0]:
                        cursor[0] = best + 1
                    return bisect_right(line_starts, best)
            return None

    def convert(value: Any, depth: int = 0) -> Node:
        if depth > 200:
            return ("o",)
        if isinstance(value, str):
            return ("s", value, locate(value))
        if isinstance(value, dict):
            pairs = []
            for key, child in value.items():
                if isinstance(key, str):
                    locate(key, key=True)
                pairs.append((key, convert(child, depth + 1)))
            return ("m", pairs)
        if isinstance(value, list):
            return ("l", [convert(item, depth + 1) for item in value])
        return ("o",)

    return convert(data)
