"""`licensecheck lock`: resolve everything once and record it for fast, offline scans."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import __version__
from .common import EXIT_OK, EXIT_UNKNOWN, fail


@click.command(epilog="Exit codes: 0 every component resolved; 2 usage or input error; 3 some could not be resolved (not written).")
@click.argument("path", type=click.Path(path_type=Path), default=".")
@click.option("--jobs", type=click.IntRange(1, 256), default=16, show_default=True, help="Requests in flight at once.")
@click.option("--timeout", type=click.FloatRange(0.1, 600), default=10.0, show_default=True,
              help="Seconds to wait for one Hub or index answer.")
@click.option("--quiet", "-q", is_flag=True, help="Say nothing unless something failed.")
def lock(path, jobs, timeout, quiet):
    """Resolve every dependency under PATH and write PATH/licensecheck.lock.

    Scans then read licences from the lock and need no network for what it holds.
    """
    from ..errors import LicensecheckError
    from ..lockfile import LOCK_NAME, merge_with_previous, read_lock, render_lock, write_atomically
    from ..inputs import collect_inputs
    from ..lockfile import Lock
    from ..scan import ScanOptions, lock_entries, resolve_all

    try:
        inputs = collect_inputs(path)
        lock_path = inputs.root / LOCK_NAME
        previous = read_lock(lock_path, LOCK_NAME)
        resolved = resolve_all(inputs.components, Lock(), ScanOptions(jobs=jobs, timeout=timeout, use_lock=False))
    except LicensecheckError as error:
        fail(str(error))
    entries, failures = lock_entries(inputs, resolved, previous)
    try:
        write_atomically(lock_path, render_lock(merge_with_previous(entries, previous), __version__))
    except OSError as error:
        fail(f"{lock_path}: cannot write lock file ({error.strerror or type(error).__name__})")
    for component, problem in failures:
        click.echo(f"licensecheck: {component.type} {component.name}: {problem.message}", err=True)
    if not quiet:
        click.echo(f"wrote {lock_path}: {len(entries)} component(s) locked, {len(failures)} unresolved", err=True)
    sys.exit(EXIT_UNKNOWN if failures else EXIT_OK)
