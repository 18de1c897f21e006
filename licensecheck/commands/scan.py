"""`licensecheck scan`: check every dependency declared under a path."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..report import FORMATS
from .common import (
    EXIT_CODES_HELP,
    cache_options,
    color_option,
    context_options,
    exit_code_for,
    fail,
    load_knowledge_or_exit,
    network_options,
    run_scan,
    use_colour,
    write_output,
)
from .configured import baseline_options, config_option, config_ref_option
from .discovery import discover_option
from .sources import source_options, source_scan_options


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("path", type=click.Path(path_type=Path), default=".")
@context_options
@network_options
@cache_options
@click.option("--format", "format_name", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report here instead of stdout.")
@click.option("--quiet", "-q", is_flag=True, help="Only what needs action: denied and unknown components.")
@click.option("--verbose", "-v", is_flag=True, help="Also allowed components' details and informational findings.")
@color_option
@config_option
@config_ref_option
@baseline_options[0]
@baseline_options[1]
@source_options
@discover_option
@click.option("--verify-lock", is_flag=True,
              help="Check every licensecheck.lock entry used against the Hub or PyPI, at the commit or version it "
                   "pins, and judge the live answer: for CI, where the lock comes with the pull request "
                   "(config: verify_lock = true).")
@click.option("--suggest", "suggest_alternatives", is_flag=True,
              help="Under each denied or unknown Hub model, list up to 5 models like it (same task, similar size) "
                   "that this context and configuration allow, as `licensecheck suggest` would. Needs the Hub.")
def scan(path, use, distribution, users, org_users, revenue, region, offline, jobs, timeout, retry_budget, format_name, output, quiet, verbose,
         color, config_file, config_ref, baseline_file, write_baseline, no_cache, refresh, cache_ttl, scope, sboms, hf_cache, discover, verify_lock,
         suggest_alternatives, purposes):
    """Check every dependency declared under PATH (default: the current directory)."""
    from ..report import RenderOptions, renderer
    from ..report._common import repository_prefix
    from ..model import ScanOptions
    from .configured import apply_baseline_options, load_setup, read_baseline_or_exit

    if verify_lock and offline:
        fail("--verify-lock and --offline contradict each other: --verify-lock asks the Hub and PyPI about every "
             "lock entry, --offline trusts the lock without the network")
    if suggest_alternatives and offline:
        from .suggest import offline_refused

        offline_refused(" or --suggest")
    knowledge = load_knowledge_or_exit()
    setup = load_setup(path, config_file, knowledge, config_ref)
    baseline = read_baseline_or_exit(baseline_file, setup.revision)
    scan_options = ScanOptions(offline=offline, jobs=jobs, timeout=timeout, retry_budget=retry_budget, refresh=refresh,
                               cache_ttl=cache_ttl, use_cache=not no_cache, discover=discover, verify_lock=verify_lock,
                               **source_scan_options(scope, sboms, hf_cache))
    result = run_scan(path, setup, scan_options, knowledge)
    result = apply_baseline_options(result, baseline_file, baseline, write_baseline, setup.revision)
    if suggest_alternatives:
        from ..suggest import with_alternatives
        from .choice import candidates_judge

        root = path if path.is_dir() else path.parent  # whose lock the scan read
        result = with_alternatives(result, candidates_judge(root, setup, scan_options, knowledge),
                                   timeout=timeout, retry_budget=retry_budget)
    verbosity = -1 if quiet else (1 if verbose else 0)
    options = RenderOptions(color=use_colour(output, color), verbosity=verbosity, knowledge=knowledge,
                            source_prefix=repository_prefix(path))
    write_output(renderer(format_name)(result, options), output, color=options.color)
    sys.exit(exit_code_for(result))
