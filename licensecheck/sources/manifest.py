"""Read the model manifest (`models.yaml` / `models.yml`) into model and dataset Components.

```yaml
models:
  - meta-llama/Llama-3.1-8B-Instruct        # short form: a Hub repository id
  - id: Qwen/Qwen2.5-7B-Instruct            # long form
    revision: main                          # branch, tag or commit
    license: apache-2.0                     # an override needs ...
    reason: "checked by legal, LEG-12"      # ... a reason of a few words, and the reverse
  - id: acme/support-bot                    # the organisation's own model
    own: true
    base_model: meta-llama/Llama-3.1-8B-Instruct   # one id or a list
    relation: finetune                      # finetune | adapter | quantized | merge
  - path: models/support-bot                # a model folder or .gguf file in this repository,
                                            # relative to this file (sources/local.py)
datasets:
  - HuggingFaceFW/fineweb
```

The file is composed, not loaded, so every value keeps its line and nothing
is constructed from tags. Types are checked on the YAML tag: `revision: 1.0`
is a float and is refused with a hint to quote it, rather than silently
becoming "1.0". Anchors and aliases are refused outright: the manifest does
not need them, and refusing them defeats alias-expansion bombs. Duplicate ids
are kept as separate Components; merging them is the caller's job.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import DATASET, MODEL, Component, LicenceOverride, Location, is_valid_repo_id
from ..overrides import reason_is_specific
from .common import read_text, relative_path

if TYPE_CHECKING:
    import yaml

RELATIONS = ("finetune", "adapter", "quantized", "merge")
_SECTIONS = {"models": MODEL, "datasets": DATASET}
_DATASET_KEYS = ("id", "revision", "license", "reason")
# `path` (a model folder or GGUF file in this repository) is the alternative to `id`.
_MODEL_ONLY_KEYS = ("own", "base_model", "relation", "path")
_MODEL_KEYS = _DATASET_KEYS + _MODEL_ONLY_KEYS

_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_ID_FORMAT = (
    "expected a Hub repository id 'namespace/name' (or a bare legacy name like 'gpt2'): "
    "letters, digits, '-', '_' and '.', each part 1-96 characters"
)


def read_manifest(path: Path, root: Path) -> list[Component]:
    """The models and datasets the manifest declares, each located at its entry's line."""
    import yaml

    where = relative_path(path, root)
    text = read_text(path, where)
    document = _compose(text, where)
    if document is None:
        return []
    if not isinstance(document, yaml.MappingNode):
        raise InputError(
            where, _line(document), "the manifest must be a mapping with `models:` and/or `datasets:` lists"
        )
    components: list[Component] = []
    for key, key_node, value in _pairs(document, where):
        if key not in _SECTIONS:
            raise InputError(where, _line(key_node), _unknown_key(key, "at the top level", tuple(_SECTIONS)))
        if _is_null(value):
            continue  # `models:` with every entry commented out
        if not isinstance(value, yaml.SequenceNode):
            raise InputError(where, _line(value), f"`{key}` must be a list of entries, got {_describe(value)}")
        components += [_read_entry(entry, _SECTIONS[key], where, path.parent, root) for entry in value.value]
    return components


def _read_entry(node: yaml.Node, kind: str, where: str, folder: Path, root: Path) -> Component:
    import yaml

    location = (Location(path=where, line=_line(node)),)
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        return Component(type=kind, name=_repo_id(node, where, "id"), locations=location)
    if not isinstance(node, yaml.MappingNode):
        raise InputError(
            where, _line(node), f"a {kind} entry must be a repository id or a mapping with `id:`, got {_describe(node)}"
        )

    valid_keys = _MODEL_KEYS if kind == MODEL else _DATASET_KEYS
    fields: dict[str, yaml.Node] = {}
    for key, key_node, value in _pairs(node, where):
        if kind == DATASET and key in _MODEL_ONLY_KEYS:
            raise InputError(
                where,
                _line(key_node),
                f"`{key}` applies to models only: a dataset entry takes {_listed(_DATASET_KEYS)}",
            )
        if key not in valid_keys:
            raise InputError(where, _line(key_node), _unknown_key(key, f"in a {kind} entry", valid_keys))
        fields[key] = value

    if "path" in fields:
        return _read_path_entry(fields, node, where, folder, root)
    if "id" not in fields:
        hint = " (or `path:` for a model folder or GGUF file in this repository)" if kind == MODEL else ""
        raise InputError(where, _line(node), f"this {kind} entry has no `id:`: add the Hub repository id{hint}")
    name = _repo_id(fields["id"], where, "id")
    revision = _revision(fields["revision"], where) if "revision" in fields else None
    override = _override(fields, node, where)
    own = _bool(fields["own"], where, "own") if "own" in fields else False
    base_models = _base_models(fields["base_model"], where) if "base_model" in fields else ()
    relation = _relation(fields["relation"], where) if "relation" in fields else None
    for key in ("base_model", "relation"):
        if key in fields and not own:
            raise InputError(
                where,
                _line(fields[key]),
                f"`{key}` describes how your own model derives from others: add `own: true`, "
                "or list the base model as an entry of its own",
            )
    if relation is not None and not base_models:
        raise InputError(where, _line(fields["relation"]), "`relation` needs a `base_model` to relate to")
    return Component(
        type=kind,
        name=name,
        revision=revision,
        override=override,
        locations=location,
        own=own,
        base_models=base_models,
        relation=relation,
    )


def _read_path_entry(fields: dict[str, yaml.Node], node: yaml.Node, where: str, folder: Path, root: Path) -> Component:
    """`- path: models/support-bot`: a model in this repository, read from its own files."""
    from .local import local_model_component

    for key in ("id", "revision", "own"):
        if key in fields:
            why = {
                "id": "`id` names a Hub repository and `path` a model in this repository: give one of them",
                "revision": "`revision` applies to Hub repositories: a local model is read as it is on disk",
                "own": "a `path` entry is read from its own files: `own` applies to `id` entries",
            }[key]
            raise InputError(where, _line(fields[key]), why)
    declared = _string(fields["path"], where, "path").strip()
    if not declared:
        raise InputError(where, _line(fields["path"]), "`path` is empty: give the model's folder or .gguf file")
    if Path(declared).is_absolute():
        raise InputError(
            where, _line(fields["path"]), f"{declared!r}: a local model's path must be relative to {where}"
        )
    name = declared.rstrip("/") or declared
    base_models = _base_models(fields["base_model"], where) if "base_model" in fields else ()
    relation = _relation(fields["relation"], where) if "relation" in fields else None
    if relation is not None and not base_models:
        raise InputError(where, _line(fields["relation"]), "`relation` needs a `base_model` to relate to")
    return local_model_component(
        folder / name,
        root,
        name=name,
        locations=(Location(path=where, line=_line(node)),),
        where=where,
        line=_line(fields["path"]),
        base_models=base_models,
        relation=relation,
        override=_override(fields, node, where),
    )


def _override(fields: dict[str, yaml.Node], entry: yaml.Node, where: str) -> LicenceOverride | None:
    if "license" not in fields and "reason" not in fields:
        return None
    if "reason" not in fields:
        raise InputError(
            where, _line(fields["license"]), "a `license` override needs a `reason:` saying who checked it and why"
        )
    if "license" not in fields:
        raise InputError(
            where, _line(fields["reason"]), "`reason` explains a `license` override: add `license:`, or remove `reason`"
        )
    licence = _string(fields["license"], where, "license").strip()
    reason = _string(fields["reason"], where, "reason").strip()
    if not licence:
        raise InputError(where, _line(fields["license"]), "`license` is empty: give a licence id such as apache-2.0")
    if not reason:
        raise InputError(where, _line(fields["reason"]), "`reason` is empty: say who checked the licence and why")
    if not reason_is_specific(reason):
        raise InputError(
            where,
            _line(fields["reason"]),
            "`reason` must say in a few words who checked the licence and why "
            f'(e.g. "checked by legal, ticket LEG-12"), not {reason!r}',
        )
    # Where it is set: reports name the line, and only some manifests may set one (overrides.py).
    return LicenceOverride(id=licence, reason=reason, location=Location(path=where, line=_line(fields["license"])))


def _repo_id(node: yaml.Node, where: str, key: str) -> str:
    text = _string(node, where, key)
    if not is_valid_repo_id(text):
        raise InputError(where, _line(node), f"invalid repository id {text!r} in `{key}`: {_ID_FORMAT}")
    return text


def _revision(node: yaml.Node, where: str) -> str:
    text = _string(node, where, "revision")
    if not text or ".." in text or any(character.isspace() or not character.isprintable() for character in text):
        raise InputError(
            where,
            _line(node),
            f"invalid revision {text!r}: expected a branch, tag or commit hash without spaces, "
            "control characters or '..'",
        )
    return text


def _base_models(node: yaml.Node, where: str) -> tuple[str, ...]:
    import yaml

    if isinstance(node, yaml.SequenceNode):
        if not node.value:
            raise InputError(where, _line(node), "`base_model` is an empty list: name at least one repository id")
        return tuple(_repo_id(item, where, "base_model") for item in node.value)
    return (_repo_id(node, where, "base_model"),)


def _relation(node: yaml.Node, where: str) -> str:
    text = _string(node, where, "relation")
    if text not in RELATIONS:
        raise InputError(where, _line(node), f"invalid relation {text!r}: expected one of {_listed(RELATIONS)}")
    return text


def _string(node: yaml.Node, where: str, key: str) -> str:
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        return node.value
    hint = f' (quote it: {key}: "{node.value}")' if isinstance(node, yaml.ScalarNode) and not _is_null(node) else ""
    raise InputError(where, _line(node), f"`{key}` must be a string, got {_describe(node)}{hint}")


def _bool(node: yaml.Node, where: str, key: str) -> bool:
    import yaml

    if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
        return bool(yaml.constructor.SafeConstructor.bool_values[node.value.lower()])
    raise InputError(where, _line(node), f"`{key}` must be true or false, got {_describe(node)}")


def _pairs(node: yaml.MappingNode, where: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """(key, key node, value node) for a mapping whose keys are unique plain strings."""
    import yaml

    seen: dict[str, int] = {}
    pairs: list[tuple[str, yaml.Node, yaml.Node]] = []
    for key_node, value in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise InputError(where, _line(key_node), f"keys must be plain names, got {_describe(key_node)}")
        key = key_node.value
        if key in seen:
            raise InputError(where, _line(key_node), f"key {key!r} appears twice (first on line {seen[key]})")
        seen[key] = _line(key_node)
        pairs.append((key, key_node, value))
    return pairs


def _compose(text: str, where: str) -> yaml.Node | None:
    import yaml

    try:
        return yaml.compose(text, Loader=_loader())
    except _AnchorFound as found:
        message = "anchors and aliases are not supported: write each value out in full"
        raise InputError(where, found.line, message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        reason = ": ".join(part for part in (error.context, error.problem) if part)
        raise InputError(where, line, f"invalid YAML: {reason or 'cannot parse'}") from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        character = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
        raise InputError(where, line, f"invalid YAML: character U+{character:04X} is not allowed in YAML") from None
    except yaml.YAMLError as error:
        raise InputError(where, None, f"invalid YAML: {error}") from None
    except RecursionError:
        raise InputError(where, None, "invalid YAML: nested too deeply") from None


class _AnchorFound(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


@lru_cache(maxsize=1)
def _loader() -> type:
    """A SafeLoader that stops at the first anchor or alias, before any expansion."""
    import yaml

    class ManifestLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            event = self.peek_event()
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise _AnchorFound(event.start_mark.line + 1)
            return super().compose_node(parent, index)

    return ManifestLoader


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _is_null(node: yaml.Node) -> bool:
    return node.tag == _NULL


def _describe(node: yaml.Node) -> str:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    kinds = {
        _STR: "a string",
        _BOOL: "a boolean",
        _NULL: "nothing",
        "tag:yaml.org,2002:int": "a number",
        "tag:yaml.org,2002:float": "a number",
        "tag:yaml.org,2002:timestamp": "a date",
    }
    return kinds.get(node.tag, f"a value tagged {node.tag}")


def _unknown_key(key: str, where_in_file: str, valid: tuple[str, ...]) -> str:
    import difflib

    close = difflib.get_close_matches(key, valid, n=1)
    suggestion = f"did you mean {close[0]!r}? " if close else ""
    return f"unknown key {key!r} {where_in_file}: {suggestion}valid keys are {_listed(valid)}"


def _listed(names: tuple[str, ...]) -> str:
    return ", ".join(names)
