"""`licensecheck rules ...`: work with the licence rules themselves."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import EXIT_OK, fail

EXIT_PROBLEMS = 1

CHECK_EPILOG = """\b
Exit codes:
  0  the rules are valid
  1  problems were found (all of them are listed)
  2  usage error: DIR is not a rules directory"""


@click.group()
def rules():
    """Inspect the licence rules (rules/licences/*.toml, rules/recognise.toml)."""


@rules.command(epilog=CHECK_EPILOG)
@click.option(
    "--rules-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The rules directory to check. Default: $LICENSECHECK_RULES_DIR, else the rules licensecheck uses.",
)
def check(rules_dir):
    """Validate the rules: schema, a source URL and section for every clause, a `checked` date
    for every licence, every Hub licence id covered, unambiguous aliases, consistent recognisers."""
    from ..knowledge import rules_dir as default_rules_dir
    from ..rules_check import check_rules, render_report

    directory = rules_dir or default_rules_dir()
    if not (directory / "licences").is_dir():
        fail(f"{directory}: not a rules directory (no licences/ in it)")
    report = check_rules(directory)
    click.echo(render_report(report), nl=False)
    sys.exit(EXIT_OK if report.ok else EXIT_PROBLEMS)
