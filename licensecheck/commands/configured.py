"""What `scan`, `lock` and `explain` share about the configuration file.

Find and read it (licensecheck/config.py), put the command-line flags over it,
and apply the policy to a scan's results (licensecheck/policy.py). Errors end the
run with exit 2 and the file, line and key.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .common import build_context, checked_purposes, fail

if TYPE_CHECKING:
    from ..config import Config
    from ..gitref import GitRevision
    from ..model import Context

config_option = click.option(
    "--config", "config_file", type=click.Path(path_type=Path, dir_okay=False), default=None, metavar="FILE",
    help="Read settings from FILE (a licensecheck.toml, or a pyproject.toml with [tool.licensecheck]) "
         "instead of searching PATH and its parents up to the repository root.",
)

config_ref_option = click.option(
    "--config-ref", "config_ref", default=None, metavar="REF",
    help="Read the configuration and the --baseline file as they are at git commit REF (a branch, tag or commit), "
         "not from the working tree: in CI, the pull request's base, so that the change under review cannot "
         "loosen the gate that judges it. A file missing at REF means the defaults.",
)

_CONTEXT_FLAGS = ("use", "distribution", "users", "revenue", "region", "org_users", "purposes")


@dataclass(frozen=True)
class Setup:
    """A command's configuration, its usage context (flags over file), and the date of the run."""

    config: "Config"  # licensecheck.config, imported lazily
    context: "Context"
    sources: dict[str, str]
    today: date
    revision: "GitRevision | None" = None  # licensecheck.gitref: `--config-ref`, where the policy is read


def flags_given(ctx: click.Context) -> dict[str, object]:
    """The usage-context flags the user typed (or set in the environment), not click's defaults."""
    from click.core import ParameterSource

    typed = (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
    return {name: ctx.params[name] for name in _CONTEXT_FLAGS if name in ctx.params and ctx.get_parameter_source(name) in typed}


def load_setup(path: Path, config_file: Path | None, knowledge, config_ref: str | None = None) -> Setup:
    """Read the configuration governing PATH (at git commit `config_ref`, when given) and merge the flags over it."""
    from ..config import load_config, load_config_at, run_date
    from ..errors import LicensecheckError

    revision = None
    try:
        if config_ref is not None:
            from ..gitref import open_revision

            revision = open_revision(path, config_ref)
            config = load_config_at(revision, path, knowledge, config_file)
        else:
            config = load_config(path, knowledge, config_file)
        today = run_date()
    except LicensecheckError as error:
        fail(str(error))
    given = flags_given(click.get_current_context())
    if "purposes" in given:
        given["purposes"] = checked_purposes(given["purposes"], knowledge)
    context, sources = config.context(given)
    # The flags' region still needs the same check and spelling as --region's.
    context = build_context(context.use, context.distribution, context.users, context.revenue, context.region,
                            context.org_users, context.purposes)
    return Setup(config, context, sources, today, revision)


def configured_scan(path: Path, setup: Setup, options, knowledge):
    """`scan_path` with the configuration: exclude globs, then allow / deny / exceptions."""
    from ..scan import scan_path

    options = replace(_with_verify_lock(options, setup), exclude=setup.config.path_filter(path))
    return _with_policy(scan_path(path, setup.context, options, knowledge), setup, options, knowledge)


def configured_components(components, root: Path, setup: Setup, options, knowledge):
    """`components` judged as a scan of `root` would judge them under the configuration (compare, suggest).

    The same steps as `configured_scan` on a tree declaring them: `root`'s lock,
    lineage, then allow / deny / exceptions; so a verdict here is a scan's verdict.
    """
    from ..scan import scan_components

    options = _with_verify_lock(options, setup)
    return _with_policy(scan_components(components, root, setup.context, options, knowledge), setup, options, knowledge)


def _with_verify_lock(options, setup: Setup):
    # `verify_lock = true` in the file is over a plain scan; `--offline` (trust the lock, no network) is over it.
    return replace(
        options,
        verify_lock=options.verify_lock or (setup.config.verify_lock and not options.offline),
        override_from=setup.config.override_from,
    )


def _with_policy(result, setup: Setup, options, knowledge):
    """The configuration's policy over judged components, and where the context came from."""
    from ..policy import apply_policy

    result = apply_policy(result, setup.config.policy, knowledge.lookup, setup.today)
    return replace(
        result,
        notices=setup.config.notices + _unverified_notice(setup.config, options) + result.notices,
        context_sources=dict(setup.sources),
        config_file=setup.config.file,
    )


def _unverified_notice(config, options) -> tuple:
    if not (options.offline and config.verify_lock):
        return ()
    from ..lockfile import LOCK_NAME
    from ..model import Finding, Severity

    return (Finding(Severity.WARNING, "lock-not-verified", f"{LOCK_NAME} is trusted without checking it: --offline "
                    f"overrides `verify_lock = true` in {config.origin('verify_lock')}"),)


baseline_options = [
    click.option("--baseline", "baseline_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
                 metavar="FILE", help="Report only what is new: components whose every problem FILE records "
                                      "are shown as baselined and do not fail the run."),
    click.option("--write-baseline", "write_baseline", type=click.Path(path_type=Path, dir_okay=False), default=None,
                 metavar="FILE", help="Record today's problems (denied and unknown components) in FILE, "
                                      "then report them as baselined."),
]


def read_baseline_or_exit(path: Path | None, revision=None):
    """The entries of `--baseline FILE`, read before the scan so that a bad file fails fast.

    With `--config-ref`, FILE as it is at that commit (`revision`); absent there, nothing is baselined.
    """
    if path is None:
        return None
    from ..baseline import parse_baseline, read_baseline
    from ..config import shown_path
    from ..errors import LicensecheckError

    try:
        if revision is None:
            return read_baseline(path, shown_path(path))
        if not revision.exists(path):
            return frozenset()
        return parse_baseline(revision.read(path), revision.shown(path))
    except LicensecheckError as error:
        fail(str(error))


def _baseline_shown(path: Path, revision) -> str:
    from ..config import shown_path

    if revision is None:
        return shown_path(path)
    return revision.shown(path) + ("" if revision.exists(path) else " (not at the ref: nothing is baselined)")


def apply_baseline_options(result, baseline_file: Path | None, entries, write_baseline: Path | None, revision=None):
    """`--write-baseline` records the result's problems; then the baseline in force marks what is known."""
    from ..baseline import apply_baseline, baseline_entries, render_baseline
    from ..config import shown_path
    from ..lockfile import write_atomically
    from .common import say

    if write_baseline is not None:
        written = baseline_entries(result)
        try:
            write_atomically(write_baseline, render_baseline(written))
        except OSError as error:
            fail(f"{shown_path(write_baseline)}: cannot write baseline ({error.strerror or type(error).__name__})")
        say(f"wrote {shown_path(write_baseline)}: {len(written)} problem(s) recorded")
        entries, baseline_file, revision = frozenset(written), write_baseline, None
    if entries is None or baseline_file is None:  # entries come with the file they were read from
        return result
    return apply_baseline(result, entries, _baseline_shown(baseline_file, revision))
