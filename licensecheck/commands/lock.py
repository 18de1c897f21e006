"""`licensecheck lock`: resolve everything once and record it for fast, offline scans.

`lock --check` is the licence-drift watch: every entry against what the Hub and
PyPI answer now, nothing written (lockcheck.py compares).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import (
    EXIT_OK,
    EXIT_UNKNOWN,
    api_errors,
    cache_options,
    fail,
    load_knowledge_or_exit,
    retry_budget_option,
    say,
    write_output,
)
from .configured import config_option
from .discovery import discover_option

EPILOG = """\b
Exit codes:
  0  every component resolved
  2  usage or input error
  3  some could not be resolved: the lock is written with the others, which
     offline scans then read; the rest stay unknown until a later `lock`
\b
With --check (nothing is written):
  0  no licence or ancestor changed and nothing is gone (new commits,
     releases and renames are listed, and do not fail)
  1  a licence or an ancestor changed, or a repository or package is gone
  3  nothing failing changed, but some entries could not be checked"""

# Which service a `*-unreachable` finding is about, and the setting that points at it.
_SERVICES = {
    "hub-unreachable": ("the Hugging Face Hub", "HF_ENDPOINT"),
    "pypi-unreachable": ("the package index", "LICENSECHECK_PYPI_URL"),
}


@click.command(epilog=EPILOG)
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--jobs", type=click.IntRange(1, 256), default=16, show_default=True, help="Requests in flight at once.")
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 600),
    default=10.0,
    show_default=True,
    help="Seconds to wait for one Hub or index answer.",
)
@retry_budget_option
@cache_options
@click.option("--quiet", "-q", is_flag=True, help="Say nothing unless something failed.")
@click.option(
    "--check",
    is_flag=True,
    help="Write nothing: compare every entry of the lock with what the Hub and PyPI answer now "
    "(at the revision it was asked at, never from the cache) and print what changed.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(["text", "json"]),
    default=None,
    help="With --check: the report's format (default text; json: schema licensecheck/schemas/"
    "lock-check-v1.schema.json).",
)
@config_option
@discover_option
def lock(
    path, jobs, timeout, retry_budget, quiet, check, format_name, config_file, no_cache, refresh, cache_ttl, discover
):
    """Resolve every dependency under PATH and write PATH/licensecheck.lock.

    Scans then read licences from the lock and need no network for what it holds
    (`scan --verify-lock` checks each entry it uses instead of trusting it).
    """
    from ..model import ScanOptions

    if format_name is not None and not check:
        fail("--format is for --check; `lock` itself writes licensecheck.lock")
    options = ScanOptions(
        jobs=jobs,
        timeout=timeout,
        use_lock=False,
        retry_budget=retry_budget,
        refresh=refresh,
        cache_ttl=cache_ttl,
        use_cache=not no_cache,
    )
    if check:
        sys.exit(_check(path, options, format_name or "text"))
    _write(path, options, quiet, config_file, discover)


def _write(path: Path, options, quiet: bool, config_file: Path | None, discover: bool) -> None:
    from ..api import lock as write_lock
    from ..lockcheck import without_prefix
    from ..lockfile import LOCK_NAME

    knowledge = load_knowledge_or_exit()
    with api_errors():
        written = write_lock(path, config=config_file, discover=discover, options=options, knowledge=knowledge)
    plan, lock_path = written.plan, written.path
    unreachable: dict[str, int] = {}
    for failure in plan.unresolved:
        code: str = failure.problem.code
        if code in _SERVICES:
            unreachable[code] = unreachable.get(code, 0) + 1  # one line per service, not one per component
            continue
        what = f"{failure.component.type} {failure.component.name}"
        reason = without_prefix(failure.problem.message, what)
        if failure.previous == "dropped":
            say(f"licensecheck: {what}: dropped from {LOCK_NAME}: {reason} ({code})")
        elif failure.previous == "kept":
            say(f"licensecheck: {what}: kept from the previous {LOCK_NAME}: {reason}")
        else:
            say(f"licensecheck: {what}: {reason}")
    for code, count in unreachable.items():
        service, setting = _SERVICES[code]
        say(
            f"licensecheck: could not reach {service}: {count} component(s) not resolved; "
            f"check the network, proxy settings or {setting}"
        )
    if not quiet:
        say(f"wrote {lock_path}: {plan.summary()}")
    sys.exit(EXIT_UNKNOWN if plan.unresolved else EXIT_OK)


def _check(path: Path, options, format_name: str) -> int:
    """`lock --check`: each entry asked for live at the revision it was requested at; the drift report."""
    from ..api import check_lock

    with api_errors():
        report = check_lock(path, options=options)
    write_output(report.to_json() if format_name == "json" else report.to_text(), None)
    return report.exit_code
