"""Local models: a folder holding a model, or a single GGUF file, inside the scanned tree.

A folder is a model when it holds any of `config.json`, `adapter_config.json`,
`*.safetensors`, `*.gguf`, or a `README.md` that starts with a model card's
YAML front matter. What it says about itself:

- licence: the card's `license` (+ `license_name`, `license_link`), else the
  `general.license*` keys of its GGUF file, else its LICENSE/LICENCE file's text;
- ancestors: the card's `base_model` (+ `base_model_relation`), else
  `adapter_config.json`'s `base_model_name_or_path` (an adapter), else the GGUF
  file's `general.base_model.N.*` keys (a Hub `repo_url`), else its
  `general.source.repo_url` (a conversion: `quantized`).

The card is read as the Hub's are (card.py). A local model is never fetched:
`resolve/local.py` reads its licence from these files, and its ancestors, being
Hub models, are resolved like any other (lineage).
The files are read once, when the component is made, and travel with it
(`Component.local_files`). A file that is a symbolic link out of the scanned tree
is not read (it could be any file on the machine): it is a problem, and the
model's licence is unknown. So is a card or JSON file nested too deeply to parse.

`local_model_component` is the one way to turn a path into a Component: the
manifest's `- path:` entries, `*.gguf` files found by walking the tree, and
discovery's `from_pretrained("./models/x")` all go through it. The component's
`name` is the path as declared, its `path` the absolute location.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from ..card import CardError, card_metadata, lineage_from_metadata
from ..errors import InputError
from ..findings import LOCAL_BASE_NOT_FOLLOWED, LOCAL_MODEL_UNREADABLE
from ..model import MODEL, Component, Finding, LicenceOverride, Location, Severity, is_valid_repo_id
from .common import is_inside, relative_path

MODEL_MARKER_FILES = ("config.json", "adapter_config.json")
MODEL_MARKER_SUFFIXES = (".safetensors", ".gguf")
CARD_NAME = "README.md"
_LICENCE_PREFIXES = ("license", "licence")
_MAX_CARD_BYTES = 1024 * 1024
_MAX_LICENCE_BYTES = 512 * 1024
_MAX_CONFIG_BYTES = 1024 * 1024
_HUB_HOSTS = ("huggingface.co", "hf.co", "www.huggingface.co")
ADAPTER = "adapter"
QUANTIZED = "quantized"


@dataclass(frozen=True)
class ModelFiles:
    """What a local model's own files say, read without loading any weights.

    Paths (`card_file`, `licence_file`, `gguf_file`) are as shown in reports:
    relative to the scanned root. `problems` are files that exist but cannot be
    read or parsed: they make the licence unknown rather than silently absent.
    """

    shown: str
    card: dict | None = None
    card_file: str | None = None
    licence_file: str | None = None
    licence_text: str | None = None
    gguf: dict | None = None
    gguf_file: str | None = None
    adapter_config: dict | None = None
    problems: tuple[Finding, ...] = ()


def is_gguf_file(path: Path) -> bool:
    return path.suffix.lower() == ".gguf" and path.is_file()


def is_model_folder(path: Path) -> bool:
    """Whether `path` is a directory that holds a model (see the module docstring)."""
    if not path.is_dir():
        return False
    try:
        names = os.listdir(path)
    except OSError:
        return False
    for name in names:
        if name in MODEL_MARKER_FILES or name.lower().endswith(MODEL_MARKER_SUFFIXES):
            return True
    card = path / CARD_NAME
    return card.is_file() and _starts_with_front_matter(card)


def is_local_model(path: Path) -> bool:
    """A model folder or a GGUF file."""
    return is_gguf_file(path) or is_model_folder(path)


def local_model_component(
    path: Path,
    root: Path,
    *,
    name: str | None = None,
    locations: tuple[Location, ...] = (),
    where: str | None = None,
    line: int | None = None,
    base_models: tuple[str, ...] = (),
    relation: str | None = None,
    override: LicenceOverride | None = None,
) -> Component:
    """The model component for the folder or GGUF file at `path`, inside `root`.

    `name` is the path as the user wrote it (default: `path` relative to `root`).
    `base_models`/`relation` declared by the caller (the manifest) win over what
    the files say. Raises `InputError` at `where`:`line` (default: the path
    itself) when the path leaves `root`, does not exist, or holds no model.
    """
    shown = relative_path(path, root)
    name = name or shown
    at = where or shown
    check_inside(path, root, at, line, name)
    if not path.exists():
        raise InputError(
            at, line, f"{name!r}: no such file or folder (paths are relative to the file that declares them)"
        )
    if not is_local_model(path):
        raise InputError(
            at,
            line,
            f"{name!r} does not look like a model: expected a .gguf file, or a folder holding config.json, "
            "adapter_config.json, *.safetensors, *.gguf or a README.md with a model card",
        )
    files = read_model_files(path, shown, root)
    notes: tuple[Finding, ...] = ()
    if not base_models:
        base_models, relation, notes = lineage_of(files)
    return Component(
        type=MODEL,
        name=name,
        override=override,
        locations=locations or (Location(path=shown),),
        base_models=base_models,
        relation=relation,
        path=str(path.resolve()),
        notes=notes,
        local_files=files,
    )


def check_inside(path: Path, root: Path, where: str, line: int | None, name: str) -> None:
    """InputError unless `path` (symbolic links followed) lies within `root`."""
    if not is_inside(path, root):
        raise InputError(where, line, f"{name!r} is outside the scanned tree: only models inside it are read")


# -- reading the files -------------------------------------------------------------------


def read_model_files(path: Path, shown: str, root: Path | None = None) -> ModelFiles:
    """Read the card, LICENSE, adapter config and GGUF header of a model folder or file.

    Only files that lie within `root` (default: the model's own folder), symbolic
    links followed, are read; one that leads out of it is a problem.
    """
    if path.is_file():
        outside = _outside(path, root or path.parent, shown)
        if outside is not None:
            return ModelFiles(shown, problems=(outside,))
        gguf, problem = _read_gguf(path, shown)
        return ModelFiles(
            shown, gguf=gguf, gguf_file=shown if gguf is not None else None, problems=tuple(_some(problem))
        )
    root = root or path
    problems: list[Finding] = []
    card, card_file, problem = _read_card(path / CARD_NAME, f"{shown}/{CARD_NAME}", root)
    problems += _some(problem)
    licence_file, licence_text, problem = _read_licence_file(path, shown, root)
    problems += _some(problem)
    adapter, problem = _read_json(path / "adapter_config.json", f"{shown}/adapter_config.json", root)
    problems += _some(problem)
    gguf = gguf_file = None
    ggufs = sorted(name for name in os.listdir(path) if name.lower().endswith(".gguf") and (path / name).is_file())
    if ggufs:
        gguf_file = f"{shown}/{ggufs[0]}"
        problem = _outside(path / ggufs[0], root, gguf_file)
        if problem is None:
            gguf, problem = _read_gguf(path / ggufs[0], gguf_file)
        problems += _some(problem)
    return ModelFiles(
        shown,
        card=card,
        card_file=card_file,
        licence_file=licence_file,
        licence_text=licence_text,
        gguf=gguf,
        gguf_file=gguf_file if gguf is not None else None,
        adapter_config=adapter,
        problems=tuple(problems),
    )


def _some(problem: Finding | None) -> list[Finding]:
    return [problem] if problem is not None else []


def _problem(message: str) -> Finding:
    return Finding(Severity.ERROR, LOCAL_MODEL_UNREADABLE, message)


def _outside(path: Path, root: Path, shown: str) -> Finding | None:
    """A problem when `path` leads out of `root` through a symbolic link: such a file is not read."""
    if is_inside(path, root):
        return None
    return _problem(
        f"{shown} is a symbolic link out of the scanned tree: not read; copy the file into the model's folder"
    )


def _read_bytes(path: Path, shown: str, limit: int) -> tuple[bytes | None, Finding | None]:
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        return None, _problem(f"{shown}: cannot read the file ({error.strerror or type(error).__name__})")
    if len(data) > limit:
        return None, _problem(f"{shown}: larger than {limit // 1024} KB, not read")
    return data, None


def _starts_with_front_matter(card: Path) -> bool:
    try:
        with card.open("rb") as stream:
            head = stream.read(8)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").startswith(b"---")


def _read_card(path: Path, shown: str, root: Path) -> tuple[dict | None, str | None, Finding | None]:
    if not path.is_file():
        return None, None, None
    outside = _outside(path, root, shown)
    if outside is not None:
        return None, None, outside
    data, problem = _read_bytes(path, shown, _MAX_CARD_BYTES)
    if data is None:
        return None, None, problem
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, None, _problem(f"{shown}: not valid UTF-8")
    try:
        card = card_metadata(text, shown)
    except CardError as error:
        return None, None, _problem(str(error))
    if card is None:
        return None, None, None  # a README without a card: nothing declared
    return card, shown, None


def _read_licence_file(folder: Path, shown: str, root: Path) -> tuple[str | None, str | None, Finding | None]:
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None, None, None
    candidates = [n for n in names if n.lower().startswith(_LICENCE_PREFIXES) and (folder / n).is_file()]
    if not candidates:
        return None, None, None
    name = candidates[0]
    outside = _outside(folder / name, root, f"{shown}/{name}")
    if outside is not None:
        return None, None, outside
    data, problem = _read_bytes(folder / name, f"{shown}/{name}", _MAX_LICENCE_BYTES)
    if data is None:
        return None, None, problem
    return f"{shown}/{name}", data.decode("utf-8", errors="replace"), None


def _read_json(path: Path, shown: str, root: Path) -> tuple[dict | None, Finding | None]:
    if not path.is_file():
        return None, None
    outside = _outside(path, root, shown)
    if outside is not None:
        return None, outside
    data, problem = _read_bytes(path, shown, _MAX_CONFIG_BYTES)
    if data is None:
        return None, problem
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, _problem(f"{shown}: not valid UTF-8")
    except json.JSONDecodeError as error:
        return None, _problem(f"{shown}:{error.lineno}: invalid JSON: {error.msg}")
    except (RecursionError, MemoryError):
        return None, _problem(f"{shown}: invalid JSON: nested too deeply to read")
    if not isinstance(value, dict):
        return None, _problem(f"{shown}: expected a JSON object")
    return value, None


def _read_gguf(path: Path, shown: str) -> tuple[dict | None, Finding | None]:
    from .gguf import GGUFError, read_gguf_metadata

    try:
        return read_gguf_metadata(path), None
    except GGUFError as error:
        return None, _problem(f"{shown}: {error}")
    except OSError as error:
        return None, _problem(f"{shown}: cannot read the file ({error.strerror or type(error).__name__})")


# -- what the files say about lineage --------------------------------------------------------------


def hub_id_from_url(url: object) -> str | None:
    """`https://huggingface.co/org/name[/...]` -> `org/name`; None for anything else."""
    from urllib.parse import urlsplit

    if not isinstance(url, str) or "://" not in url:
        return None
    parts = urlsplit(url.strip())
    if (parts.hostname or "").lower() not in _HUB_HOSTS:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2 or segments[0] in ("datasets", "spaces", "api"):
        return None
    candidate = "/".join(segments[:2])
    return candidate if is_valid_repo_id(candidate) else None


def lineage_of(files: ModelFiles) -> tuple[tuple[str, ...], str | None, tuple[Finding, ...]]:
    """(base models, relation, notes): the card first, then the adapter config, then GGUF keys."""
    notes: list[Finding] = []
    if files.card:
        bases, relation = lineage_from_metadata(files.card, [])
        if bases:
            if relation is None and files.adapter_config is not None:
                relation = ADAPTER
            return _hub_ids(bases, files.card_file, notes), relation, tuple(notes)
    if files.adapter_config is not None:
        base = files.adapter_config.get("base_model_name_or_path")
        if isinstance(base, str) and base.strip():
            return _hub_ids([base.strip()], f"{files.shown}/adapter_config.json", notes), ADAPTER, tuple(notes)
    if files.gguf:
        bases, relation = _gguf_lineage(files.gguf, files.gguf_file or files.shown, notes)
        return bases, relation, tuple(notes)
    return (), None, tuple(notes)


def _hub_ids(bases: list[str] | tuple[str, ...], where: str | None, notes: list[Finding]) -> tuple[str, ...]:
    """The bases that are Hub ids; a local path or other text is reported, not followed."""
    kept = []
    for base in bases:
        if is_valid_repo_id(base) and not base.startswith("."):
            kept.append(base)
        else:
            notes.append(
                Finding(
                    Severity.WARNING,
                    LOCAL_BASE_NOT_FOLLOWED,
                    f"{where} names the base model {base[:120]!r}, which is not a Hub repository id: its terms are "
                    "not checked; declare the base with `base_model:` in models.yaml",
                )
            )
    return tuple(dict.fromkeys(kept))


def _gguf_lineage(metadata: dict, where: str, notes: list[Finding]) -> tuple[tuple[str, ...], str | None]:
    count = metadata.get("general.base_model.count")
    bases: list[str] = []
    if isinstance(count, int) and 0 <= count <= 64:
        for index in range(count):
            prefix = f"general.base_model.{index}."
            hub_id = hub_id_from_url(metadata.get(prefix + "repo_url")) or hub_id_from_url(metadata.get(prefix + "url"))
            if hub_id:
                bases.append(hub_id)
                continue
            named = (
                " / ".join(
                    str(metadata[prefix + key])
                    for key in ("organization", "name")
                    if isinstance(metadata.get(prefix + key), str)
                )
                or f"base model {index}"
            )
            notes.append(
                Finding(
                    Severity.WARNING,
                    LOCAL_BASE_NOT_FOLLOWED,
                    f"{where} names the base model {named[:120]!r} without a Hugging Face repository URL: its terms are "
                    "not checked; declare the base with `base_model:` in models.yaml",
                )
            )
    if bases:
        return tuple(dict.fromkeys(bases)), None
    source = hub_id_from_url(metadata.get("general.source.repo_url"))
    if source:
        return (source,), QUANTIZED
    return (), None


def read_gguf_input(path: Path, root: Path) -> list[Component]:
    """Input kind `gguf`: a `*.gguf` file found under the scanned tree is a model component."""
    return [local_model_component(path, root)]
