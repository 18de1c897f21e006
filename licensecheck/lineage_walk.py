"""Lineage, the resolution half: follow declared bases as answers arrive.

`AncestorWalker` submits each ancestor through the run's resolver as soon as its
child's answer is in (from a worker thread's callback), so a deep chain does not
wait for unrelated components, and the resolver's future cache keeps it to one
request per repository per run. What the ancestors' terms do to a derivative is
lineage.py's (pure) business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future
from threading import Condition
from typing import Any

from . import lineage
from .findings import LINEAGE_BUDGET
from .lineage import MAX_BASES, MAX_DEPTH, ancestor_component, declared_models
from .model import Component, Finding, Resolution, Resolved, Severity, is_valid_repo_id


class AncestorWalker:
    """Follows declared bases as answers arrive, up to `max_depth`, each ancestor once.

    `start(component)` returns a `Resolved` (from the lock, an own model) or a
    `Future` of one (a Hub request through the run's Resolver). `follow` is
    called for every model the run resolves; `wait` returns when every
    ancestor reachable within `max_depth` has been answered. At most
    `max_ancestors` are started in all; each one past that is answered with a
    `lineage-budget` problem instead (see `budget_notices`).
    """

    def __init__(
        self,
        start: Callable[[Component], Any],
        components: Iterable[Component],
        max_depth: int = MAX_DEPTH,
        max_ancestors: int | None = None,
    ) -> None:
        self._start = start
        self._declared = declared_models(components)
        self._max_depth = max_depth
        # Read at construction, not import, so the budget stays one number in lineage.py.
        self._max_ancestors = lineage.MAX_ANCESTORS if max_ancestors is None else max_ancestors
        self._started = 0
        self._changed = Condition()
        self._depth: dict[str, int] = {}  # the smallest depth each ancestor was reached at
        self._components: dict[str, Component] = {}
        self._answers: dict[str, Resolved] = {}
        self._pending = 0
        self._errors: list[BaseException] = []

    def follow(self, answer: Resolved | Future, depth: int = 0, name: str | None = None) -> None:
        """Walk the bases of the model answered by `answer`, which sits at `depth`."""
        if not isinstance(answer, Future):
            self._arrived(answer, depth, name)
            return
        with self._changed:
            self._pending += 1
        answer.add_done_callback(lambda future: self._done(future, depth, name))

    def _done(self, future: Future, depth: int, name: str | None) -> None:
        # Runs in the worker thread that finished the request: submitting the
        # bases from here is what lets a chain proceed without a barrier.
        try:
            if not future.cancelled():
                self._arrived(future.result(), depth, name)  # a resolver bug raises here, then in wait()
        except BaseException as error:  # noqa: BLE001 - re-raised by wait(), never lost in a thread
            with self._changed:
                self._errors.append(error)
        finally:
            with self._changed:
                self._pending -= 1
                self._changed.notify_all()

    def _arrived(self, resolved: Resolved, depth: int, name: str | None) -> None:
        if name is not None:
            with self._changed:
                self._answers[name] = resolved
                depth = self._depth[name]  # it may have been reached closer meanwhile
        self._expand(resolved, depth)

    def _expand(self, resolved: Resolved, depth: int) -> None:
        if depth >= self._max_depth:
            return  # the cut is reported by link_lineage
        for base in resolved.base_models[:MAX_BASES]:
            self._visit(base, depth + 1)

    def _visit(self, base: str, depth: int) -> None:
        if not is_valid_repo_id(base):
            return  # never sent anywhere; link_lineage reports it
        name = base.lower()
        within_budget = False
        with self._changed:
            known = self._depth.get(name)
            if known is not None and known <= depth:
                return
            self._depth[name] = depth
            answer = self._answers.get(name)
            if known is None:
                component = self._components[name] = ancestor_component(base, self._declared)
                within_budget = self._started < self._max_ancestors
                if within_budget:
                    self._started += 1
                else:
                    self._answers[name] = _beyond_budget(component, self._max_ancestors)
        if known is None and within_budget:
            self.follow(self._start(component), depth, name)
        elif answer is not None:
            self._expand(answer, depth)  # reached closer than before: walk further up
        # else: still in flight; _arrived reads the new depth when it lands

    def wait(self) -> dict[tuple, Resolved]:
        """Block until every ancestor is answered; their answers by component key."""
        with self._changed:
            while self._pending:
                self._changed.wait()
            if self._errors:
                raise self._errors[0]
            return {self._components[name].key: answer for name, answer in self._answers.items()}


def _beyond_budget(component: Component, budget: int) -> Resolved:
    message = (
        f"{component.type} {component.name}: not looked up: this run already looked up {budget} ancestors, "
        "the most it follows; its terms are unknown"
    )
    return Resolved(Resolution(problem=Finding(Severity.ERROR, LINEAGE_BUDGET, message)))
