"""`scan`'s options for inputs beyond the walked tree (`--sbom`, `--hf-cache`) and `--scope`."""

from __future__ import annotations

from pathlib import Path

import click

from ..scope import SCOPE_FILTERS


def source_options(function):
    options = [
        click.option(
            "--scope",
            type=click.Choice(SCOPE_FILTERS),
            default="all",
            show_default=True,
            help="main: leave out packages a lock file records as optional (extras) or dev (dependency groups).",
        ),
        click.option(
            "--sbom",
            "sboms",
            multiple=True,
            type=click.Path(path_type=Path, dir_okay=False),
            metavar="FILE",
            help="Also check the Hugging Face and PyPI components of this CycloneDX (1.4-1.6) or SPDX 2.3 JSON "
            "document. Repeatable. Without PATH, only the documents are scanned.",
        ),
        click.option(
            "--hf-cache",
            "hf_cache",
            is_flag=False,
            flag_value="",
            default=None,
            metavar="[DIR]",
            help="Also check every model and dataset revision in the Hugging Face cache (default: HF_HUB_CACHE "
            "or ~/.cache/huggingface/hub). Without PATH, only the cache is scanned.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def source_scan_options(scope: str, sboms: tuple[Path, ...], hf_cache: str | None) -> dict:
    """ScanOptions fields for these flags; PATH is walked when given, or when nothing else is."""
    path_given = click.get_current_context().get_parameter_source("path") is not click.core.ParameterSource.DEFAULT
    return {
        "scope": scope,
        "sboms": tuple(sboms),
        "hf_cache": hf_cache,
        "scan_tree": path_given or (not sboms and hf_cache is None),
    }
