"""The resolution runner: one run's inputs found and read, their licences resolved, then judged.

The I/O half of a scan: sources produce Components, the lock and the resolvers
produce Resolutions (network access happens only in `resolve_all`, through one
shared Hub client and a bounded thread pool), and `judge.judge_all`, the pure
half, turns them into the ScanResult. `lock_entries` turns the same resolutions
into a lock file's entries.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import replace
from functools import partial
from pathlib import Path
from threading import Lock as ThreadLock
from typing import TYPE_CHECKING

from .findings import HUB_UNREACHABLE, NO_LICENCE, NOT_IN_LOCK, PYPI_UNREACHABLE, UNRESOLVABLE_REFERENCE
from .judge import Configured, judge_all
from .knowledge import Knowledge
from .lineage import ancestor_components
from .lineage_walk import AncestorWalker
from .lockfile import LOCK_NAME, NO_ANSWER, Lock, LockEntry, LockPlan, Unlocked, read_lock
from .model import (
    MODEL,
    PACKAGE,
    Code,
    Component,
    Context,
    Finding,
    Resolution,
    Resolved,
    ScanOptions,
    ScanResult,
    Severity,
)
from .sources.external import with_external_inputs
from .sources.inputs import Inputs, collect_inputs

if TYPE_CHECKING:
    from huggingface_hub import HfApi

    from .cache import MetadataCache


class Resolver:
    """Resolves components once each, concurrently, with one shared Hub client."""

    def __init__(self, options: ScanOptions, knowledge: Knowledge | None = None) -> None:
        self.options = options
        self._knowledge = knowledge  # for reading licence files; loaded on first need when not given
        self._pool = ThreadPoolExecutor(max_workers=max(1, options.jobs), thread_name_prefix="licensecheck")
        self._futures: dict[tuple, Future] = {}
        self._guard = ThreadLock()
        self._hub_api: HfApi | None = None
        self._cache: MetadataCache | None = None  # made on first use
        from .retry import Reachability, RetryPolicy

        self._retry = RetryPolicy(budget=options.retry_budget)
        self._reachable = {"hub": Reachability(), "pypi": Reachability()}

    def __enter__(self) -> Resolver:
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self._cache is not None:
            self._cache.close()  # the answers it is still writing for the next run

    def _api(self):
        with self._guard:
            if self._hub_api is None:
                from .resolve.hub import make_hub_api

                self._hub_api = make_hub_api()
            return self._hub_api

    def submit_hub(self, repo_type: str, repo_id: str, revision: str | None, *, pinned_only: bool = False) -> Future:
        """At most one request per repository and revision per run.

        `pinned_only`: take an answer from the cache only when it is about a commit
        (it cannot change); anything else is asked again (--verify-lock).
        """
        key = ("hub", repo_type, repo_id.lower(), revision) + (("pinned-only",) if pinned_only else ())
        with self._guard:
            future = self._futures.get(key)
            if future is None:
                future = self._pool.submit(
                    self._cached, "hub", self._resolve_hub, repo_type, repo_id, revision, pinned_only=pinned_only
                )
                self._futures[key] = future
            return future

    def submit(self, component: Component) -> Future:
        """The request for a package, model or dataset as declared."""
        if component.type == PACKAGE:
            return self.submit_package(component.name, component.revision, component.requirement)
        return self.submit_hub(component.type, component.name, component.revision)

    def submit_entry(self, entry: LockEntry, revision: str | None, *, pinned_only: bool = False) -> Future:
        """The request that checks a lock entry at `revision` (lockcheck.py), under the entry's own name."""
        if entry.type == PACKAGE:
            return self.submit_package(entry.name, revision, pinned_only=pinned_only)
        return self.submit_hub(entry.type, entry.name, revision, pinned_only=pinned_only)

    def _resolve_hub(self, repo_type: str, repo_id: str, revision: str | None) -> Resolved:
        from .resolve.hub import resolve_hub_repo

        if self._reachable["hub"].down:
            return _unreachable(f"{repo_type} {repo_id}", HUB_UNREACHABLE, "the Hub")
        record = resolve_hub_repo(
            self._api(), repo_type, repo_id, revision, timeout=self.options.timeout, retry=self._retry
        )
        record = self._with_licence_file(record, repo_type, repo_id)
        self._note_reached("hub", record.resolution, "hub-unreachable")
        return Resolved(record.resolution, record.base_models, record.relation, record.resolved_id)

    def _with_licence_file(self, record, repo_type: str, repo_id: str):
        """A card that leaves its licence open (`other` or `unknown` that nothing else
        identifies, or nothing declared): read the repository's own texts."""
        from .resolve.licence_text import licence_left_open, with_licence_file

        knowledge = self._rules()
        if not licence_left_open(record.resolution, knowledge):
            return record
        return with_licence_file(self._api(), record, repo_type, repo_id, knowledge, timeout=self.options.timeout)

    def _rules(self) -> Knowledge:
        with self._guard:
            if self._knowledge is None:
                from .knowledge import load_knowledge

                self._knowledge = load_knowledge()
            return self._knowledge

    def _cached(self, service: str, resolve: Callable[..., Resolved], *args, pinned_only: bool = False) -> Resolved:
        """`resolve(*args)`, or its answer from an earlier run (cache.py); good answers are kept for the next.

        With `pinned_only`, only an answer about a commit or an exact version is taken from the cache.
        """
        from .cache import MetadataCache, hub_key, package_key, rules_digest

        with self._guard:
            if self._cache is None:
                self._cache = MetadataCache(
                    Resolved, ttl=self.options.cache_ttl, refresh=self.options.refresh, enabled=self.options.use_cache
                )
            cache = self._cache
        # An answer depends on the rules too: they decide whether a Hub licence file is read,
        # and which of a package's licence fields is trusted.
        rules = rules_digest(self._rules())
        key = hub_key(*args, rules=rules) if service == "hub" else package_key(*args, rules=rules)
        answer = cache.load(key) if key.pinned or not pinned_only else None
        if answer is not None:
            return replace(answer, resolution=replace(answer.resolution, cached=True))  # the report says so
        answer = resolve(*args)
        if answer.resolution.ok:
            cache.store(key, answer)
        return answer

    def _note_reached(self, service: str, resolution: Resolution, unreachable_code: str) -> None:
        connected = resolution.problem is None or resolution.problem.code != unreachable_code
        self._reachable[service].record(connected=connected)

    def submit_package(
        self, name: str, version: str | None, requirement: str | None = None, *, pinned_only: bool = False
    ) -> Future:
        """`version` when pinned; else the newest release `requirement` (a specifier) allows."""
        requirement = None if version is not None else (requirement or None)
        key = ("pypi", name.lower(), version, requirement) + (("pinned-only",) if pinned_only else ())
        with self._guard:
            future = self._futures.get(key)
            if future is None:
                future = self._pool.submit(
                    self._cached, "pypi", self._resolve_package, name, version, requirement, pinned_only=pinned_only
                )
                self._futures[key] = future
            return future

    def _resolve_package(self, name: str, version: str | None, requirement: str | None) -> Resolved:
        from .resolve.pypi import resolve_package

        if self._reachable["pypi"].down:
            return _unreachable(f"package {name}", PYPI_UNREACHABLE, "the package index")
        resolution = resolve_package(
            name,
            version,
            timeout=self.options.timeout,
            retry=self._retry,
            requirement=requirement,
            knowledge=self._rules(),
        )
        self._note_reached("pypi", resolution, "pypi-unreachable")
        return Resolved(resolution)


def _unreachable(what: str, code: Code, service: str) -> Resolved:
    """Once a service could not be reached and never answered, the rest are not asked (see Reachability)."""
    return _problem(code, f"{what}: not looked up: {service} could not be reached (see the notice at the top)")


def _problem(code: Code, message: str) -> Resolved:
    return Resolved(Resolution(problem=Finding(Severity.ERROR, code, message)))


def _not_in_lock(component: Component) -> Resolved:
    return _problem(
        NOT_IN_LOCK, f"{component.type} {component.name}: not in {LOCK_NAME}, and --offline forbids looking it up"
    )


def _direct_reference(component: Component) -> Resolved:
    return _problem(
        UNRESOLVABLE_REFERENCE,
        f"{component.direct_reference!r} is a path or URL with no index entry: its licence cannot be looked up",
    )


def _own_model(component: Component) -> Resolved:
    # The organisation's own model has no Hub entry; its licence is its override
    # (if any) and whatever its ancestors impose.
    return Resolved(Resolution(), component.base_models, component.relation)


def resolve_all(
    components: Iterable[Component], lock: Lock, options: ScanOptions, knowledge: Knowledge | None = None
) -> dict[tuple, Resolved]:
    """Resolve each component from the lock when it holds it, else from the network.

    Models' ancestors (lineage.py) are resolved in the same run, as soon as each
    child's answer arrives, and returned under their component keys too.
    """
    components = list(components)
    answers: dict[tuple, Resolved] = {}
    pending: dict[tuple, Future] = {}
    with Resolver(options, knowledge) as resolver:
        start = partial(_start, lock=lock, options=options, resolver=resolver)
        walker = AncestorWalker(start, components)
        for component in components:
            answer = start(component)
            if isinstance(answer, Future):
                pending[component.key] = answer
            else:
                answers[component.key] = answer
            if component.type == MODEL:
                walker.follow(answer)
        if options.progress is not None and pending:
            for done, _ in enumerate(as_completed(pending.values()), start=1):
                options.progress(done, len(pending))
        for key, future in pending.items():
            answers[key] = future.result()
        ancestors = walker.wait()
    return {**ancestors, **answers}


def _start(component: Component, *, lock: Lock, options: ScanOptions, resolver: Resolver) -> Resolved | Future:
    """The answer for one component: from the lock, the manifest, or a request in flight."""
    if component.path is not None:  # a model on this machine: read from its files, never fetched
        from .resolve.local import resolve_local_model

        return resolve_local_model(component)
    entry = lock.find(component) if options.use_lock else None
    if entry is not None and options.verify_lock:
        return _verified(component, entry, resolver)
    if entry is not None:
        return Resolved(entry.resolution(component.name), entry.base_models, entry.relation, entry.resolved_id)
    if component.own:
        return _own_model(component)
    if component.direct_reference:
        return _direct_reference(component)
    if options.offline:
        return _not_in_lock(component)
    return resolver.submit(component)


def _verified(component: Component, entry: LockEntry, resolver: Resolver) -> Future:
    """--verify-lock: the live answer about `entry`, judged instead of the entry (lockcheck.py).

    One request checks the entry; when the entry turns out not to stand for the
    component (an alias the Hub does not confirm, a pinned commit that is gone),
    a second one resolves the component on its own. Both are chained with
    callbacks, so no worker thread waits for another.
    """
    from .lockcheck import verify_entry

    outcome: Future = Future()

    def settle(future: Future, notes: tuple[Finding, ...] = ()) -> None:
        try:
            answer = future.result()
        except BaseException as error:  # noqa: BLE001 - a resolver bug: re-raised where the result is read
            outcome.set_exception(error)
            return
        resolution = replace(answer.resolution, notes=answer.resolution.notes + notes)
        outcome.set_result(replace(answer, resolution=resolution))

    def checked(future: Future) -> None:
        try:
            verification = verify_entry(component, entry, future.result())
            if verification.answer is None:
                resolver.submit(component).add_done_callback(partial(settle, notes=verification.notes))
                return
        except BaseException as error:  # noqa: BLE001 - as above; never leave `outcome` unsettled
            outcome.set_exception(error)
            return
        outcome.set_result(verification.answer)

    # At the commit or version the entry pins (the revision it was asked at when it pins none).
    pinned = entry.version if entry.version is not None else entry.requested
    resolver.submit_entry(entry, pinned, pinned_only=True).add_done_callback(checked)
    return outcome


def scan_path(
    root: Path,
    context: Context,
    options: ScanOptions,
    knowledge: Knowledge,
    configured: Configured | None = None,
) -> ScanResult:
    """Find, read, resolve and judge what `root` declares (and the SBOMs and cache the options name)."""
    external = bool(options.sboms) or options.hf_cache is not None  # then an empty tree is no error
    inputs = (
        collect_inputs(
            root, options.exclude, discover=options.discover, required=not external, override_from=options.override_from
        )
        if options.scan_tree
        else Inputs(root, (), ())
    )
    inputs = with_external_inputs(inputs, options)  # --sbom, --hf-cache, --scope (sources/external.py)
    return scan_components(inputs.components, inputs.root, context, options, knowledge, configured, inputs.notices)


def scan_components(
    components: Iterable[Component],
    root: Path,
    context: Context,
    options: ScanOptions,
    knowledge: Knowledge,
    configured: Configured | None = None,
    notices: tuple[Finding, ...] = (),
) -> ScanResult:
    """Resolve and judge `components` as a scan of `root` would: its lock, lineage, the run's notices.

    `scan_path` calls it with what the tree declares; `compare` and `suggest`
    (choose.py) with the candidates they judge, so that a candidate's verdict
    there is its verdict in a scan.
    """
    components = tuple(components)
    lock = read_lock(root / LOCK_NAME, LOCK_NAME) if options.use_lock else Lock()
    return judge_all(
        components, resolve_all(components, lock, options, knowledge), context, knowledge, notices, configured
    )


def lock_entries(inputs: Inputs, resolved: dict[tuple, Resolved], previous: Lock = Lock()) -> LockPlan:
    """Lock entries for every component resolved from the network; the rest as unresolved.

    A component that fails now because the service did not answer (unreachable,
    timeouts, 5xx) keeps its old entry: a passing network fault must not erase an
    answer that offline scans rely on. One the service refused or answered
    otherwise (gone, private, gated, no licence any more) loses it: the lock is
    a claim, and nothing backs that one now. Models' ancestors are locked too,
    so that a warm scan walks lineage offline.
    """
    entries: list[LockEntry] = []
    unresolved: list[Unlocked] = []
    locked = not_lockable = ancestors_locked = 0
    ancestors = ancestor_components(inputs.components, resolved)
    for number, component in enumerate((*inputs.components, *ancestors)):
        is_ancestor = number >= len(inputs.components)
        answer = resolved[component.key]
        resolution = answer.resolution
        if component.own or component.direct_reference or component.path:
            not_lockable += 1
            continue
        if resolution.problem is not None or resolution.licence is None:
            problem = resolution.problem or Finding(Severity.ERROR, NO_LICENCE, "no licence found")
            before = previous.find(component)
            keep = before is not None and problem.code in NO_ANSWER
            if keep and before is not None:
                entries.append(before)
            outcome = "kept" if keep else "dropped" if before is not None else "none"
            unresolved.append(Unlocked(component, problem, outcome, ancestor=is_ancestor))
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
                resolved_id=_renamed_to(component, answer),
                model_facts=resolution.model_facts,
            )
        )
        if is_ancestor:
            ancestors_locked += 1
        else:
            locked += 1
    return LockPlan(
        tuple(entries),
        tuple(unresolved),
        components=len(inputs.components),
        locked=locked,
        not_lockable=not_lockable,
        ancestors=len(ancestors),
        ancestors_locked=ancestors_locked,
    )


def _renamed_to(component: Component, answer: Resolved) -> str | None:
    if answer.resolved_id and answer.resolved_id.lower() != component.name.lower():
        return answer.resolved_id
    return None
