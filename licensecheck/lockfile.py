"""`licensecheck.lock`: resolved licences recorded so that scans can run offline.

The lock is JSON, sorted and indented so that a change shows as a small diff.
Only successful resolutions are recorded: a failure must be retried, never
remembered as an answer. Writes replace the file atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import InputError
from .findings import (
    HUB_CONNECTION_ERROR,
    HUB_ERROR,
    HUB_HTTP_ERROR,
    HUB_INVALID_RESPONSE,
    HUB_RATE_LIMITED,
    HUB_SERVER_ERROR,
    HUB_TIMEOUT,
    HUB_UNREACHABLE,
    OFFLINE,
    PYPI_CONNECTION_ERROR,
    PYPI_ERROR,
    PYPI_HTTP_ERROR,
    PYPI_INVALID_RESPONSE,
    PYPI_TIMEOUT,
    PYPI_UNREACHABLE,
)
from .model import COMPONENT_TYPES, PACKAGE, Component, Finding, LicenceInfo, ModelFacts, Resolution, is_valid_repo_id
from .versions import version_satisfies

LOCK_NAME = "licensecheck.lock"
LOCK_VERSION = 1

# Failures that say nothing about the repository or package: the service was not
# reached, failed, or answered garbage. A previous entry survives them (`lock`);
# any other failure (gone, private, gated, no licence any more) drops it.
NO_ANSWER = frozenset(
    {
        HUB_UNREACHABLE,
        HUB_TIMEOUT,
        HUB_SERVER_ERROR,
        HUB_RATE_LIMITED,
        HUB_CONNECTION_ERROR,
        HUB_INVALID_RESPONSE,
        HUB_HTTP_ERROR,
        HUB_ERROR,
        OFFLINE,
        PYPI_UNREACHABLE,
        PYPI_TIMEOUT,
        PYPI_CONNECTION_ERROR,
        PYPI_HTTP_ERROR,
        PYPI_INVALID_RESPONSE,
        PYPI_ERROR,
    }
)


@dataclass(frozen=True)
class LockEntry:
    """One resolved component as recorded in the lock."""

    type: str
    name: str
    requested: str | None  # the revision or exact version asked for; None when unpinned
    version: str | None
    licence: LicenceInfo
    resolved_at: str | None
    base_models: tuple[str, ...] = ()
    relation: str | None = None
    # After a rename on the Hub: the id it answered with (`name` stays the declared
    # id, so that the declaration matches whether it is updated or not).
    resolved_id: str | None = None
    # A model's facts from its card and tags (model_facts.py): recorded so that
    # offline scans judge model-dependent terms too; absent in older locks.
    model_facts: ModelFacts | None = None

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.type, self.name.lower(), self.requested)

    def answers_to(self, type_: str, name: str, requested: str | None) -> bool:
        """Whether this entry is the one for a model or dataset declared as `name` at `requested`."""
        if (type_, requested) != (self.type, self.requested):
            return False
        return name.lower() in (self.name.lower(), (self.resolved_id or self.name).lower())

    def to_json(self) -> dict:
        licence = {
            key: value
            for key, value in (
                ("id", self.licence.id),
                ("source", self.licence.source),
                ("name", self.licence.name),
                ("link", self.licence.link),
                ("declared", self.licence.declared),
                ("file", self.licence.file),
                ("file_id", self.licence.file_id),
                ("file_sha256", self.licence.file_sha256),
            )
            if value is not None
        }
        entry: dict[str, Any] = {
            "type": self.type,
            "name": self.name,
            "requested": self.requested,
            "version": self.version,
            "license": licence,
            "resolved_at": self.resolved_at,
        }
        if self.base_models:
            entry["base_models"] = list(self.base_models)
            entry["relation"] = self.relation
        if self.resolved_id:
            entry["resolved_id"] = self.resolved_id
        if self.model_facts is not None:
            entry["model_facts"] = {"holds": list(self.model_facts.holds), "known": list(self.model_facts.known)}
        return entry

    def resolution(self, declared: str | None = None) -> Resolution:
        """The locked answer; a component still `declared` under a renamed id is told so again."""
        notes: tuple[Finding, ...] = ()
        if declared and self.resolved_id and declared.lower() != self.resolved_id.lower():
            from .resolve.hub import renamed_note

            notes = (renamed_note(self.type, declared, self.resolved_id),)
        return Resolution(
            version=self.version,
            licence=self.licence,
            resolved_at=self.resolved_at,
            from_lock=True,
            notes=notes,
            model_facts=self.model_facts,
        )


@dataclass(frozen=True)
class Lock:
    entries: tuple[LockEntry, ...] = ()

    def find(self, component: Component) -> LockEntry | None:
        """The entry that answers for this component, if the lock holds one.

        Models and datasets match on id (case-insensitive, like the Hub) and the
        requested revision. Packages match on name and the exact pin, or, when
        unpinned, on a locked version that still satisfies the specifier.
        """
        if component.direct_reference:
            return None
        name = component.name.lower()
        candidates = self._by_name.get(name, ())
        if component.type != PACKAGE:
            matches = [e for e in candidates if e.answers_to(component.type, name, component.revision)]
            # The entry declared under this very id first, then one renamed to it.
            return next((e for e in matches if e.name.lower() == name), matches[0] if matches else None)
        for entry in candidates:
            if entry.type != PACKAGE or entry.name.lower() != name:
                continue
            if component.revision is not None:
                if entry.version == component.revision:
                    return entry
            elif entry.requested is None and version_satisfies(entry.version, component.requirement):
                return entry
        return None

    @cached_property
    def _by_name(self) -> dict[str, list[LockEntry]]:
        """Entries by lower-case name and by the id the Hub answered with, in lock order: `find` in constant time."""
        index: dict[str, list[LockEntry]] = {}
        for entry in self.entries:
            for name in dict.fromkeys((entry.name.lower(), (entry.resolved_id or entry.name).lower())):
                index.setdefault(name, []).append(entry)
        return index


@dataclass(frozen=True)
class Unlocked:
    """A component `lock` could not resolve this run, and what became of its previous entry.

    `previous` is "kept" (the service did not answer), "dropped" (it refused or
    answered otherwise: the old claim is not carried over) or "none".
    """

    component: Component
    problem: Finding
    previous: str
    ancestor: bool = False


@dataclass(frozen=True)
class LockPlan:
    """What `lock` writes, and the figures it reports; `components` counts the declared ones, as `scan` does."""

    entries: tuple[LockEntry, ...]
    unresolved: tuple[Unlocked, ...]
    components: int
    locked: int  # declared components resolved this run
    not_lockable: int  # own models, local models, paths and URLs: nothing to look up
    ancestors: int
    ancestors_locked: int

    def summary(self) -> str:
        """`5 component(s): 3 locked, 1 unresolved, 1 not lockable (...); 1 ancestor(s) locked`: parts add up."""
        declared = [u for u in self.unresolved if not u.ancestor]
        text = f"{self.components} component(s): {self.locked} locked" + _unresolved_counts(declared)
        if self.not_lockable:
            text += f", {self.not_lockable} not lockable (own, local or a path or URL)"
        if self.ancestors:
            text += f"; {self.ancestors_locked} ancestor(s) locked" + _unresolved_counts(
                [u for u in self.unresolved if u.ancestor]
            )
        return text


def _unresolved_counts(unresolved: list[Unlocked]) -> str:
    if not unresolved:
        return ""
    kept = sum(1 for u in unresolved if u.previous == "kept")
    return f", {len(unresolved)} unresolved" + (f" ({kept} kept from the previous lock)" if kept else "")


def _string_or_none(value: object, where: str, path: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(path, None, f"{where} must be a string or null")


def _resolved_id(value: object, where: str, path: str) -> str | None:
    if value is None or is_valid_repo_id(value):
        return value
    raise InputError(path, None, f"{where} must be a Hub repository id")


def read_lock(path: Path, display: str | None = None) -> Lock:
    """Read a lock file; a missing file is an empty lock, a malformed one an InputError."""
    display = display or str(path)
    if not path.exists():
        return Lock()
    from .sources.common import read_text

    text = read_text(path, display)  # a regular file of at most MAX_INPUT_BYTES, in UTF-8: else an InputError
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            display, error.lineno, f"lock file is not valid JSON: {error.msg}; delete it and run `licensecheck lock`"
        ) from None
    except RecursionError:
        raise InputError(
            display, None, "lock file is not valid JSON: nested too deeply; delete it and run `licensecheck lock`"
        ) from None
    if (
        not isinstance(data, dict)
        or data.get("lock_version") != LOCK_VERSION
        or not isinstance(data.get("components"), list)
    ):
        raise InputError(
            display,
            None,
            f"not a licensecheck lock file of version {LOCK_VERSION}; run `licensecheck lock` to rebuild it",
        )
    entries = []
    for number, raw in enumerate(data["components"], start=1):
        where = f"component {number}"
        if not isinstance(raw, dict) or raw.get("type") not in COMPONENT_TYPES or not isinstance(raw.get("name"), str):
            raise InputError(display, None, f"{where}: needs a `type` ({', '.join(COMPONENT_TYPES)}) and a `name`")
        licence = raw.get("license")
        if not isinstance(licence, dict) or not isinstance(licence.get("source"), str):
            raise InputError(display, None, f"{where} ({raw['name']}): needs a `license` object with a `source`")
        bases = raw.get("base_models", [])
        if not isinstance(bases, list) or not all(isinstance(b, str) for b in bases):
            raise InputError(display, None, f"{where} ({raw['name']}): `base_models` must be a list of strings")
        entries.append(
            LockEntry(
                type=raw["type"],
                name=raw["name"],
                requested=_string_or_none(raw.get("requested"), f"{where}: requested", display),
                version=_string_or_none(raw.get("version"), f"{where}: version", display),
                licence=LicenceInfo(
                    id=_string_or_none(licence.get("id"), f"{where}: license.id", display),
                    source=licence["source"],
                    name=_string_or_none(licence.get("name"), f"{where}: license.name", display),
                    link=_string_or_none(licence.get("link"), f"{where}: license.link", display),
                    declared=_string_or_none(licence.get("declared"), f"{where}: license.declared", display),
                    file=_string_or_none(licence.get("file"), f"{where}: license.file", display),
                    file_id=_string_or_none(licence.get("file_id"), f"{where}: license.file_id", display),
                    file_sha256=_string_or_none(licence.get("file_sha256"), f"{where}: license.file_sha256", display),
                ),
                resolved_at=_string_or_none(raw.get("resolved_at"), f"{where}: resolved_at", display),
                base_models=tuple(bases),
                relation=_string_or_none(raw.get("relation"), f"{where}: relation", display),
                resolved_id=_resolved_id(raw.get("resolved_id"), f"{where}: resolved_id", display),
                model_facts=_model_facts(raw.get("model_facts"), f"{where} ({raw['name']}): model_facts", display),
            )
        )
    return Lock(tuple(entries))


def _model_facts(value: object, where: str, path: str) -> ModelFacts | None:
    if value is None:
        return None
    lists: tuple[Any, Any] = (
        (value.get("holds", []), value.get("known", [])) if isinstance(value, dict) else (None, None)
    )
    if (
        not isinstance(value, dict)
        or set(value) - {"holds", "known"}
        or not all(isinstance(items, list) and all(isinstance(item, str) for item in items) for items in lists)
    ):
        raise InputError(path, None, f"{where} must be an object with lists `holds` and `known`")
    return ModelFacts(holds=tuple(sorted(set(lists[0]))), known=tuple(sorted(set(lists[1]))))


def render_lock(entries: list[LockEntry], tool_version: str) -> str:
    ordered = sorted(entries, key=lambda e: (e.type, e.name.lower(), e.requested or "", e.version or ""))
    document = {
        "lock_version": LOCK_VERSION,
        "generated_by": f"licensecheck {tool_version}",
        "components": [entry.to_json() for entry in ordered],
    }
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def merge_with_previous(new: list[LockEntry], previous: Lock) -> list[LockEntry]:
    """Keep the old `resolved_at` of entries whose answer did not change: smaller diffs."""
    old = {entry.key: entry for entry in previous.entries}
    merged = []
    for entry in new:
        before = old.get(entry.key)
        if before is not None and before.to_json() | {"resolved_at": None} == entry.to_json() | {"resolved_at": None}:
            entry = before
        merged.append(entry)
    return merged
