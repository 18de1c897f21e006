"""What the commands share: option groups, the usage context, exit codes, output."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

import click

from ..model import DISTRIBUTIONS, USES, ScanOptions, ScanResult, Verdict

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
    # Baselined components are known problems, not new ones; `unknown = "warn"` in
    # the configuration keeps unknown licences from failing the run.
    verdicts = {r.evaluation.verdict for r in result.components if not r.baselined}
    if Verdict.DENIED in verdicts:
        return EXIT_DENIED
    if Verdict.UNKNOWN in verdicts and result.unknown_fails:
        return EXIT_UNKNOWN
    return EXIT_OK


COLOUR_MODES = ("auto", "always", "never")

color_option = click.option(
    "--color",
    "--colour",
    "color",
    type=click.Choice(COLOUR_MODES),
    default="auto",
    show_default=True,
    help="Colour the text report: auto (only on a terminal, and not when NO_COLOR is set), always, or never.",
)


def use_colour(output: str | None, mode: str = "auto") -> bool:
    """`always` and `never` are the user's word; `auto` colours a terminal unless NO_COLOR is set (no-color.org)."""
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return output is None and sys.stdout.isatty()


@contextmanager
def api_errors() -> Iterator[None]:
    """The library's errors as the command line reports them: a bad flag as click shows one, the rest as
    `licensecheck: error: ...`; both exit 2."""
    from ..errors import LicensecheckError, UsageError

    try:
        yield
    except UsageError as error:
        if error.option is None:
            fail(error.message)
        raise click.BadParameter(error.message, param_hint="--" + error.option.replace("_", "-")) from None
    except LicensecheckError as error:
        fail(str(error))


def run_scan(path: Path, setup, options, knowledge) -> ScanResult:
    """The configured scan (api.configured_scan), with a progress bar while it waits
    for the network when stderr is a terminal; an input error ends the run (exit 2)."""
    from ..api import configured_scan

    with progress_bar(options) as options, api_errors():
        return configured_scan(path, setup, options, knowledge)


@contextmanager
def progress_bar(options: ScanOptions) -> Iterator[ScanOptions]:
    """`options` telling a progress bar on stderr how the network answers arrive, when stderr is a terminal."""
    from ..progress import ProgressBar

    bar = ProgressBar.for_terminal(sys.stderr)
    try:
        yield replace(options, progress=bar)
    finally:
        if bar is not None:
            bar.close()


def fail(message: str) -> NoReturn:
    say(f"licensecheck: error: {message}")
    sys.exit(EXIT_ERROR)


def say(message: str) -> None:
    """A line for stderr, secrets masked and control characters escaped: messages can quote input files."""
    from ..api import safe_text

    click.echo(safe_text(message), err=True)


def load_knowledge_or_exit():
    from ..api import load_rules

    with api_errors():
        return load_rules()


def write_output(text: str, output: str | None, *, color: bool = False) -> None:
    """Print the report or write it to `output`; `color`: the text carries colours on purpose (--color always)."""
    from ..api import safe_text

    write_text(safe_text(text, color=color), output, color=color)


def write_text(text: str, output: str | None, *, color: bool = False) -> None:
    """Print `text`, already made safe (api.render, api.safe_text), or write it to `output`."""
    if output is None:
        click.echo(text, nl=False, color=True if color else None)  # None: click strips colours off a pipe
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        fail(f"{output}: cannot write report ({error.strerror or type(error).__name__})")


def context_options(function):
    """The usage-context flags shared by `scan`, `lock`'s report and `explain`."""
    options = [
        click.option(
            "--use",
            type=click.Choice(USES),
            default="commercial",
            show_default=True,
            help="Commercial or non-commercial use.",
        ),
        click.option(
            "--distribution",
            type=click.Choice(DISTRIBUTIONS),
            default="network",
            show_default=True,
            help="internal: used inside the organisation only; network: offered to others as a "
            "service (SaaS, API); redistribute: weights or software shipped to others.",
        ),
        click.option(
            "--users",
            type=Quantity(),
            default=None,
            help="Monthly active users of the product (e.g. 2M). Unset: user thresholds become obligations.",
        ),
        click.option(
            "--org-users",
            "org_users",
            type=Quantity(),
            default=None,
            help="Monthly active users of all products and services of the organisation and its affiliates "
            "together (e.g. 900M): Llama's 700M threshold counts these. Unset: at least --users.",
        ),
        click.option(
            "--revenue",
            type=Quantity(),
            default=None,
            help="Annual revenue in USD (e.g. 5M). Unset: revenue caps become obligations.",
        ),
        click.option(
            "--region",
            default=None,
            metavar="CODE",
            help="ISO 3166-1 country code (e.g. FR, US) or EU. Unset: regional terms become obligations.",
        ),
        click.option(
            "--purpose",
            "purposes",
            multiple=True,
            metavar="ID",
            help="What the project uses its models for (repeatable), checked against the licences' use "
            "restrictions and output terms; `licensecheck purposes` lists the ids. Unset: those "
            "restrictions are listed, not checked.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


def network_options(function):
    options = [
        click.option(
            "--offline", is_flag=True, help="Never touch the network: components not in the lock file are unknown."
        ),
        click.option(
            "--jobs", type=click.IntRange(1, 256), default=16, show_default=True, help="Requests in flight at once."
        ),
        click.option(
            "--timeout",
            type=click.FloatRange(0.1, 600),
            default=10.0,
            show_default=True,
            help="Seconds to wait for one Hub or index answer.",
        ),
        retry_budget_option,
    ]
    for option in reversed(options):
        function = option(function)
    return function


class Duration(click.ParamType):
    """Seconds a person would type: 3600, 90s, 90m, 12h, 1d."""

    name = "DURATION"
    _UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

    def convert(self, value, param, ctx):
        if isinstance(value, (int, float)):
            return float(value)
        text = str(value).strip().lower()
        factor = self._UNITS.get(text[-1:], None)
        number = text[:-1] if factor else text
        try:
            seconds = float(number) * (factor or 1)
        except ValueError:
            self.fail(f"{value!r} is not a duration (examples: 3600, 90m, 12h, 1d)", param, ctx)
        if not 0 <= seconds < float("inf"):
            self.fail(f"{value!r} must be zero or more", param, ctx)
        return seconds


def cache_options(function):
    """`--refresh`, `--cache-ttl` and `--no-cache`: answers kept between runs (licensecheck/cache.py), for `scan` and `lock`."""
    options = [
        click.option(
            "--no-cache",
            "no_cache",
            is_flag=True,
            help="Neither read nor write licensecheck's cache: every answer is asked this run, and a scan "
            "is not replayed from an earlier identical one.",
        ),
        click.option(
            "--refresh",
            is_flag=True,
            help="Ask the Hub and PyPI again instead of using answers cached by earlier runs "
            "(what they answer is cached anew).",
        ),
        click.option(
            "--cache-ttl",
            type=Duration(),
            default="1d",
            show_default=True,
            help="How long a cached answer for an unpinned model, dataset or package (a branch, the "
            "latest release) is used, e.g. 90m, 12h, 1d; 0: never. Answers for a commit or an exact "
            "version do not expire. The cache is in $LICENSECHECK_CACHE_DIR, else the user cache "
            "directory; LICENSECHECK_NO_CACHE=1 turns it off.",
        ),
    ]
    for option in reversed(options):
        function = option(function)
    return function


retry_budget_option = click.option(
    "--retry-budget",
    type=click.FloatRange(0, 600),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="Seconds per repository or package to spend retrying rate limits (429), server errors (5xx), "
    "timeouts and dropped connections before reporting it unknown; 0: never retry.",
)
