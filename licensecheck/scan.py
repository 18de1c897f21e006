"""One run: find inputs, read them, resolve licences, judge them under the context.

This module wires the wings together (like pip-audit's `_audit.py`): sources
produce Components, the lock and the resolvers produce Resolutions, the pure core
produces Evaluations. Network access happens only in `resolve_all`, through one
shared Hub client and a bounded thread pool.
"""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from threading import Lock as ThreadLock

from .inputs import Inputs, collect_inputs
from .evaluate import evaluate_expression, evaluate_rule, evaluate_unresolved
from .identify import identify
from .knowledge import Knowledge
from .lockfile import LOCK_NAME, Lock, LockEntry, read_lock
from .model import (
    PACKAGE,
    Component,
    ComponentResult,
    Context,
    Evaluation,
    Finding,
    LicenceInfo,
    Resolution,
    ScanResult,
    Severity,
    Verdict,
)

@dataclass(frozen=True)
class ScanOptions:
    offline: bool = False
    jobs: int = 16
    timeout: float = 10.0
    use_lock: bool = True


@dataclass(frozen=True)
class Resolved:
    """A component's resolution plus what lineage needs (filled by the Hub resolver)."""

    resolution: Resolution
    base_models: tuple[str, ...] = ()
    relation: str | None = None


class Resolver:
    """Resolves components once each, concurrently, with one shared Hub client."""

    def __init__(self, options: ScanOptions) -> None:
        self.options = options
        self._pool = ThreadPoolExecutor(max_workers=max(1, options.jobs), thread_name_prefix="licensecheck")
        self._futures: dict[tuple, Future] = {}
        self._guard = ThreadLock()
        self._hub_api = None

    def __enter__(self) -> "Resolver":
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _api(self):
        with self._guard:
            if self._hub_api is None:
                from .resolve.hub import make_hub_api

                self._hub_api = make_hub_api()
            return self._hub_api

    def submit_hub(self, repo_type: str, repo_id: str, revision: str | None) -> Future:
        """At most one request per repository and revision per run."""
        key = ("hub", repo_type, repo_id.lower(), revision)
        with self._guard:
            future = self._futures.get(key)
            if future is None:
                future = self._pool.submit(self._resolve_hub, repo_type, repo_id, revision)
                self._futures[key] = future
            return future

    def _resolve_hub(self, repo_type: str, repo_id: str, revision: str | None) -> Resolved:
        from .resolve.hub import resolve_hub_repo

        record = resolve_hub_repo(self._api(), repo_type, repo_id, revision, timeout=self.options.timeout)
        return Resolved(record.resolution, record.base_models, record.relation)

    def submit_package(self, name: str, version: str | None) -> Future:
        key = ("pypi", name.lower(), version)
        with self._guard:
            future = self._futures.get(key)
            if future is None:
                future = self._pool.submit(self._resolve_package, name, version)
                self._futures[key] = future
            return future

    def _resolve_package(self, name: str, version: str | None) -> Resolved:
        from .resolve.pypi import resolve_package

        return Resolved(resolve_package(name, version, timeout=self.options.timeout))


def _not_in_lock(component: Component) -> Resolved:
    return Resolved(
        Resolution(
            problem=Finding(
                Severity.ERROR,
                "not-in-lock",
                f"{component.name} is not in {LOCK_NAME} and --offline forbids the network: run `licensecheck lock`",
            )
        )
    )


def _direct_reference(component: Component) -> Resolved:
    return Resolved(
        Resolution(
            problem=Finding(
                Severity.ERROR,
                "unresolvable-reference",
                f"{component.direct_reference!r} is a path or URL with no index entry: its licence cannot be looked up",
            )
        )
    )


def _own_model(component: Component) -> Resolved:
    # The organisation's own model has no Hub entry; its licence is its override
    # (if any) and whatever its ancestors impose.
    return Resolved(Resolution(), component.base_models, component.relation)


def resolve_all(components: Iterable[Component], lock: Lock, options: ScanOptions) -> dict[tuple, Resolved]:
    """Resolve each component from the lock when it holds it, else from the network."""
    answers: dict[tuple, Resolved] = {}
    pending: dict[tuple, Future] = {}
    with Resolver(options) as resolver:
        for component in components:
            entry = lock.find(component) if options.use_lock else None
            if entry is not None:
                answers[component.key] = Resolved(entry.resolution(), entry.base_models, entry.relation)
            elif component.own:
                answers[component.key] = _own_model(component)
            elif component.direct_reference:
                answers[component.key] = _direct_reference(component)
            elif options.offline:
                answers[component.key] = _not_in_lock(component)
            elif component.type == PACKAGE:
                pending[component.key] = resolver.submit_package(component.name, component.revision)
            else:
                pending[component.key] = resolver.submit_hub(component.type, component.name, component.revision)
        for key, future in pending.items():
            answers[key] = future.result()
    return answers


def judge(component: Component, resolved: Resolved, knowledge: Knowledge, context: Context) -> ComponentResult:
    """The pure step: one component, its resolution, the rules and the context → a verdict."""
    resolution = resolved.resolution
    findings: list[Finding] = list(resolution.notes)
    licence = resolution.licence
    if component.override is not None:
        findings.append(
            Finding(
                Severity.INFO,
                "licence-override",
                f"licence set to {component.override.id!r} in the manifest: {component.override.reason}",
            )
        )
        if resolution.problem is not None:
            findings.append(replace(resolution.problem, severity=Severity.WARNING))
        licence = LicenceInfo(
            id=component.override.id,
            source="override",
            declared=licence.id if licence else None,
        )
        resolution = replace(resolution, licence=licence, problem=None)
    if licence is None or resolution.problem is not None:
        return ComponentResult(component, resolution, evaluate_unresolved(resolution.problem, findings))
    identified = identify(component.type, licence, knowledge)
    findings.extend(identified.findings)
    if identified.rule is not None:
        evaluation = evaluate_rule(identified.rule, context)
    elif identified.expression is not None:
        evaluation = evaluate_expression(identified.expression, knowledge.lookup, context)
    else:
        evaluation = Evaluation(Verdict.UNKNOWN)  # identify() always says why
    evaluation = replace(evaluation, findings=tuple(findings) + evaluation.findings)
    shown = replace(licence, id=identified.id or licence.id, name=identified.name or licence.name)
    return ComponentResult(component, replace(resolution, licence=shown), evaluation)


def scan_path(
    root: Path,
    context: Context,
    options: ScanOptions,
    knowledge: Knowledge,
) -> ScanResult:
    inputs = collect_inputs(root)
    lock = read_lock(inputs.root / LOCK_NAME, LOCK_NAME) if options.use_lock else Lock()
    resolved = resolve_all(inputs.components, lock, options)
    results = tuple(judge(c, resolved[c.key], knowledge, context) for c in inputs.components)
    return ScanResult(context, results, notices=_run_notices(results, options))


def _run_notices(results: tuple[ComponentResult, ...], options: ScanOptions) -> tuple[Finding, ...]:
    """Problems shared by many components, said once at the top of the report."""
    notices = []
    missing = sum(1 for r in results if r.resolution.problem and r.resolution.problem.code == "not-in-lock")
    if missing:
        notices.append(
            Finding(Severity.WARNING, "offline", f"offline: {missing} component(s) are not in {LOCK_NAME} and are unknown; run `licensecheck lock`")
        )
    unreachable = sum(1 for r in results if r.resolution.problem and r.resolution.problem.code in ("hub-unreachable", "pypi-unreachable"))
    if unreachable:
        notices.append(
            Finding(Severity.ERROR, "unreachable", f"the Hub or the package index could not be reached: {unreachable} component(s) are unknown")
        )
    return tuple(notices)


def lock_entries(
    inputs: Inputs, resolved: dict[tuple, Resolved], previous: Lock = Lock()
) -> tuple[list[LockEntry], list[tuple[Component, Finding]]]:
    """Lock entries for every component resolved from the network; the rest as failures.

    A component that fails now but was locked before keeps its old entry: a
    passing network fault must not erase an answer that offline scans rely on.
    """
    entries, failures = [], []
    for component in inputs.components:
        answer = resolved[component.key]
        resolution = answer.resolution
        if component.own or component.direct_reference:
            continue
        if resolution.problem is not None or resolution.licence is None:
            failures.append((component, resolution.problem or Finding(Severity.ERROR, "no-licence", "no licence found")))
            kept = previous.find(component)
            if kept is not None:
                entries.append(kept)
            continue
        entries.append(
            LockEntry(
                type=component.type,
                name=component.name,
                requested=component.revision,
                version=resolution.version,
                licence=resolution.licence,
                resolved_at=resolution.resolved_at,
                base_models=answer.base_models,
                relation=answer.relation,
            )
        )
    return entries, failures

