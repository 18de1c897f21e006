"""licensecheck as a library: the calls the command line makes, for a notebook, a test or another tool.

    from licensecheck import api

    result = api.scan("path/to/project", offline=True, distribution="redistribute", users=2_000_000)
    print(api.render(result, "markdown"))

`scan` returns the `ScanResult` that every report format renders (the JSON report
is `render(result, "json")`); `lock` writes `licensecheck.lock`; `explain` gives a
licence's terms under a usage context. The usage context is given as keywords
named like the command line's flags (`use`, `distribution`, `users`, `org_users`,
`revenue`, `region`, `purpose`); a keyword given is a flag typed: it wins over the
project's configuration file, and one left out (or None) comes from that file or
the default.

Nothing here prints, reads the command line or exits: a bad argument raises
`errors.UsageError`, a bad input file `errors.InputError`, any other refusal a
`errors.LicensecheckError` (all three: the command line's exit code 2).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LicensecheckError, UsageError
from .findings import LOCK_NOT_VERIFIED
from .model import DISTRIBUTIONS, USES, Component, Context, ScanOptions, ScanResult

if TYPE_CHECKING:  # not imported at run time: the warm path reads none of these
    from .config import Config
    from .explain_licence import Explanation
    from .gitref import GitRevision
    from .judge import Configured
    from .knowledge import Knowledge
    from .lockcheck import DriftReport
    from .lockfile import LockPlan

__all__ = [
    "CONTEXT_KEYWORDS",
    "LockWritten",
    "ScanOptions",
    "ScanResult",
    "Setup",
    "check_lock",
    "explain",
    "lock",
    "render",
    "scan",
]

# The usage context's keywords, as the command line spells its flags (`--org-users`: org_users).
CONTEXT_KEYWORDS = ("use", "distribution", "users", "org_users", "revenue", "region", "purpose")
_QUANTITIES = ("users", "org_users", "revenue")


def load_rules() -> Knowledge:
    """The installed licence rules (rules/); `LicensecheckError` when they do not validate."""
    from .knowledge import RulesError, load_knowledge

    try:
        return load_knowledge()
    except RulesError as error:
        raise LicensecheckError(f"invalid rules: {error}") from None


# --- the usage context ------------------------------------------------------------


def context_given(context: Mapping[str, object], knowledge: Knowledge) -> dict[str, object]:
    """The context keywords a caller gave (None: not given), checked, keyed as the configuration's keys."""
    unknown = sorted(set(context) - set(CONTEXT_KEYWORDS))
    if unknown:
        raise UsageError(
            f"unknown usage-context keyword(s): {', '.join(unknown)} (known: {', '.join(CONTEXT_KEYWORDS)})", unknown[0]
        )
    given: dict[str, object] = {}
    for key, value in context.items():
        if value is None:
            continue
        if key == "use" and value not in USES:
            raise UsageError(f"use must be one of {', '.join(USES)}, not {value!r}", key)
        if key == "distribution" and value not in DISTRIBUTIONS:
            raise UsageError(f"distribution must be one of {', '.join(DISTRIBUTIONS)}, not {value!r}", key)
        if key in _QUANTITIES and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise UsageError(f"{key} must be a whole, non-negative number, not {value!r}", key)
        if key == "region" and not isinstance(value, str):
            raise UsageError(f"region must be a country code such as 'FR', or 'EU', not {value!r}", key)
        if key == "purpose":
            given["purposes"] = checked_purposes(value, knowledge)
        else:
            given[key] = value
    return given


def checked_purposes(given: object, knowledge: Knowledge) -> tuple[str, ...]:
    """`purpose=` (an id, or a list of ids) as the taxonomy knows them (sorted, once each).

    `UsageError` for anything else, or for an id the taxonomy does not know.
    """
    from .purposes import UnknownPurpose, check_purposes

    listed = (given,) if isinstance(given, str) else given
    if not isinstance(listed, (list, tuple, set, frozenset)) or not all(isinstance(p, str) for p in listed):
        raise UsageError(f"purpose must be an id or a list of ids, not {given!r}", "purpose")
    purposes = tuple(listed)
    try:
        return check_purposes(purposes, knowledge)
    except UnknownPurpose as error:
        raise UsageError(error.message(), "purpose") from None


def checked_context(context: Context) -> Context:
    """`context` with its region checked and spelt as `--region` spells it (from a flag or the file)."""
    if context.region is None:
        return context
    from .regions import RegionError, parse_region

    try:
        return replace(context, region=parse_region(context.region))
    except RegionError as error:
        raise UsageError(str(error), "region") from None


# --- the configuration -------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    """A run's configuration, its usage context (given keywords over the file), and the date of the run."""

    config: Config
    context: Context
    sources: dict[str, str]  # where each context value came from: cli, config, preset, default
    today: date
    revision: GitRevision | None = None  # `config_ref`: the commit the configuration was read at


def load_setup(
    path: Path,
    knowledge: Knowledge,
    *,
    config: Path | None = None,
    config_ref: str | None = None,
    context: Mapping[str, object] | None = None,
) -> Setup:
    """The configuration governing `path` (at git commit `config_ref`, when given), the `context` keywords over it."""
    from .config import load_config, load_config_at, run_date

    revision = None
    if config_ref is not None:
        from .gitref import open_revision

        revision = open_revision(path, config_ref)
        loaded = load_config_at(revision, path, knowledge, config)
    else:
        loaded = load_config(path, knowledge, config)
    today = run_date()
    merged, sources = loaded.context(context_given(context or {}, knowledge))
    return Setup(loaded, checked_context(merged), sources, today, revision)


def configured_scan(path: Path, setup: Setup, options: ScanOptions, knowledge: Knowledge) -> ScanResult:
    """A scan of `path` under the configuration: its exclude globs, then allow / deny / exceptions."""
    from .scan import scan_path

    options = replace(_with_verify_lock(options, setup), exclude=setup.config.path_filter(path))
    return scan_path(path, setup.context, options, knowledge, _configured(setup, options))


def configured_components(
    components: Iterable[Component], root: Path, setup: Setup, options: ScanOptions, knowledge: Knowledge
) -> ScanResult:
    """`components` judged as a scan of `root` would judge them under the configuration (compare, suggest).

    The same steps as `configured_scan` on a tree declaring them: `root`'s lock,
    lineage, then allow / deny / exceptions; so a verdict here is a scan's verdict.
    """
    from .scan import scan_components

    options = _with_verify_lock(options, setup)
    return scan_components(components, root, setup.context, options, knowledge, _configured(setup, options))


def _with_verify_lock(options: ScanOptions, setup: Setup) -> ScanOptions:
    # `verify_lock = true` in the file is over a plain scan; offline (trust the lock, no network) is over it.
    return replace(
        options,
        verify_lock=options.verify_lock or (setup.config.verify_lock and not options.offline),
        override_from=setup.config.override_from,
    )


def _configured(setup: Setup, options: ScanOptions) -> Configured:
    """What the configuration adds to the judge: its policy, its notices, where the context came from."""
    from .judge import Configured

    return Configured(
        setup.config.policy,
        setup.today,
        setup.config.notices + _unverified_notice(setup.config, options),
        setup.sources,
        setup.config.file,
    )


def _unverified_notice(config: Config, options: ScanOptions) -> tuple:
    if not (options.offline and config.verify_lock):
        return ()
    from .lockfile import LOCK_NAME
    from .model import Finding, Severity

    return (
        Finding(
            Severity.WARNING,
            LOCK_NOT_VERIFIED,
            f"{LOCK_NAME} is trusted without checking it: --offline "
            f"overrides `verify_lock = true` in {config.origin('verify_lock')}",
        ),
    )


# --- the baseline --------------------------------------------------------------------


def read_baseline(path: Path | None, revision: GitRevision | None = None) -> frozenset | None:
    """The entries of a baseline file (None: no file given); at `revision` when given (absent there: none)."""
    if path is None:
        return None
    from .baseline import parse_baseline
    from .baseline import read_baseline as read_file
    from .config import shown_path

    if revision is None:
        return read_file(path, shown_path(path))
    if not revision.exists(path):
        return frozenset()
    return parse_baseline(revision.read(path), revision.shown(path))


def write_baseline(result: ScanResult, path: Path) -> frozenset:
    """Record the result's problems (denied and unknown components) in `path`; the entries written."""
    from .baseline import baseline_entries
    from .config import shown_path
    from .fsutil import write_atomically
    from .report.baseline import render_baseline

    written = baseline_entries(result)
    try:
        write_atomically(path, render_baseline(written))
    except OSError as error:
        raise LicensecheckError(
            f"{shown_path(path)}: cannot write baseline ({error.strerror or type(error).__name__})"
        ) from None
    return frozenset(written)


def with_baseline(
    result: ScanResult, entries: frozenset | None, path: Path | None, revision: GitRevision | None = None
) -> ScanResult:
    """Components whose every problem the baseline records marked baselined (they do not fail the run)."""
    if entries is None or path is None:
        return result
    from .baseline import apply_baseline
    from .config import shown_path

    if revision is None:
        shown = shown_path(path)
    else:
        shown = revision.shown(path) + ("" if revision.exists(path) else " (not at the ref: nothing is baselined)")
    return apply_baseline(result, entries, shown)


# --- the calls ----------------------------------------------------------------------


def scan(
    path: str | Path = ".",
    *,
    offline: bool = False,
    config: str | Path | None = None,
    config_ref: str | None = None,
    baseline: str | Path | None = None,
    write_baseline_to: str | Path | None = None,
    suggest: bool = False,
    options: ScanOptions | None = None,
    knowledge: Knowledge | None = None,
    **context: object,
) -> ScanResult:
    """Check every dependency declared under `path` under a usage context; the result every report renders.

    `offline`: never touch the network (what `licensecheck.lock` does not hold is
    unknown). `config`: a licensecheck.toml or pyproject.toml to read instead of
    searching `path` and its parents; `config_ref`: read it (and `baseline`) at
    that git commit. `baseline`: components whose every problem that file records
    are marked baselined; `write_baseline_to`: record today's problems there first.
    `suggest`: alternatives under each denied or unknown Hub model. `options`: the
    other flags of `scan` (jobs, timeout, scope, sboms, ...). `context`: the usage
    context (see CONTEXT_KEYWORDS).
    """
    path = Path(path)
    options = options or ScanOptions()
    options = replace(options, offline=offline or options.offline)
    if options.verify_lock and options.offline:
        raise UsageError(
            "--verify-lock and --offline contradict each other: --verify-lock asks the Hub and PyPI about "
            "every lock entry, --offline trusts the lock without the network"
        )
    if suggest and options.offline:
        raise UsageError(
            "suggestions need the Hub (its model listing and each candidate's licence): drop --offline or --suggest"
        )
    knowledge = knowledge or load_rules()
    setup = load_setup(path, knowledge, config=_path(config), config_ref=config_ref, context=context)
    baseline_path = _path(baseline)
    entries = read_baseline(baseline_path, setup.revision)  # before the scan: a bad file fails fast
    result = configured_scan(path, setup, options, knowledge)
    revision = setup.revision
    if write_baseline_to is not None:
        baseline_path, revision = Path(write_baseline_to), None
        entries = write_baseline(result, baseline_path)
    result = with_baseline(result, entries, baseline_path, revision)
    if suggest:
        from .suggest import with_alternatives

        root = path if path.is_dir() else path.parent  # whose lock the scan read
        quiet = replace(options, progress=None)  # the bar is the scan's
        result = with_alternatives(
            result,
            lambda components: configured_components(components, root, setup, quiet, knowledge),
            timeout=options.timeout,
            retry_budget=options.retry_budget,
        )
    return result


@dataclass(frozen=True)
class LockWritten:
    """What `lock` wrote: the lock file, and the plan (entries, what could not be resolved, the counts)."""

    path: Path
    plan: LockPlan


def lock(
    path: str | Path = ".",
    *,
    config: str | Path | None = None,
    discover: bool = True,
    options: ScanOptions | None = None,
    knowledge: Knowledge | None = None,
) -> LockWritten:
    """Resolve every dependency under `path` (and every model's ancestors) and write `path`/licensecheck.lock.

    An entry the services cannot answer for now keeps its previous value
    (`plan.unresolved` says which); `options`: jobs, timeout, retries, cache.
    """
    from . import __version__
    from .fsutil import write_atomically
    from .lockfile import LOCK_NAME, Lock, merge_with_previous, read_lock, render_lock
    from .scan import lock_entries, resolve_all
    from .sources.inputs import collect_inputs

    path = Path(path)
    options = replace(options or ScanOptions(), use_lock=False)
    knowledge = knowledge or load_rules()
    # The configuration's exclude globs: what scan does not read, lock does not either.
    exclude = load_setup(path, knowledge, config=_path(config)).config.path_filter(path)
    inputs = collect_inputs(path, exclude, discover=discover)
    lock_path = inputs.root / LOCK_NAME
    previous = read_lock(lock_path, LOCK_NAME)
    resolved = resolve_all(inputs.components, Lock(), options, knowledge)
    plan = lock_entries(inputs, resolved, previous)
    try:
        write_atomically(lock_path, render_lock(merge_with_previous(list(plan.entries), previous), __version__))
    except OSError as error:
        raise LicensecheckError(
            f"{lock_path}: cannot write lock file ({error.strerror or type(error).__name__})"
        ) from None
    return LockWritten(lock_path, plan)


def check_lock(path: str | Path = ".", *, options: ScanOptions | None = None) -> DriftReport:
    """Every entry of `path`'s lock against what the Hub and PyPI answer now (never the cache); nothing written."""
    from .lockcheck import drift
    from .lockfile import LOCK_NAME, read_lock
    from .scan import Resolver

    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    lock_path = (path if path.is_dir() else path.parent) / LOCK_NAME
    if not lock_path.is_file():
        raise UsageError(f"{LOCK_NAME}: no lock file to check; run `licensecheck lock` first")
    entries = read_lock(lock_path, LOCK_NAME).entries
    with Resolver(replace(options or ScanOptions(), refresh=True)) as resolver:
        futures = [resolver.submit_entry(entry, entry.requested) for entry in entries]
        answers = [future.result() for future in futures]
    return drift(LOCK_NAME, list(zip(entries, answers)))


def explain(licence: str, *, knowledge: Knowledge | None = None, **context: object) -> Explanation:
    """What licence `licence` (a Hub id, SPDX id or alias) permits and requires, and its verdict under `context`."""
    from .explain_licence import UnknownLicenceId, explain_licence, find_licence

    knowledge = knowledge or load_rules()
    given = context_given(context, knowledge)
    try:
        rule = find_licence(licence, knowledge)
    except UnknownLicenceId as error:
        raise UsageError(error.message()) from None
    return explain_licence(rule, context_of(given))


def context_of(given: Mapping[str, object]) -> Context:
    """The usage context of checked keywords alone (no configuration file), the rest defaults."""
    return checked_context(Context(**given))  # type: ignore[arg-type]  # context_given checked each value


def render(
    result: ScanResult,
    format: str = "text",
    *,
    color: bool = False,
    verbosity: int = 0,
    source_prefix: str = "",
    knowledge: Knowledge | None = None,
) -> str:
    """The report of `result` in `format` (text, json, markdown, sarif, html, spdx-json, spdx, cyclonedx-json).

    As the command line writes it: secrets masked, control characters escaped.
    `verbosity`: -1 only what needs action, 0 normal, 1 verbose. `source_prefix`:
    the scanned directory relative to the repository root (SARIF locations).
    """
    from .report import FORMATS, RenderOptions, renderer

    if format not in FORMATS:
        raise UsageError(f"unknown format {format!r} (known: {', '.join(sorted(FORMATS))})", "format")
    options = RenderOptions(color=color, verbosity=verbosity, knowledge=knowledge, source_prefix=source_prefix)
    return safe_text(renderer(format)(result, options), color=color)


def safe_text(text: str, *, color: bool = False) -> str:
    """Text for a terminal, a file or a CI log: no token, no control sequence (unless colour on purpose)."""
    from .redact import redact, safe_for_terminal
    from .report.escape import command_lines_neutralised

    # The safety net (redact.py, report/escape.py): findings never quote a token, but a report
    # must not either; nor may a hostile name drive the terminal or the CI job log.
    return command_lines_neutralised(safe_for_terminal(redact(text), colours=color))


def _path(value: str | Path | None) -> Path | None:
    return None if value is None else Path(value)
