"""`licensecheck notice`: write the attribution text (NOTICE) a product must ship."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import (
    EXIT_CODES_HELP,
    context_options,
    exit_code_for,
    load_knowledge_or_exit,
    network_options,
    run_scan,
    say,
    write_output,
)
from .configured import config_option


@click.command(epilog=EXIT_CODES_HELP)
@click.argument("path", type=click.Path(path_type=Path), default=".")
@context_options
@network_options
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the NOTICE here instead of stdout."
)
@config_option
def notice(
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
    output,
    config_file,
    purposes,
):
    """Write the NOTICE for the dependencies declared under PATH: licences, required statements, use policies.

    The duties depend on the usage context: `--distribution redistribute` (weights
    or software shipped) brings the most. Denied or unknown components are listed,
    marked for review, and the exit code says so as `scan`'s does.
    """
    from ..model import ScanOptions, Verdict
    from ..report.notice import render_notice
    from .configured import setup_from_flags

    knowledge = load_knowledge_or_exit()
    setup = setup_from_flags(path, config_file, knowledge)
    result = run_scan(
        path, setup, ScanOptions(offline=offline, jobs=jobs, timeout=timeout, retry_budget=retry_budget), knowledge
    )
    write_output(render_notice(result, knowledge.lookup), output)
    for item in result.components:
        verdict = item.evaluation.verdict
        if verdict in (Verdict.DENIED, Verdict.UNKNOWN):
            say(
                f"licensecheck: {item.component.type} {item.component.name} is {verdict.value}: review it before shipping"
            )
    sys.exit(exit_code_for(result))
