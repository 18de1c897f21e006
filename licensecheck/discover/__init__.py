"""Discovery: the models and datasets a codebase really uses, with file and line.

Manifests drift; the model that ships is the one in `from_pretrained(...)`, in a
serving configuration, in a Dockerfile. `discover` walks the tree once (as git
sees it: licensecheck/walk.py) and hands each file to the reader of its kind:

    python.py     .py files, parsed with `ast`; loaders and the values that reach them
    notebook.py   .ipynb code cells (and their `!` shell lines)
    config.py     YAML, JSON and TOML values under model and dataset keys
    container.py  Dockerfiles, Ollama Modelfiles, shell scripts, Makefiles, .env examples

Every reader reports through a `Collector`; `ids.py` decides what is a Hub
repository and what is a path, a URL, a date or another service's model name.
A file that cannot be read or parsed is a warning, never the end of the scan.
`merge_discovered` joins what was found with the manifest's components.
"""

from __future__ import annotations

import gc
import os
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..findings import DISCOVERY_LOCAL_MODEL, DISCOVERY_SKIPPED
from ..model import Component, Finding, Location, Severity
from ..walk import ENVIRONMENT_EXAMPLES, walk
from .collect import Collector, Reference
from .ids import Tree

if TYPE_CHECKING:
    from .python import PythonProject

__all__ = ["Discovery", "Reference", "discover", "merge_discovered", "with_discovered"]

# Files other readers own: the manifest (at the root) is read as declarations, the lock and
# licensecheck's own configuration hold no references. A `models.yaml` further down is the
# project's own configuration (StoryDiffusion's `config/models.yaml`), read like any other.
_MANIFEST_NAMES = frozenset({"models.yaml", "models.yml"})
_NOT_CONFIGURATION = frozenset(
    {
        "licensecheck.toml",
        "licensecheck.lock",
        "package-lock.json",
        "composer.lock",
        "tsconfig.json",
        "jsconfig.json",
    }
)
_CONFIG_KINDS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
_MAX_BYTES = 8 * 1024 * 1024  # larger files are data, not code or configuration
_FIRST_READ = 64 * 1024
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # O_BINARY: Windows only


@dataclass(frozen=True)
class Discovery:
    """What a walk of the tree found.

    `components` has one entry per repository and revision, with every location;
    `references` every single place. `notices` are warnings (a file that does not
    parse) and, severity info, loader arguments known only at run time.
    `local_loads` are paths handed to a loader that exist in the tree: local
    models and datasets, for the reader of local model folders.
    """

    components: tuple[Component, ...]
    references: tuple[Reference, ...]
    notices: tuple[Finding, ...]
    local_loads: tuple[tuple[str, str, Location], ...]
    files: int


# The CI's workflows: the commands a step runs (`run:`) download and load models too
_CI_FOLDERS = frozenset({".github"})


def _container_kind(name: str) -> str | None:
    lower = name.lower()
    if (
        lower in ("dockerfile", "containerfile")
        or lower.startswith(("dockerfile.", "containerfile."))
        or lower.endswith(".dockerfile")
    ):
        return "Dockerfile"
    if lower == "modelfile" or lower.startswith("modelfile.") or lower.endswith(".modelfile"):
        return "Modelfile"
    if lower.endswith((".sh", ".bash", ".zsh", ".slurm", ".sbatch")):  # Slurm job scripts are shell scripts
        return "shell script"
    if lower in ("makefile", "gnumakefile") or lower.endswith(".mk"):
        return "Makefile"
    if lower in ENVIRONMENT_EXAMPLES or lower.endswith((".env.example", ".env.sample")) or lower == "example.env":
        return "environment file"
    return None


def _read(path: str, relative: str, collector: Collector) -> bytes | None:
    # os.read rather than open(): most files are small, and one read call is most of the cost.
    try:
        descriptor = os.open(path, _READ_FLAGS)
        try:
            data = os.read(descriptor, _FIRST_READ)
            if len(data) == _FIRST_READ:
                chunks = [data]
                size = len(data)
                while size <= _MAX_BYTES:
                    chunk = os.read(descriptor, 1024 * 1024)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    size += len(chunk)
                data = b"".join(chunks)
        finally:
            os.close(descriptor)
    except OSError as error:
        collector.unparsable(Location(relative), f"cannot be read ({error.strerror or type(error).__name__})")
        return None
    if len(data) > _MAX_BYTES:
        collector.notice(
            Severity.INFO,
            DISCOVERY_SKIPPED,
            Location(relative),
            f"larger than {_MAX_BYTES // (1024 * 1024)} MB: not read for model references",
        )
        return None
    return data


def _decode(data: bytes, relative: str, collector: Collector) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        collector.unparsable(Location(relative, data.count(b"\n", 0, error.start) + 1), "not valid UTF-8")
        return None


def discover(root: Path, exclude: Iterable[str] | Callable[[str], bool] | None = None) -> Discovery:
    """Every model and dataset reference under `root` (a folder), skipping what git ignores and `exclude`.

    `exclude`: globs in .gitignore syntax relative to `root`, or the configuration's
    path filter (licensecheck/globs.py), which every walk of the tree honours.
    """
    # The parsed modules stay alive to the end and reference each other: with the
    # collector running, each full collection walks all of them again, and time
    # grows faster than the tree. Nothing here needs collecting before the end.
    enabled = gc.isenabled()
    gc.disable()
    try:
        # What the compiler says of a scanned file (`invalid escape sequence`) quotes its text:
        # the tree is untrusted, and its text does not reach stderr that way. Set once for the run.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            return _discover(root, exclude)
    finally:
        if enabled:
            gc.enable()


def _discover(root: Path, exclude: Iterable[str] | Callable[[str], bool] | None) -> Discovery:
    from .python import PythonProject

    tree = Tree(root)
    collector = Collector(tree)
    project = PythonProject(collector)
    files = 0
    # The walk lists every folder it enters: the tree asks those listings whether an id is a local folder.
    for path, relative in walk(
        str(root),
        exclude if callable(exclude) else tuple(exclude or ()),
        listings=tree.listings,
        hidden_folders=_CI_FOLDERS,
    ):
        name = relative.rsplit("/", 1)[-1]
        try:
            files += _read_one(path, relative, name, project, collector)
        except (RecursionError, MemoryError) as error:
            # A hostile or generated file may defeat a reader: a warning naming it, and the scan goes on.
            why = "nested too deeply to read" if isinstance(error, RecursionError) else "too large to read"
            collector.unparsable(Location(relative), why)
    if collector.argument_scripts:
        from .container import scan_argument_scripts

        scan_argument_scripts(collector)
    project.finish()
    unique: dict[tuple, Reference] = {}
    for reference in collector.references:  # one per place, whichever loader it reached first
        # The place by its fields: a tuple of strings hashes without a call to Location.__hash__.
        place = reference.location
        key = (reference.type, reference.name, reference.revision, place.path, place.line, place.label)
        unique.setdefault(key, reference)
    references = sorted(
        unique.values(),
        key=lambda r: (r.location.path, r.location.line or 0, r.type, r.name.lower(), r.revision or ""),
    )
    return Discovery(
        components=tuple(components_of(references)),
        references=tuple(references),
        notices=tuple(collector.notices),
        local_loads=tuple(dict.fromkeys(collector.local_loads)),
        files=files,
    )


def _kind_of(name: str) -> str | None:
    """Which reader a file goes to: python, notebook, yaml, json, toml or a container kind; None: not read."""
    if name.endswith(".py") and name[0] != ".":  # most files: the answer below, in one test
        return "python"
    suffix = name[name.rfind(".") :].lower() if "." in name.lstrip(".") else ""
    if suffix == ".py":
        return "python"
    if suffix == ".ipynb":
        return "notebook"
    if suffix in _CONFIG_KINDS:
        return None if name in _NOT_CONFIGURATION else _CONFIG_KINDS[suffix]
    return _container_kind(name)


class _Readers(NamedTuple):
    is_cache_bookkeeping: Callable[[str, str], bool]
    names_a_loader: Callable[[bytes], bool]
    scan_notebook: Callable[..., None]
    has_config_hint: Callable[[bytes, str], bool]
    scan_config: Callable[..., None]
    scan_container_file: Callable[..., None]


@cache
def _readers() -> _Readers:
    """The readers of each kind of file, imported on first use (importing discover stays light).

    Once, not in `_read_one`: an import statement costs about as much as reading a small file.
    """
    from .config import has_config_hint, scan_config
    from .container import scan_container_file
    from .datasets_cache import is_cache_bookkeeping
    from .notebook import scan_notebook
    from .python.loaders import names_a_loader

    return _Readers(
        is_cache_bookkeeping, names_a_loader, scan_notebook, has_config_hint, scan_config, scan_container_file
    )


def _read_one(path: str, relative: str, name: str, project: PythonProject, collector: Collector) -> int:
    """Hand one file to the reader of its kind; 1 if it was read, 0 if no reader wants it."""
    kind = _kind_of(name)
    if kind is None or (name in _MANIFEST_NAMES and relative == name):
        return 0
    if kind == "python":
        project.register(relative, path)
        data = _read(path, relative, collector)
        if data is not None:
            project.add_file(relative, path, data)
        return 1
    readers = _readers()
    if kind == "json" and readers.is_cache_bookkeeping(path, name):
        return 0  # a committed `datasets` cache: its records are no references
    data = _read(path, relative, collector)
    if data is None:
        return 1
    directory = path[: path.rfind(os.sep)] if os.sep in path else "."
    if kind == "notebook":
        if readers.names_a_loader(data) or b"model" in data or b"dataset" in data:
            readers.scan_notebook(data, relative, directory, project, collector)
    elif kind in ("yaml", "json", "toml"):
        if readers.has_config_hint(data, relative):
            text = _decode(data, relative, collector)
            if text is not None:
                readers.scan_config(text, kind, relative, directory, collector)
    else:
        text = _decode(data, relative, collector)
        if text is not None:
            readers.scan_container_file(text, relative, directory, collector, kind)
    return 1


def components_of(references: Iterable[Reference]) -> list[Component]:
    """One component per type, id (the Hub ignores case) and revision, with every location."""
    # The first reference of each, and its places in order (a place by its fields: equal Locations
    # have equal fields), gathered before any Component is made: one frozen Component each, not
    # one more per place (a model loaded in a thousand places was a thousand copies).
    grouped: dict[tuple, tuple[Reference, dict[tuple, Location]]] = {}
    for reference in references:
        key = (reference.type, reference.name.lower(), reference.revision)
        place = reference.location
        entry = grouped.get(key)
        if entry is None:
            grouped[key] = (reference, {(place.path, place.line, place.label): place})
        else:
            entry[1].setdefault((place.path, place.line, place.label), place)
    # A frozen dataclass's __init__ sets each of Component's fields through object.__setattr__, most
    # of this function's cost: each is made instead as a copy of a default Component's fields with
    # its own four set. The same fields in the same order, so the same equality, hash, repr and
    # report (tests/discover/test_discover_components.py holds it to the constructor).
    defaults = Component("", "").__dict__
    components = []
    for first, places in grouped.values():
        component = object.__new__(Component)
        component.__dict__.update(
            defaults, type=first.type, name=first.name, revision=first.revision, locations=tuple(places.values())
        )
        components.append(component)
    return components


def merge_discovered(declared: Iterable[Component], found: Iterable[Component]) -> list[Component]:
    """The declared components, each with the places code refers to it, then what only code uses.

    A reference joins a declared component of the same type and id (any case)
    when it names the same revision, or none: code that loads the default
    branch of a model the manifest pins is the same dependency. A reference to
    another revision is a component of its own.
    """
    merged = list(declared)
    index: dict[tuple[str, str], list[int]] = {}
    for position, component in enumerate(merged):
        index.setdefault((component.type, component.name.lower()), []).append(position)
    for component in found:
        positions = index.get((component.type, component.name.lower()), [])
        target = next((p for p in positions if merged[p].revision == component.revision), None)
        if target is None and component.revision is None and positions:
            target = positions[0]
        if target is None:
            index.setdefault((component.type, component.name.lower()), []).append(len(merged))
            merged.append(component)
            continue
        existing = merged[target]
        extra = tuple(place for place in component.locations if place not in existing.locations)
        merged[target] = replace(existing, locations=existing.locations + extra)
    return merged


def with_discovered(
    declared: list[Component], found: Discovery, root: Path
) -> tuple[list[Component], tuple[Finding, ...]]:
    """The scan's components once discovery is merged in, and its notices.

    A path that code hands to a loader and that holds a model (a folder with
    config.json, adapter_config.json, weights or a card; a GGUF file) becomes a
    local model component, read like the manifest's `- path:` entries.
    """
    components = merge_discovered(declared, found.components)
    notices = list(found.notices)
    local: dict[str, Component] = {}
    for text, absolute, location in found.local_loads:
        from ..errors import InputError
        from ..sources.local import is_local_model, local_model_component

        if not is_local_model(Path(absolute)):
            continue  # a data folder or a file: not a model
        existing = local.get(absolute)
        if existing is not None:
            if location not in existing.locations:
                local[absolute] = replace(existing, locations=existing.locations + (location,))
            continue
        try:
            local[absolute] = local_model_component(Path(absolute), root, name=text, locations=(location,))
        except InputError as error:
            notices.append(Finding(Severity.WARNING, DISCOVERY_LOCAL_MODEL, f"{error}", location=location))
    declared_paths = {c.path: index for index, c in enumerate(components) if c.path}
    for absolute, component in local.items():
        index = declared_paths.get(absolute)
        if index is None:
            components.append(component)
            continue
        existing = components[index]  # the manifest's `- path:` entry: one component, both places
        extra = tuple(place for place in component.locations if place not in existing.locations)
        components[index] = replace(existing, locations=existing.locations + extra)
    return components, tuple(notices)
