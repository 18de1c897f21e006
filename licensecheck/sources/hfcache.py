"""Inventory the local Hugging Face cache: which models and datasets, at which commits.

`huggingface_hub.scan_cache_dir` lists every cached repository and each
revision (commit) present in it. Each (repository, commit) becomes a
component checked like a declared one, pinned to that commit, located at its
snapshot folder: the question is "what is on this machine, and may we use
it?". Spaces and other repository types are listed as not checked. Entries the
client reports as corrupted become a notice, not a failure.

Offline (`--offline`), a revision whose snapshot holds the model card
(README.md) is read from it, as a local model is; the others need the lock.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import LicensecheckError
from ..findings import HF_CACHE, HF_CACHE_CORRUPTED, HF_CACHE_NOT_CHECKED
from ..model import DATASET, MODEL, Component, Finding, Location, Severity

CHECKED_TYPES = (MODEL, DATASET)


def default_cache_dir() -> str:
    """Where the client keeps its cache: `HF_HUB_CACHE`, else `HF_HOME/hub`, else ~/.cache/huggingface/hub."""
    for variable in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"):
        if os.environ.get(variable):
            return os.environ[variable]
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "huggingface"
    )
    return os.path.join(home, "hub")


def read_hf_cache(directory: str | None, *, offline: bool = False) -> tuple[list[Component], list[Finding]]:
    """(components, notices) for the cache at `directory` (None or "": the default cache)."""
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    from huggingface_hub import scan_cache_dir
    from huggingface_hub.errors import CacheNotFound

    cache_dir = directory or default_cache_dir()
    try:
        info = scan_cache_dir(cache_dir)
    except CacheNotFound:
        raise LicensecheckError(
            f"{cache_dir}: no Hugging Face cache there (give its directory: --hf-cache DIR, or set HF_HUB_CACHE)"
        ) from None
    except OSError as error:
        raise LicensecheckError(
            f"{cache_dir}: cannot read the Hugging Face cache ({error.strerror or type(error).__name__})"
        ) from None
    components: list[Component] = []
    skipped: dict[str, list[str]] = {}
    for repo in sorted(info.repos, key=lambda r: (r.repo_type, r.repo_id.lower())):
        if repo.repo_type not in CHECKED_TYPES:
            skipped.setdefault(repo.repo_type, []).append(repo.repo_id)
            continue
        for revision in sorted(repo.revisions, key=lambda r: r.commit_hash):
            snapshot = Path(revision.snapshot_path)
            component = Component(
                type=repo.repo_type,
                name=repo.repo_id,
                revision=revision.commit_hash,
                locations=(Location(path=snapshot.as_posix()),),
            )
            if offline and (snapshot / "README.md").is_file():
                component = _read_from_snapshot(component, snapshot, revision.commit_hash)
            components.append(component)
    notices = [
        Finding(
            Severity.INFO,
            HF_CACHE,
            f"Hugging Face cache {cache_dir}: {len(components)} revision(s) of "
            f"{len({(c.type, c.name.lower()) for c in components})} model(s) and dataset(s)",
        )
    ]
    for kind, names in sorted(skipped.items()):
        notices.append(
            Finding(
                Severity.WARNING,
                HF_CACHE_NOT_CHECKED,
                f"Hugging Face cache {cache_dir}: {len(names)} {kind} repositor{'y' if len(names) == 1 else 'ies'} not checked "
                f"(licensecheck checks models and datasets): {', '.join(sorted(names)[:10])}"
                + (" ..." if len(names) > 10 else ""),
            )
        )
    for warning in info.warnings:
        notices.append(
            Finding(
                Severity.WARNING,
                HF_CACHE_CORRUPTED,
                f"Hugging Face cache {cache_dir}: skipped an entry it could not read: {warning}",
            )
        )
    return components, notices


def _read_from_snapshot(component: Component, snapshot: Path, commit: str) -> Component:
    """Offline: the cached card is read as a local model's (resolve/local.py), ancestors included."""
    from dataclasses import replace

    from .local import lineage_of, read_model_files

    # A snapshot's files are links into the repository's `blobs/` folder, two levels up.
    files = read_model_files(snapshot, f"{component.name}@{commit[:12]}", snapshot.parent.parent)
    bases, relation, notes = lineage_of(files)
    return replace(component, path=str(snapshot), base_models=bases, relation=relation, notes=notes, local_files=files)
