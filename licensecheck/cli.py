"""The command line: parse options, call the library, render, exit. No licence logic here.

Exit codes (a contract for CI gates):
  0  nothing denied and nothing unknown
  1  at least one component is denied
  2  usage or input error (bad flag, malformed file, invalid rules)
  3  nothing denied, but at least one component's licence is unknown
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .model import DISTRIBUTIONS, USES, Context, ScanResult, Verdict

EXIT_OK, EXIT_DENIED, EXIT_ERROR, EXIT_UNKNOWN = 0, 1, 2, 3

EXIT_CODES_HELP = """\b
Exit codes:
  0  nothing denied and nothing unknown
  1  at least one component is denied
  2  usage or input error
  3  nothing denied, but at least one licence is unknown"""

FORMAT_NAMES = ("text", "json")


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


def _use_colour(output: str | None) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return output is None and sys.stdout.isatty()


def _fail(message: str) -> "NoReturn":  # noqa: F821 - annotation only
    click.echo(f"licensecheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _load_knowledge():
    from .knowledge import RulesError, load_knowledge

    try:
        return load_knowledge()
    except RulesError as error:
        _fail(f"invalid rules: {error}")


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        _fail(f"{output}: cannot write report ({error.strerror or type(error).__name__})")


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


def _context(use, distribution, users, revenue, region) -> Context:
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES_HELP)
@click.version_option(__version__, "--version", prog_name="licensecheck")
def main() -> None:
    """Licence compliance for the models, datasets and Python packages a project depends on.

    Reads models.yaml, requirements*.txt, pyproject.toml and setup.cfg, resolves each
    dependency's licence (Hugging Face Hub, PyPI, or the lock file) and judges it under
    your usage context.
    """


@main.command(epilog=EXIT_CODES_HELP)
@click.argument("path", type=click.Path(path_type=Path), default=".")
@context_options
@network_options
@click.option("--format", "format_name", type=click.Choice(FORMAT_NAMES), default="text", show_default=True,
              help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report here instead of stdout.")
@click.option("--quiet", "-q", is_flag=True, help="Only what needs action: denied and unknown components.")
@click.option("--verbose", "-v", is_flag=True, help="Also allowed components' details and informational findings.")
def scan(path, use, distribution, users, revenue, region, offline, jobs, timeout, format_name, output, quiet, verbose):
    """Check every dependency declared under PATH (default: the current directory)."""
    from .errors import LicensecheckError
    from .report import RenderOptions, renderer
    from .scan import ScanOptions, scan_path

    context = _context(use, distribution, users, revenue, region)
    knowledge = _load_knowledge()
    try:
        result = scan_path(path, context, ScanOptions(offline=offline, jobs=jobs, timeout=timeout), knowledge)
    except LicensecheckError as error:
        _fail(str(error))
    verbosity = -1 if quiet else (1 if verbose else 0)
    _write(renderer(format_name)(result, RenderOptions(color=_use_colour(output), verbosity=verbosity)), output)
    sys.exit(exit_code_for(result))


@main.command(epilog="Exit codes: 0 every component resolved; 2 usage or input error; 3 some could not be resolved (not written).")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--jobs", type=click.IntRange(1, 256), default=16, show_default=True, help="Requests in flight at once.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True,
              help="Seconds to wait for one Hub or index answer.")
@click.option("--quiet", "-q", is_flag=True, help="Say nothing unless something failed.")
def lock(path, jobs, timeout, quiet):
    """Resolve every dependency under PATH and write PATH/licensecheck.lock.

    Scans then read licences from the lock and need no network for what it holds.
    """
    from .errors import LicensecheckError
    from .lockfile import LOCK_NAME, merge_with_previous, read_lock, render_lock, write_atomically
    from .scan import Lock, ScanOptions, collect_inputs, lock_entries, resolve_all

    try:
        inputs = collect_inputs(path)
        lock_path = inputs.root / LOCK_NAME
        previous = read_lock(lock_path, LOCK_NAME)
        resolved = resolve_all(inputs.components, Lock(), ScanOptions(jobs=jobs, timeout=timeout, use_lock=False))
    except LicensecheckError as error:
        _fail(str(error))
    entries, failures = lock_entries(inputs, resolved)
    try:
        write_atomically(lock_path, render_lock(merge_with_previous(entries, previous), __version__))
    except OSError as error:
        _fail(f"{lock_path}: cannot write lock file ({error.strerror or type(error).__name__})")
    for component, problem in failures:
        click.echo(f"licensecheck: {component.type} {component.name}: {problem.message}", err=True)
    if not quiet:
        click.echo(f"wrote {lock_path}: {len(entries)} component(s) locked, {len(failures)} unresolved", err=True)
    sys.exit(EXIT_UNKNOWN if failures else EXIT_OK)


def run() -> None:
    """Entry point: turn anything unexpected into exit 2 with a message, never a traceback."""
    try:
        main(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("licensecheck: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug of ours: still a defined exit code, and a hint
        if os.environ.get("LICENSECHECK_DEBUG"):
            raise
        click.echo(
            f"licensecheck: internal error ({type(error).__name__}); rerun with LICENSECHECK_DEBUG=1 for details",
            err=True,
        )
        sys.exit(EXIT_ERROR)


if __name__ == "__main__":
    run()
