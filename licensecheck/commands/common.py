"""What the commands share: option groups, the usage context, exit codes, output."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..model import DISTRIBUTIONS, USES, Context, ScanResult, Verdict

EXIT_OK, EXIT_DENIED, EXIT_ERROR, EXIT_UNKNOWN = 0, 1, 2, 3

EXIT_CODES_HELP = """\b
Exit codes:
  0  nothing denied and nothing unknown
  1  at least one component is denied
  2  usage or input error
  3  nothing denied, but at least one licence is unknown"""



class Quantity(click.ParamType):
    """A whole number a person would type: 2000000, 2_000_000, 2,000,000, 2M, 1.5B, 500k."""

    name = "N"
    _SUFFIXES = {"k": 10**3, "m": 10**6, "b": 10**9}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().replace("_", "").replace(",", "").lower()
        factor = 1
        if text and text[-1] in self._SUFFIXES:
            factor, text = self._SUFFIXES[text[-1]], text[:-1]
        try:
            number = float(text) * factor if "." in text else int(text) * factor
        except ValueError:
            self.fail(f"{value!r} is not a number (examples: 2000000, 2M, 1.5B)", param, ctx)
        if number < 0 or number != int(number):
            self.fail(f"{value!r} must be a whole, non-negative number", param, ctx)
        return int(number)


def exit_code_for(result: ScanResult) -> int:
    verdicts = {r.evaluation.verdict for r in result.components}
    if Verdict.DENIED in verdicts:
        return EXIT_DENIED
    if Verdict.UNKNOWN in verdicts:
        return EXIT_UNKNOWN
    return EXIT_OK


def use_colour(output: str | None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return output is None and sys.stdout.isatty()


def fail(message: str) -> "NoReturn":  # noqa: F821 - annotation only
    click.echo(f"licensecheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def load_knowledge_or_exit():
    from ..knowledge import RulesError, load_knowledge

    try:
        return load_knowledge()
    except RulesError as error:
        fail(f"invalid rules: {error}")


def write_output(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write report ({error.strerror or type(error).__name__})")


def context_options(function):
    """The usage-context flags shared by `scan`, `lock`'s report and `explain`."""
    options = [
        click.option("--use", type=click.Choice(USES), default="commercial", show_default=True,
                     help="Commercial or non-commercial use."),
        click.option("--distribution", type=click.Choice(DISTRIBUTIONS), default="network", show_default=True,
                     help="internal: used inside the organisation only; network: offered to others as a "
                          "service (SaaS, API); redistribute: weights or software shipped to others."),
        click.option("--users", type=Quantity(), default=None,
                     help="Monthly active users of the product (e.g. 2M). Unset: user thresholds become obligations."),
        click.option("--revenue", type=Quantity(), default=None,
                     help="Annual revenue in USD (e.g. 5M). Unset: revenue caps become obligations."),
        click.option("--region", default=None, metavar="CODE",
                     help="ISO 3166 country code or EU. Unset: regional terms become obligations."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def build_context(use, distribution, users, revenue, region) -> Context:
    if region is not None:
        region = region.strip().upper()
        if not (region == "EU" or (len(region) == 2 and region.isalpha())):
            raise click.BadParameter(f"{region!r} is not an ISO 3166 country code or EU", param_hint="--region")
    return Context(use=use, distribution=distribution, users=users, revenue=revenue, region=region)


def network_options(function):
    options = [
        click.option("--offline", is_flag=True, help="Never touch the network: components not in the lock file are unknown."),
        click.option("--jobs", type=click.IntRange(1, 256), default=16, show_default=True, help="Requests in flight at once."),
        click.option("--timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True,
                     help="Seconds to wait for one Hub or index answer."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


