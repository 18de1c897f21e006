"""Find and read the files that declare dependencies under the scanned path.

`INPUT_KINDS` is the registry: a kind is a test on a file's path and the module
and function that read it. Adding an input format is one reader module and one
entry here. Readers are imported only when a file of their kind is present.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path

from ..errors import InputError, LicensecheckError
from ..model import Component, Finding
from ..overrides import override_sources, withhold_overrides
from ..scope import either_direct, widest
from ..walk import walk
from ._locks import is_pylock_name
from .common import FileRead
from .reconcile import reconcile

MANIFEST_NAMES = ("models.yaml", "models.yml")


@dataclass(frozen=True)
class Inputs:
    """What was declared under the scanned root, duplicates merged."""

    root: Path
    files: tuple[str, ...]
    components: tuple[Component, ...]
    # Said once at the top of the report: what an input holds that is not checked
    # (an SBOM's npm components), a cache that could not be read in full.
    notices: tuple[Finding, ...] = ()


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
    InputKind("setuppy", lambda p: p.name == "setup.py", "licensecheck.sources.setuppy:read_setup_py"),
    InputKind("requirements", _is_requirements_file, "licensecheck.sources.requirements:read_requirements"),
    InputKind("uv-lock", lambda p: p.name == "uv.lock", "licensecheck.sources.uvlock:read_uv_lock"),
    InputKind("poetry-lock", lambda p: p.name == "poetry.lock", "licensecheck.sources.poetrylock:read_poetry_lock"),
    InputKind("pylock", lambda p: is_pylock_name(p.name), "licensecheck.sources.pylock:read_pylock"),
    InputKind("pipfile-lock", lambda p: p.name == "Pipfile.lock", "licensecheck.sources.pipfilelock:read_pipfile_lock"),
    InputKind("gguf", lambda p: p.name.lower().endswith(".gguf"), "licensecheck.sources.local:read_gguf_input"),
]


def input_kind(path: Path) -> InputKind | None:
    return next((kind for kind in INPUT_KINDS if kind.matches(path)), None)


# Every file an INPUT_KINDS test accepts has one of these names or endings (tests/test_walk.py
# holds them to it): most files of a tree are neither, and are passed over without a Path.
_INPUT_NAMES = frozenset(
    {*MANIFEST_NAMES, "pyproject.toml", "setup.cfg", "setup.py", "uv.lock", "poetry.lock", "Pipfile.lock"}
)
_INPUT_ENDINGS = (".txt", ".toml", ".gguf")


def may_be_input(name: str) -> bool:
    """Whether a file named `name` may be an input (a cheap test before input_kind)."""
    return name in _INPUT_NAMES or name.lower().endswith(_INPUT_ENDINGS)


def _reader(kind: InputKind) -> Callable[[Path, Path], list[Component] | FileRead]:
    module, function = kind.reader.split(":")
    return getattr(import_module(module), function)


def find_input_files(root: Path, exclude: Callable[[str], bool] | None = None) -> list[Path]:
    """Every manifest and requirement file under `root`, in a stable order.

    The tree is walked as code discovery walks it (licensecheck/walk.py: what
    git ignores, `exclude`, hidden folders and environments are skipped). A file
    named as `root` itself is always read. Links out of the tree and files that
    are not regular files are listed too, for their readers to refuse by name.
    """
    if root.is_file():
        return [root] if input_kind(root) else []
    found = []
    for path, relative in walk(str(root), exclude, with_unsafe=True):
        if not may_be_input(relative[relative.rfind("/") + 1 :]):
            continue
        candidate = Path(path)
        if input_kind(candidate):
            found.append(candidate)
    return found


def merge_components(components: Iterable[Component]) -> list[Component]:
    """One component per identity, with every place it is declared."""
    merged: dict[tuple, Component] = {}
    for component in components:
        existing = merged.get(component.key)
        if existing is None:
            merged[component.key] = component
            continue
        locations = existing.locations + tuple(
            place for place in component.locations if place not in existing.locations
        )
        merged[component.key] = replace(
            existing,
            locations=locations,
            override=existing.override or component.override,
            requirement=_both(existing.requirement, component.requirement),
            direct=either_direct(existing.direct, component.direct),
            scope=widest(existing.scope, component.scope),
            notes=existing.notes + tuple(n for n in component.notes if n not in existing.notes),
        )
    return list(merged.values())


def _both(first: str | None, second: str | None) -> str | None:
    """Two files' specifiers for one package: what installs must satisfy both (`<2` and `>=1.23`: `<2,>=1.23`)."""
    parts = [part for part in dict.fromkeys((first or "").split(",") + (second or "").split(",")) if part]
    return ",".join(parts) or None


def _refuse_outside(path: Path, base: Path) -> None:
    """An input that is a symbolic link out of the scanned tree is refused, not followed."""
    from .common import is_inside

    if not is_inside(path, base):
        raise InputError(
            path.relative_to(base).as_posix(),
            None,
            "is a symbolic link to a file outside the scanned directory: licensecheck reads only files "
            "under the path it scans; replace the link with the file, or scan the directory the file is in",
        )


def _read_input(path: Path, base: Path) -> list[Component] | FileRead:
    """One input file's components. Each reader names what it cannot parse; a parser
    that runs out of stack or memory on a hostile file is caught here, for every
    reader, so that it is an input error naming the file and never an internal error."""
    where = path.relative_to(base).as_posix()
    try:
        kind = input_kind(path)
        assert kind is not None  # find_input_files lists only files of a known kind
        return _reader(kind)(path, base)
    except RecursionError:
        raise InputError(where, None, "cannot be read: nested too deeply") from None
    except MemoryError:
        raise InputError(where, None, "cannot be read: parsing it needs more memory than there is") from None


def collect_inputs(
    root: Path,
    exclude: Callable[[str], bool] | None = None,
    *,
    discover: bool = True,
    required: bool = True,
    override_from: Iterable[str] | None = None,
) -> Inputs:
    """Read every input file under `root` but the excluded; InputError on the first malformed one.

    With `discover`, the code, configuration and container files of a folder are
    searched for the models and datasets they use too (licensecheck/discover).
    A tree that declares nothing is an error only when it is `required`: beside
    `--sbom` or `--hf-cache`, those are what is scanned. Licence overrides are kept
    only from the manifests `override_from` names (absolute paths; None: the
    default, licensecheck/overrides.py).
    """
    if not root.exists():
        raise LicensecheckError(f"{root}: no such file or directory")
    files = find_input_files(root, exclude)
    base = root if root.is_dir() else root.parent
    found = None
    if discover and root.is_dir():
        from ..discover import discover as discover_references

        found = discover_references(root, exclude)
    if required and not files and not (found and (found.components or found.local_loads)):
        raise LicensecheckError(
            f"{root}: found no models.yaml, requirements*.txt, pyproject.toml, setup.cfg, setup.py, Python lock file or .gguf file to scan"
            + (", and no model or dataset referenced in its code" if found is not None else "")
        )
    components: list[Component] = []
    file_notices: list[Finding] = []
    overrides = override_sources(base, override_from)
    for path in files:
        _refuse_outside(path, base)
        read = _read_input(path, base)
        if isinstance(read, FileRead):
            file_notices.extend(read.notices)
            read = read.components
        # Before merging: an override is judged by the file that sets it.
        components.extend(withhold_overrides(read, path, overrides))
    # Requirement files found by walking the tree are also read through `-r`
    # includes; merging removes the repeats.
    # Then a lock file's exact version wins over a requirement's pin (sources/reconcile.py).
    merged = reconcile(merge_components(components))
    notices: tuple[Finding, ...] = tuple(file_notices)
    if found is not None:
        from ..discover import with_discovered

        merged, discovered = with_discovered(merged, found, base)
        notices += discovered
    return Inputs(base, tuple(p.relative_to(base).as_posix() for p in files), tuple(merged), notices)
