"""Dependency scopes from lock files: which components a scan covers, and under what context.

Pure: no I/O. A package's scope says why it is installed: `main` (the project
needs it to run), `optional` (an extra someone may install: still shipped when
they do) or `dev` (a dependency group: tests, linters, docs; never shipped).
Components whose scope is not known (models, requirement files, a lock that
does not record it) are treated as `main`: an unknown scope never lets a
component off.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .findings import DEV_DEPENDENCY
from .model import Component, Context, Finding, Severity

MAIN, OPTIONAL, DEV = "main", "optional", "dev"
# What `--scope` accepts: `main` keeps what the project needs to run.
SCOPE_FILTERS = ("main", "all")
_RANK = {MAIN: 0, OPTIONAL: 1, DEV: 2}


def widest(first: str | None, second: str | None) -> str | None:
    """The scope that ships more: a package needed by main and dev is main.

    None means a source said nothing (a requirement file, a manifest): it does
    not outweigh a lock file that says.
    """
    if first is None or second is None:
        return first or second
    return first if _RANK[first] <= _RANK[second] else second


def either_direct(first: bool | None, second: bool | None) -> bool | None:
    """Direct if any source says so; transitive only if one says so and none says direct."""
    if first is None or second is None:
        return first if second is None else second
    return first or second


def select_scope(components: Iterable[Component], scope_filter: str) -> list[Component]:
    """The components `--scope` keeps: all of them, or those not known to be optional or dev."""
    if scope_filter not in SCOPE_FILTERS:
        raise ValueError(f"scope filter must be one of {', '.join(SCOPE_FILTERS)}, not {scope_filter!r}")
    components = list(components)
    if scope_filter == "all":
        return components
    return [component for component in components if component.scope in (None, MAIN)]


def context_for(component: Component, context: Context) -> tuple[Context, Finding | None]:
    """The context a component is judged under, and a finding when it differs from the run's.

    A dev-only dependency is neither shipped nor offered to anyone: whatever the
    product's distribution, the dependency is used internally, so terms that
    bind only distribution (copyleft, notices) do not apply to it. Commercial
    use still does: a developer's tool used in a business is used commercially.
    """
    if component.scope != DEV or context.distribution == "internal":
        return context, None
    note = Finding(
        Severity.INFO,
        DEV_DEPENDENCY,
        f"dev-only dependency: not part of what is {_DISTRIBUTED[context.distribution]}, so it is judged as "
        "internal use (its licence terms for distribution do not apply)",
    )
    return replace(context, distribution="internal"), note


_DISTRIBUTED = {"network": "offered as a service", "redistribute": "shipped"}
