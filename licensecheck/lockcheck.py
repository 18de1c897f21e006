"""A lock entry against a live answer: what `scan --verify-lock` and `lock --check` share.

`licensecheck.lock` is a claim made by whoever last wrote the file; in CI that
is the pull request being judged. This module compares one entry with what the
Hub or PyPI answers now and says what differs, field by field (`Change`). It
is pure: the requests are made by the caller (scan.py, commands/lock.py).

`scan --verify-lock` asks at the commit or version the entry pins and judges
the live answer, never the lock (`verify_entry`); `lock --check` asks at the
revision the entry was requested at, to see what moved upstream
(`DriftReport`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from .findings import (
    HUB_GATED,
    HUB_NOT_FOUND,
    HUB_RENAMED,
    HUB_REVISION_NOT_FOUND,
    HUB_UNAUTHORIZED,
    LOCK_MISMATCH,
    LOCK_UNVERIFIED,
    PYPI_NOT_FOUND,
)
from .lockfile import LOCK_NAME, LockEntry
from .model import PACKAGE, Component, Finding, Resolution, Resolved, Severity

CHECK_SCHEMA_VERSION = 1

# The licence fields that decide what a licence is (identify.py reads them). Not
# `file_id`: it is derived from the rules of the day, which may have learnt a text
# since; nor `source`: where the same licence was read does not change it.
LICENCE_FIELDS = ("id", "declared", "link", "file", "file_sha256")

# Answers that say the repository or package is not there for us any more: it
# was deleted, made private or gated, or the revision the lock pins is gone.
REFUSED = frozenset({HUB_NOT_FOUND, HUB_GATED, HUB_UNAUTHORIZED, HUB_REVISION_NOT_FOUND, PYPI_NOT_FOUND})

# Fields whose change fails `lock --check` (with a repository that is gone).
FAILING_FIELDS = ("license.", "base_models", "relation", "repository")


@dataclass(frozen=True)
class Change:
    """One field of one lock entry that the live answer contradicts."""

    type: str
    component: str  # the entry's name, as the lock spells it
    field: str  # license.id, license.link, ..., version, resolved_id, base_models, relation, repository
    locked: str | tuple[str, ...] | None
    live: str | tuple[str, ...] | None
    message: str | None = None  # for `repository`: what the service answered

    @property
    def fails(self) -> bool:
        return self.field.startswith(FAILING_FIELDS)

    def to_json(self) -> dict:
        document = {
            "component": self.component,
            "type": self.type,
            "field": self.field,
            "locked": _json_value(self.locked),
            "live": _json_value(self.live),
        }
        if self.message is not None:
            document["message"] = self.message
        return document


def service_name(type_: str) -> str:
    return "PyPI" if type_ == PACKAGE else "the Hub"


def answered(live: Resolved) -> bool:
    """Whether the service said something about the repository or package itself (even: no licence)."""
    resolution = live.resolution
    return resolution.version is not None or resolution.licence is not None or live.resolved_id is not None


def entry_changes(entry: LockEntry, live: Resolved) -> tuple[Change, ...]:
    """The fields where an answered request contradicts the entry, in a fixed order."""
    changes: list[Change] = []

    def compare(field: str, locked, now) -> None:
        if locked != now:
            changes.append(Change(entry.type, entry.name, field, locked, now))

    licence = live.resolution.licence
    for name in LICENCE_FIELDS:
        locked, now = getattr(entry.licence, name), getattr(licence, name) if licence else None
        if name == "declared" and locked == entry.licence.id and (licence is None or now == licence.id):
            continue  # it only repeats the id (a PyPI expression): the id's change says it
        compare(f"license.{name}", locked, now)
    if entry.version is not None:  # an entry that pins nothing claims no revision
        compare("version", entry.version, live.resolution.version)
    if entry.type != PACKAGE:
        compare("resolved_id", _lower(entry.resolved_id), _lower(_renamed(entry.name, live.resolved_id)))
        compare("base_models", tuple(entry.base_models), tuple(live.base_models))
        compare("relation", entry.relation, live.relation)
    # Ids compare without case (like the Hub); a change shows them as written.
    return tuple(
        replace(c, locked=entry.resolved_id, live=_renamed(entry.name, live.resolved_id))
        if c.field == "resolved_id"
        else c
        for c in changes
    )


def _renamed(name: str, resolved_id: str | None) -> str | None:
    return resolved_id if resolved_id and resolved_id.lower() != name.lower() else None


def _lower(value: str | None) -> str | None:
    return value.lower() if value else None


# -- scan --verify-lock --------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    """The outcome of checking an entry: the answer to judge, or None to resolve the component on its own.

    `notes` are the findings to add to the component's answer either way.
    """

    answer: Resolved | None
    notes: tuple[Finding, ...] = ()


def verify_entry(component: Component, entry: LockEntry, live: Resolved) -> Verification:
    """Judge `component` on the live answer about `entry`, never on the entry.

    The live answer stands for the component when the entry is declared under
    the component's own name, or when the Hub, asked for the entry's name,
    answers with the component's repository (a rename it followed): an alias
    in the lock is honoured only when the Hub confirms it. Otherwise the entry
    is not used and the component is resolved on its own (answer None).
    """
    what = f"{entry.type} {entry.name}"
    problem = live.resolution.problem
    if not answered(live):
        if problem is not None and problem.code == HUB_REVISION_NOT_FOUND and entry.version is not None:
            gone = Change(entry.type, entry.name, "version", entry.version, None)
            return Verification(None, (_mismatch(gone, component, stands=False, why="no such revision"),))
        unverified = Finding(
            Severity.WARNING,
            LOCK_UNVERIFIED,
            f"{what}: its entry in {LOCK_NAME} could not be checked (--verify-lock), so it is not used",
        )
        return Verification(replace(live, resolution=Resolution(problem=problem, notes=(unverified,))))
    stands = component.name.lower() == entry.name.lower() or (
        live.resolved_id is not None and live.resolved_id.lower() == component.name.lower()
    )
    notes = tuple(
        _mismatch(change, component, stands=stands, why="not renamed" if change.field == "resolved_id" else None)
        for change in entry_changes(entry, live)
    )
    if not stands:
        return Verification(None, notes)
    resolution = live.resolution
    kept = tuple(note for note in resolution.notes if note.code != HUB_RENAMED)
    if live.resolved_id and live.resolved_id.lower() != component.name.lower():
        from .resolve.hub import renamed_note

        kept += (renamed_note(component.type, component.name, live.resolved_id),)
    answer = replace(live, resolution=replace(resolution, notes=kept + notes, from_lock=False))
    return Verification(answer)


def _mismatch(change: Change, component: Component, *, stands: bool, why: str | None) -> Finding:
    service = service_name(change.type)
    outcome = (
        f"{service}'s answer is used"
        if stands
        else f"the entry is not used for {component.type} {component.name}: it is resolved on its own"
    )
    return Finding(
        Severity.ERROR,
        LOCK_MISMATCH,
        f"{change.type} {change.component}: {LOCK_NAME} says {change.field} {_shown(change.locked)}, "
        f"{service} says {_shown(change.live, why)} ({outcome})",
    )


def _shown(value, why: str | None = None) -> str:
    if value is None:
        return f"none ({why})" if why else "none"
    if isinstance(value, tuple):
        return repr(list(value))
    return repr(value)


def _json_value(value):
    return list(value) if isinstance(value, tuple) else value


# -- lock --check ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unchecked:
    """An entry whose live answer could not be had (the service failed or was not reached)."""

    type: str
    component: str
    problem: Finding

    def to_json(self) -> dict:
        return {
            "component": self.component,
            "type": self.type,
            "code": self.problem.code,
            "message": self.problem.message,
        }


@dataclass(frozen=True)
class DriftReport:
    """What `lock --check` found: every change, every entry it could not check."""

    lock: str
    checked: int
    changes: tuple[Change, ...] = ()
    unchecked: tuple[Unchecked, ...] = ()

    @property
    def exit_code(self) -> int:
        """1 when a licence or ancestor changed or something is gone, else 3 when something was not checked, else 0."""
        if any(change.fails for change in self.changes):
            return 1
        return 3 if self.unchecked else 0

    def to_json(self) -> str:
        document = {
            "schema_version": CHECK_SCHEMA_VERSION,
            "lock": self.lock,
            "checked": self.checked,
            "changes": [change.to_json() for change in self.changes],
            "unchecked": [entry.to_json() for entry in self.unchecked],
        }
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def to_text(self) -> str:
        count = len(self.changes)
        said = [f"{count} change{'s' if count != 1 else ''}" if count else "nothing changed"]
        if self.unchecked:
            said.append(f"{len(self.unchecked)} could not be checked")
        lines = [f"{self.lock}: {self.checked} entries checked, {', '.join(said)}"]
        for change in self.changes:
            what = f"{change.type} {change.component}"
            if change.field == "repository":
                lines.append(f"  {what}: gone: {without_prefix(change.message or str(change.live), what)}")
            else:
                lines.append(f"  {what}: {change.field}: {_shown(change.locked)} → {_shown(change.live)}")
        for entry in self.unchecked:
            what = f"{entry.type} {entry.component}"
            lines.append(f"  {what}: not checked: {without_prefix(entry.problem.message, what)}")
        return "\n".join(lines) + "\n"


def drift(lock: str, checked: list[tuple[LockEntry, Resolved]]) -> DriftReport:
    """The report for entries and their live answers (asked at each entry's requested revision)."""
    changes: list[Change] = []
    unchecked: list[Unchecked] = []
    for entry, live in checked:
        problem = live.resolution.problem
        if answered(live) or problem is None:
            changes.extend(entry_changes(entry, live))
        elif problem.code in REFUSED:
            changes.append(Change(entry.type, entry.name, "repository", "present", problem.code, problem.message))
        else:
            unchecked.append(Unchecked(entry.type, entry.name, problem))
    return DriftReport(lock, len(checked), tuple(changes), tuple(unchecked))


def without_prefix(message: str, what: str) -> str:
    """A finding's message without the `model org/x: ` it starts with, when the line already names it."""
    return message[len(what) + 2 :] if message.startswith(f"{what}: ") else message
