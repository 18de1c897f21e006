"""Find and read the files that declare dependencies under the scanned path.

`INPUT_KINDS` is the registry: a kind is a test on a file's path and the module
and function that read it. Adding an input format is one reader module and one
entry here. Readers are imported only when a file of their kind is present.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path

from .errors import LicensecheckError
from .model import Component

# Directories never worth descending into: tool state, virtual environments, VCS.
_SKIPPED_DIRECTORIES = {"node_modules", "__pycache__", "site-packages", "venv", "env"}
MANIFEST_NAMES = ("models.yaml", "models.yml")


@dataclass(frozen=True)
class Inputs:
    """What was declared under the scanned root, duplicates merged."""

    root: Path
    files: tuple[str, ...]
    components: tuple[Component, ...]


@dataclass(frozen=True)
class InputKind:
    name: str
    matches: Callable[[Path], bool]
    reader: str  # "module:function", imported on demand: each parser pulls in its own library


def _is_requirements_file(path: Path) -> bool:
    name = path.name
    return name.endswith(".txt") and (name.startswith("requirements") or path.parent.name == "requirements")


INPUT_KINDS: list[InputKind] = [
    InputKind("manifest", lambda p: p.name in MANIFEST_NAMES, "licensecheck.sources.manifest:read_manifest"),
    InputKind("pyproject", lambda p: p.name == "pyproject.toml", "licensecheck.sources.pyproject:read_pyproject"),
    InputKind("setupcfg", lambda p: p.name == "setup.cfg", "licensecheck.sources.setupcfg:read_setup_cfg"),
    InputKind("requirements", _is_requirements_file, "licensecheck.sources.requirements:read_requirements"),
]


def input_kind(path: Path) -> InputKind | None:
    return next((kind for kind in INPUT_KINDS if kind.matches(path)), None)


def _reader(kind: InputKind) -> Callable[[Path, Path], list[Component]]:
    module, function = kind.reader.split(":")
    return getattr(import_module(module), function)


def find_input_files(root: Path) -> list[Path]:
    """Every manifest and requirement file under `root`, in a stable order."""
    if root.is_file():
        return [root] if input_kind(root) else []
    found = []
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(
            d for d in subdirectories if not d.startswith(".") and d not in _SKIPPED_DIRECTORIES
        )
        for name in sorted(files):
            path = Path(directory) / name
            if input_kind(path):
                found.append(path)
    return found




def merge_components(components: Iterable[Component]) -> list[Component]:
    """One component per identity, with every place it is declared."""
    merged: dict[tuple, Component] = {}
    for component in components:
        existing = merged.get(component.key)
        if existing is None:
            merged[component.key] = component
            continue
        locations = existing.locations + tuple(l for l in component.locations if l not in existing.locations)
        merged[component.key] = replace(
            existing,
            locations=locations,
            override=existing.override or component.override,
            requirement=existing.requirement or component.requirement,
        )
    return list(merged.values())


def collect_inputs(root: Path) -> Inputs:
    """Read every input file under `root`; InputError on the first malformed one."""
    if not root.exists():
        raise LicensecheckError(f"{root}: no such file or directory")
    files = find_input_files(root)
    base = root if root.is_dir() else root.parent
    if not files:
        raise LicensecheckError(
            f"{root}: found no models.yaml, requirements*.txt, pyproject.toml or setup.cfg to scan"
        )
    components: list[Component] = []
    for path in files:
        components.extend(_reader(input_kind(path))(path, base))
    # Requirement files found by walking the tree are also read through `-r`
    # includes; merging removes the repeats.
    return Inputs(base, tuple(p.relative_to(base).as_posix() for p in files), tuple(merge_components(components)))
