"""`licensecheck scan`: check every dependency declared under a path."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..report import FORMATS
from .common import (
    EXIT_CODES_HELP,
    api_errors,
    cache_options,
    color_option,
    context_options,
    exit_code_for,
    load_knowledge_or_exit,
    network_options,
    progress_bar,
    say,
    use_colour,
    write_text,
)
from .configured import baseline_options, config_option, config_ref_option
from .discovery import discover_option
from .sources import source_options, source_scan_options


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("path", type=click.Path(path_type=Path), default=".")
@context_options
@network_options
@cache_options
@click.option(
    "--format",
    "format_name",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report here instead of stdout."
)
@click.option("--quiet", "-q", is_flag=True, help="Only what needs action: denied and unknown components.")
@click.option("--verbose", "-v", is_flag=True, help="Also allowed components' details and informational findings.")
@color_option
@config_option
@config_ref_option
@baseline_options[0]
@baseline_options[1]
@source_options
@discover_option
@click.option(
    "--verify-lock",
    is_flag=True,
    help="Check every licensecheck.lock entry used against the Hub or PyPI, at the commit or version it "
    "pins, and judge the live answer: for CI, where the lock comes with the pull request "
    "(config: verify_lock = true).",
)
@click.option(
    "--suggest",
    "suggest_alternatives",
    is_flag=True,
    help="Under each denied or unknown Hub model, list up to 5 models like it (same task, similar size) "
    "that this context and configuration allow, as `licensecheck suggest` would. Needs the Hub.",
)
def scan(
    path,
    use,
    distribution,
    users,
    org_users,
    revenue,
    region,
    offline,
    jobs,
    timeout,
    retry_budget,
    format_name,
    output,
    quiet,
    verbose,
    color,
    config_file,
    config_ref,
    baseline_file,
    write_baseline,
    no_cache,
    refresh,
    cache_ttl,
    scope,
    sboms,
    hf_cache,
    discover,
    verify_lock,
    suggest_alternatives,
    purposes,
):
    """Check every dependency declared under PATH (default: the current directory)."""
    from .. import api
    from ..model import ScanOptions
    from ..report.common import repository_prefix
    from .configured import context_flags

    knowledge = load_knowledge_or_exit()
    scan_options = ScanOptions(
        offline=offline,
        jobs=jobs,
        timeout=timeout,
        retry_budget=retry_budget,
        refresh=refresh,
        cache_ttl=cache_ttl,
        use_cache=not no_cache,
        discover=discover,
        verify_lock=verify_lock,
        **source_scan_options(scope, sboms, hf_cache),
    )
    with progress_bar(scan_options) as scan_options, api_errors():
        result = api.scan(
            path,
            config=config_file,
            config_ref=config_ref,
            baseline=baseline_file,
            write_baseline_to=write_baseline,
            suggest=suggest_alternatives,
            options=scan_options,
            knowledge=knowledge,
            **context_flags(click.get_current_context()),
        )
    if write_baseline is not None:
        from ..baseline import baseline_entries
        from ..config import shown_path

        say(f"wrote {shown_path(write_baseline)}: {len(baseline_entries(result))} problem(s) recorded")
    verbosity = -1 if quiet else (1 if verbose else 0)
    colour = use_colour(output, color)
    text = api.render(
        result,
        format_name,
        color=colour,
        verbosity=verbosity,
        source_prefix=repository_prefix(path),
        knowledge=knowledge,
    )
    write_text(text, output, color=colour)
    sys.exit(exit_code_for(result))
