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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Component, Finding, Location, Severity
from ..walk import ENVIRONMENT_EXAMPLES, walk
from .collect import Collector, Reference
from .ids import Tree

__all__ = ["Discovery", "Reference", "discover", "merge_discovered", "with_discovered"]

# Files other readers own: the manifest is read as declarations, the lock and
# licensecheck's own configuration hold no references.
_NOT_CONFIGURATION = frozenset(
    {"models.yaml", "models.yml", "licensecheck.toml", "licensecheck.lock", "package-lock.json",
     "composer.lock", "tsconfig.json", "jsconfig.json"}
)
_CONFIG_KINDS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
_MAX_BYTES = 8 * 1024 * 1024  # larger files are data, not code or configuration


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


def _container_kind(name: str) -> str | None:
    lower = name.lower()
    if lower in ("dockerfile", "containerfile") or lower.startswith(("dockerfile.", "containerfile.")) or lower.endswith(".dockerfile"):
        return "Dockerfile"
    if lower == "modelfile" or lower.startswith("modelfile.") or lower.endswith(".modelfile"):
        return "Modelfile"
    if lower.endswith((".sh", ".bash")):
        return "shell script"
    if lower in ("makefile", "gnumakefile") or lower.endswith(".mk"):
        return "Makefile"
    if lower in ENVIRONMENT_EXAMPLES or lower.endswith((".env.example", ".env.sample")) or lower == "example.env":
        return "environment file"
    return None


def _read(path: str, relative: str, collector: Collector) -> bytes | None:
    try:
        if os.path.getsize(path) > _MAX_BYTES:
            collector.notice(Severity.INFO, "discovery-skipped", Location(relative),
                             f"larger than {_MAX_BYTES // (1024 * 1024)} MB: not read for model references")
            return None
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        collector.unparsable(Location(relative), f"cannot be read ({error.strerror or type(error).__name__})")
        return None


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
        return _discover(root, exclude)
    finally:
        if enabled:
            gc.enable()


def _discover(root: Path, exclude: Iterable[str] | Callable[[str], bool] | None) -> Discovery:
    from .python import LOADER_HINT, PythonProject

    tree = Tree(root)
    collector = Collector(tree)
    project = PythonProject(collector)
    files = 0
    for path, relative in walk(str(root), exclude if callable(exclude) else tuple(exclude or ())):
        name = relative.rsplit("/", 1)[-1]
        directory = os.path.dirname(path)
        suffix = os.path.splitext(name)[1].lower()
        if suffix == ".py":
            project.register(relative, path)
            data = _read(path, relative, collector)
            files += 1
            if data is not None:
                project.add_file(relative, path, data)
        elif suffix == ".ipynb":
            data = _read(path, relative, collector)
            files += 1
            if data is not None and (LOADER_HINT.search(data) or b"model" in data or b"dataset" in data):
                from .notebook import scan_notebook

                scan_notebook(data, relative, directory, project, collector)
        elif suffix in _CONFIG_KINDS and name not in _NOT_CONFIGURATION:
            from .config import CONFIG_HINT, scan_config

            data = _read(path, relative, collector)
            files += 1
            if data is not None and CONFIG_HINT.search(data):
                text = _decode(data, relative, collector)
                if text is not None:
                    scan_config(text, _CONFIG_KINDS[suffix], relative, directory, collector)
        else:
            kind = _container_kind(name)
            if kind is None:
                continue
            from .container import scan_container_file

            data = _read(path, relative, collector)
            files += 1
            text = _decode(data, relative, collector) if data is not None else None
            if text is not None:
                scan_container_file(text, relative, directory, collector, kind)
    project.finish()
    unique: dict[tuple, Reference] = {}
    for reference in collector.references:  # one per place, whichever loader it reached first
        unique.setdefault((reference.type, reference.name, reference.revision, reference.location), reference)
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


def components_of(references: Iterable[Reference]) -> list[Component]:
    """One component per type, id (the Hub ignores case) and revision, with every location."""
    grouped: dict[tuple, Component] = {}
    for reference in references:
        key = (reference.type, reference.name.lower(), reference.revision)
        existing = grouped.get(key)
        if existing is None:
            grouped[key] = Component(reference.type, reference.name, reference.revision, locations=(reference.location,))
        elif reference.location not in existing.locations:
            grouped[key] = replace(existing, locations=existing.locations + (reference.location,))
    return list(grouped.values())


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
        extra = tuple(l for l in component.locations if l not in existing.locations)
        merged[target] = replace(existing, locations=existing.locations + extra)
    return merged


def with_discovered(declared: list[Component], found: Discovery, root: Path) -> tuple[list[Component], tuple[Finding, ...]]:
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
            notices.append(Finding(Severity.WARNING, "discovery-local-model", f"{error}", location=location))
    declared_paths = {c.path: index for index, c in enumerate(components) if c.path}
    for absolute, component in local.items():
        index = declared_paths.get(absolute)
        if index is None:
            components.append(component)
            continue
        existing = components[index]  # the manifest's `- path:` entry: one component, both places
        extra = tuple(l for l in component.locations if l not in existing.locations)
        components[index] = replace(existing, locations=existing.locations + extra)
    return components, tuple(notices)
