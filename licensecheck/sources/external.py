"""Inputs from outside the walked tree, joined to it: `--sbom` documents and `--hf-cache`.

Then `--scope` keeps what the run covers (scope.py). SBOM components and
cache revisions are merged with the tree's components like any other
declarations, and what they hold that is not checked becomes a notice.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import ScanOptions
from ..scope import select_scope
from .common import is_inside, relative_path
from .inputs import Inputs, merge_components


def with_external_inputs(inputs: Inputs, options: ScanOptions) -> Inputs:
    """`inputs` plus the SBOMs' and the cache's components, filtered by `--scope`."""
    components = list(inputs.components)
    notices = list(inputs.notices)
    files = list(inputs.files)
    for path in options.sboms:
        from .sbom import read_sbom

        where = relative_path(path, inputs.root) if is_inside(path, inputs.root) else str(path)
        found, said = read_sbom(path, where)
        components += found
        notices += said
        files.append(where)
    if options.hf_cache is not None:
        from .hfcache import read_hf_cache

        found, said = read_hf_cache(options.hf_cache, offline=options.offline)
        components += found
        notices += said
    if len(components) != len(inputs.components):
        components = merge_components(components)
    return replace(
        inputs,
        files=tuple(files),
        components=tuple(select_scope(components, options.scope)),
        notices=tuple(notices),
    )
