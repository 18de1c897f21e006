"""A `datasets` library cache committed to a repository: its own bookkeeping, not references.

Projects commit a prepared data folder (`load_dataset(..., cache_dir="data/x")`)
and load it later by local path. The cache's JSON files name the Hub dataset it
was once downloaded from, which no code here loads:

- a download record, `downloads/<sha256 of the URL>[.<sha256 of the ETag>][.py].json`
  (`{"url": "hf://datasets/org/name@.../file.parquet", "etag": ...}`), beside the
  download itself, `<same name>`, its `.lock` or its `.incomplete`;
- `dataset_info.json` (`dataset_name`, `download_checksums`) in a prepared
  dataset's folder: beside its `*.arrow` tables, or in a folder named by a
  revision hash whose parent holds that build's `<hash>_builder.lock` or
  `<hash>.incomplete_info.lock` (a build that stopped before writing its tables).

The cache is recognised by this layout, not by a file's name alone: a
`dataset_info.json` elsewhere (LLaMA-Factory's registry of datasets, with
`hf_hub_url` entries) is configuration and is read.
"""

from __future__ import annotations

import os
import re

_DOWNLOAD_RECORD = re.compile(r"([0-9a-f]{64}(?:\.[0-9a-f]{64})?(?:\.py)?)\.json")
_REVISION = re.compile(r"[0-9a-f]{40}")
_DOWNLOAD_COMPANIONS = ("", ".lock", ".incomplete")
_BUILD_MARKERS = ("_builder.lock", ".incomplete_info.lock")


def is_cache_bookkeeping(path: str, name: str) -> bool:
    """Whether the JSON file at `path` (called `name`) is a `datasets` cache's own record."""
    folder = os.path.dirname(path)
    if name == "dataset_info.json":
        return _is_prepared_dataset(folder)
    found = _DOWNLOAD_RECORD.fullmatch(name)
    if found is None or os.path.basename(folder) != "downloads":
        return False
    stem = os.path.join(folder, found.group(1))
    return any(os.path.exists(stem + suffix) for suffix in _DOWNLOAD_COMPANIONS)


def _is_prepared_dataset(folder: str) -> bool:
    try:
        if any(entry.endswith(".arrow") for entry in os.listdir(folder)):
            return True
    except OSError:
        return False
    revision = os.path.basename(folder)
    if _REVISION.fullmatch(revision) is None:
        return False
    parent = os.path.dirname(folder)
    return any(os.path.exists(os.path.join(parent, revision + marker)) for marker in _BUILD_MARKERS)
