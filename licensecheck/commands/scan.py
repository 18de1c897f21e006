"""`licensecheck scan`: check every dependency declared under a path."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..report import FORMATS
from .common import (
    EXIT_CODES_HELP,
    build_context,
    context_options,
    exit_code_for,
    fail,
    load_knowledge_or_exit,
    network_options,
    use_colour,
    write_output,
)


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("path", type=click.Path(path_type=Path), default=".")
@context_options
@network_options
@click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report here instead of stdout.")
@click.option("--quiet", "-q", is_flag=True, help="Only what needs action: denied and unknown components.")
@click.option("--verbose", "-v", is_flag=True, help="Also allowed components' details and informational findings.")
def scan(path, use, distribution, users, revenue, region, offline, jobs, timeout, format_name, output, quiet, verbose):
    """Check every dependency declared under PATH (default: the current directory)."""
    from ..errors import LicensecheckError
    from ..report import RenderOptions, renderer
    from ..scan import ScanOptions, scan_path

    context = build_context(use, distribution, users, revenue, region)
    knowledge = load_knowledge_or_exit()
    try:
        result = scan_path(path, context, ScanOptions(offline=offline, jobs=jobs, timeout=timeout), knowledge)
    except LicensecheckError as error:
        fail(str(error))
    verbosity = -1 if quiet else (1 if verbose else 0)
    write_output(renderer(format_name)(result, RenderOptions(color=use_colour(output), verbosity=verbosity)), output)
    sys.exit(exit_code_for(result))
