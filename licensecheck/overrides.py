"""Licence overrides: which manifests may set a licence, and what an applied override tells a reviewer.

An override (`license:` + `reason:` in models.yaml) replaces the licence the Hub
declares. In CI the scanned tree is the pull request under review, so an
override is a claim made by the very change being judged. Hence:

- it is honoured only from the manifests the configuration names
  (`override_from`, paths relative to the configuration file; by default
  models.yaml / models.yml at the scanned root). An override anywhere else is an
  `override-not-allowed` error and is not applied: the component, and every
  model that has it as an ancestor, is judged on the licence the Hub declares;
- every applied override is a warning (`licence-override`) naming the line that
  sets it, its reason, the licence it replaces and, in words, whether it makes
  the licence more permissive than that one;
- its reason must be a few words, not a token like ".".

Pure but for path normalisation: the readers and `judge.judge_component` call it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .findings import LICENCE_OVERRIDE, OVERRIDE_NOT_ALLOWED
from .knowledge import Knowledge
from .model import Component, Finding, LicenceOverride, Location, Resolution, Severity

DEFAULT_OVERRIDE_FROM = ("models.yaml", "models.yml")  # at the scanned root
MIN_REASON_WORDS = 3


def reason_is_specific(reason: str) -> bool:
    """At least MIN_REASON_WORDS words (each with a letter or digit): who checked the licence and why."""
    return sum(1 for word in reason.split() if any(character.isalnum() for character in word)) >= MIN_REASON_WORDS


@dataclass(frozen=True)
class OverrideSources:
    """The manifests whose overrides are honoured (real paths), and how messages name them."""

    files: frozenset[str]
    described: str


def override_sources(base: Path, configured: Iterable[str] | None) -> OverrideSources:
    """`configured`: the absolute paths `override_from` names; None when it is not set (the default)."""
    from .sources.common import relative_path

    if configured is None:
        files = [base / name for name in DEFAULT_OVERRIDE_FROM]
        described = "models.yaml or models.yml at the scanned root"
    else:
        files = [Path(path) for path in configured]
        described = " or ".join(relative_path(path, base) for path in files)
    return OverrideSources(frozenset(_real(path) for path in files), described)


def _real(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def withhold_overrides(components: list[Component], manifest: Path, sources: OverrideSources) -> list[Component]:
    """`components` read from `manifest`, their overrides withdrawn (with an error) unless it may set them."""
    if not any(component.override is not None for component in components) or _real(manifest) in sources.files:
        return components
    return [
        _withheld(component, component.override, sources) if component.override is not None else component
        for component in components
    ]


def _withheld(component: Component, override: LicenceOverride, sources: OverrideSources) -> Component:
    allowed = (
        f"overrides are honoured only from {sources.described}"
        if sources.described
        else "overrides are honoured from no file"
    )
    setting = (
        "(`override_from` in the configuration is empty)"
        if not sources.described
        else "(`override_from` in the configuration)"
    )
    finding = Finding(
        Severity.ERROR,
        OVERRIDE_NOT_ALLOWED,
        f"{_where(override.location)}: the licence override of {component.name} ({override.id!r}) is not applied: "
        f"{allowed} {setting}",
        location=override.location,
    )
    return replace(component, override=None, notes=component.notes + (finding,))


def applied_override(component: Component, resolution: Resolution, knowledge: Knowledge) -> Finding:
    """The warning for an override that is applied: where, why, what it replaces, and whether that loosens it."""
    lookup = knowledge.lookup
    override = component.override
    assert override is not None  # asked only for a component that has one
    message = (
        f"{_where(override.location)}: licence set to {override.id!r} by an override (reason: {override.reason!r})"
    )
    declarer = "its files" if component.path is not None else "the Hub"
    declared = resolution.licence
    if component.own:
        pass  # the organisation's own model: nothing else declares a licence for it
    elif declared is not None and (declared.id or declared.declared):
        shown = declared.id or declared.declared
        message += f", replacing {shown!r}, which {declarer} declares"
        mine, theirs = lookup(override.id), lookup(declared.id) if declared.id else None
        if mine is not None and theirs is not None:
            mine_level, their_level = knowledge.permissiveness(mine.category), knowledge.permissiveness(theirs.category)
            if mine_level is not None and their_level is not None and mine_level < their_level:
                possessive = "its files'" if component.path is not None else "the Hub's"
                message += (
                    f": the override makes the licence more permissive than {possessive} declaration "
                    f"({mine.id} is {mine.category}, {theirs.id} is {theirs.category})"
                )
    elif resolution.problem is None:
        message += f"; {declarer} declares no licence"
    return Finding(Severity.WARNING, LICENCE_OVERRIDE, message, location=override.location)


def _where(location: Location | None) -> str:
    if location is None:
        return "the manifest"
    return f"{location.path}:{location.line}" if location.line else location.path
