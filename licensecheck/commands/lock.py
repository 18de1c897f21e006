"""`licensecheck lock`: resolve everything once and record it for fast, offline scans."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from .common import EXIT_OK, EXIT_UNKNOWN, cache_options, fail, load_knowledge_or_exit, retry_budget_option, say
from .configured import config_option, load_setup
from .discovery import discover_option


@click.command(epilog="Exit codes: 0 every component resolved; 2 usage or input error; 3 some could not be resolved (not written).")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--jobs", type=click.IntRange(1, 256), default=16, show_default=True, help="Requests in flight at once.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True,
              help="Seconds to wait for one Hub or index answer.")
@retry_budget_option
@cache_options
@click.option("--quiet", "-q", is_flag=True, help="Say nothing unless something failed.")
@config_option
@discover_option
def lock(path, jobs, timeout, retry_budget, quiet, config_file, no_cache, refresh, cache_ttl, discover):
    """Resolve every dependency under PATH and write PATH/licensecheck.lock.

    Scans then read licences from the lock and need no network for what it holds.
    """
    from ..errors import LicensecheckError
    from ..lockfile import LOCK_NAME, merge_with_previous, read_lock, render_lock, write_atomically
    from ..inputs import collect_inputs
    from ..lockfile import Lock
    from ..scan import ScanOptions, lock_entries, resolve_all

    # The configuration's exclude globs: what scan does not read, lock does not either.
    knowledge = load_knowledge_or_exit()
    exclude = load_setup(path, config_file, knowledge).config.path_filter(path)
    try:
        inputs = collect_inputs(path, exclude, discover=discover)
        lock_path = inputs.root / LOCK_NAME
        previous = read_lock(lock_path, LOCK_NAME)
        resolved = resolve_all(
            inputs.components, Lock(), ScanOptions(jobs=jobs, timeout=timeout, use_lock=False, retry_budget=retry_budget,
                                                 refresh=refresh, cache_ttl=cache_ttl, use_cache=not no_cache), knowledge
        )
    except LicensecheckError as error:
        fail(str(error))
    entries, failures = lock_entries(inputs, resolved, previous)
    try:
        write_atomically(lock_path, render_lock(merge_with_previous(entries, previous), __version__))
    except OSError as error:
        fail(f"{lock_path}: cannot write lock file ({error.strerror or type(error).__name__})")
    unreachable = 0
    for component, problem in failures:
        if problem.code.endswith("-unreachable"):
            unreachable += 1  # one line for all of them, not one per component
            continue
        what = f"{component.type} {component.name}"
        say(f"licensecheck: {problem.message if problem.message.startswith(what) else f'{what}: {problem.message}'}")
    if unreachable:
        say(f"licensecheck: could not reach the Hub or the package index: {unreachable} component(s) not resolved; "
            "check the network, proxy settings, HF_ENDPOINT or LICENSECHECK_PYPI_URL")
    if not quiet:
        say(f"wrote {lock_path}: {len(entries)} component(s) locked, {len(failures)} unresolved")
    sys.exit(EXIT_UNKNOWN if failures else EXIT_OK)
