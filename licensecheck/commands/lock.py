"""`licensecheck lock`: resolve everything once and record it for fast, offline scans.

`lock --check` is the licence-drift watch: every entry against what the Hub and
PyPI answer now, nothing written (lockcheck.py compares).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from .common import EXIT_OK, EXIT_UNKNOWN, cache_options, fail, load_knowledge_or_exit, retry_budget_option, say
from .configured import config_option, load_setup
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
_SERVICES = {"hub-unreachable": ("the Hugging Face Hub", "HF_ENDPOINT"),
             "pypi-unreachable": ("the package index", "LICENSECHECK_PYPI_URL")}


@click.command(epilog=EPILOG)
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--jobs", type=click.IntRange(1, 256), default=16, show_default=True, help="Requests in flight at once.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True,
              help="Seconds to wait for one Hub or index answer.")
@retry_budget_option
@cache_options
@click.option("--quiet", "-q", is_flag=True, help="Say nothing unless something failed.")
@click.option("--check", is_flag=True,
              help="Write nothing: compare every entry of the lock with what the Hub and PyPI answer now "
                   "(at the revision it was asked at, never from the cache) and print what changed.")
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default=None,
              help="With --check: the report's format (default text; json: schema licensecheck/schemas/"
                   "lock-check-v1.schema.json).")
@config_option
@discover_option
def lock(path, jobs, timeout, retry_budget, quiet, check, format_name, config_file, no_cache, refresh, cache_ttl, discover):
    """Resolve every dependency under PATH and write PATH/licensecheck.lock.

    Scans then read licences from the lock and need no network for what it holds
    (`scan --verify-lock` checks each entry it uses instead of trusting it).
    """
    from ..scan import ScanOptions

    if format_name is not None and not check:
        fail("--format is for --check; `lock` itself writes licensecheck.lock")
    options = ScanOptions(jobs=jobs, timeout=timeout, use_lock=False, retry_budget=retry_budget,
                          refresh=refresh, cache_ttl=cache_ttl, use_cache=not no_cache)
    if check:
        sys.exit(_check(path, options, format_name or "text"))
    _write(path, options, quiet, config_file, discover)


def _write(path: Path, options, quiet: bool, config_file: Path | None, discover: bool) -> None:
    from ..errors import LicensecheckError
    from ..sources.inputs import collect_inputs
    from ..lockcheck import without_prefix
    from ..fsutil import write_atomically
    from ..lockfile import LOCK_NAME, Lock, merge_with_previous, read_lock, render_lock
    from ..scan import lock_entries, resolve_all

    # The configuration's exclude globs: what scan does not read, lock does not either.
    knowledge = load_knowledge_or_exit()
    exclude = load_setup(path, config_file, knowledge).config.path_filter(path)
    try:
        inputs = collect_inputs(path, exclude, discover=discover)
        lock_path = inputs.root / LOCK_NAME
        previous = read_lock(lock_path, LOCK_NAME)
        resolved = resolve_all(inputs.components, Lock(), options, knowledge)
    except LicensecheckError as error:
        fail(str(error))
    plan = lock_entries(inputs, resolved, previous)
    try:
        write_atomically(lock_path, render_lock(merge_with_previous(list(plan.entries), previous), __version__))
    except OSError as error:
        fail(f"{lock_path}: cannot write lock file ({error.strerror or type(error).__name__})")
    unreachable: dict[str, int] = {}
    for failure in plan.unresolved:
        code = failure.problem.code
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
        say(f"licensecheck: could not reach {service}: {count} component(s) not resolved; "
            f"check the network, proxy settings or {setting}")
    if not quiet:
        say(f"wrote {lock_path}: {plan.summary()}")
    sys.exit(EXIT_UNKNOWN if plan.unresolved else EXIT_OK)


def _check(path: Path, options, format_name: str) -> int:
    """`lock --check`: each entry asked for live at the revision it was requested at; the drift report."""
    from dataclasses import replace

    from ..errors import LicensecheckError
    from ..lockcheck import drift
    from ..lockfile import LOCK_NAME, read_lock
    from ..scan import Resolver
    from .common import write_output

    if not path.exists():
        fail(f"{path}: no such file or directory")
    lock_path = (path if path.is_dir() else path.parent) / LOCK_NAME
    if not lock_path.is_file():
        fail(f"{LOCK_NAME}: no lock file to check; run `licensecheck lock` first")
    try:
        entries = read_lock(lock_path, LOCK_NAME).entries
    except LicensecheckError as error:
        fail(str(error))
    # Drift is what the services say now: no answer is taken from the cache (new ones are stored).
    with Resolver(replace(options, refresh=True)) as resolver:
        futures = [resolver.submit_entry(entry, entry.requested) for entry in entries]
        answers = [future.result() for future in futures]
    report = drift(LOCK_NAME, list(zip(entries, answers)))
    write_output(report.to_json() if format_name == "json" else report.to_text(), None)
    return report.exit_code
