"""After merging: reconcile what several inputs say about the same thing.

- A lock file and a requirement file (requirements*.txt, pyproject.toml,
  setup.cfg) that name one package: the lock's exact version is what gets
  installed, so it wins. The requirement's declaration joins the locked
  component's locations; when the two disagree (a different pin, or a range
  the locked version is outside of), a warning on the component says so. A
  lock applies to requirement files in its own directory and below.
- A `*.gguf` file found by walking the tree that a declared local model already
  covers (the same file, or a file inside a declared model folder) is not
  reported twice.

Pure: works on Components only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path, PurePosixPath

from ..findings import LOCK_OVERRIDES_REQUIREMENT
from ..model import PACKAGE, Component, Finding, Location, Severity
from ..versions import version_satisfies
from ._locks import is_lock_file_name


def reconcile(components: Iterable[Component]) -> list[Component]:
    return _drop_covered_gguf(_lock_wins(list(components)))


def _from_lock(component: Component) -> bool:
    return component.type == PACKAGE and any(
        is_lock_file_name(PurePosixPath(place.path).name) for place in component.locations
    )


def _applies(lock: Component, requirement: Component) -> bool:
    """Whether a lock file of `lock` sits in the directory of a file declaring `requirement`, or above it."""
    lock_dirs = {
        PurePosixPath(place.path).parent
        for place in lock.locations
        if is_lock_file_name(PurePosixPath(place.path).name)
    }
    for location in requirement.locations:
        folder = PurePosixPath(location.path).parent
        if any(d == folder or d in folder.parents for d in lock_dirs):
            return True
    return False


def _agrees(lock: Component, requirement: Component) -> bool:
    if requirement.revision is not None:
        return requirement.revision == lock.revision
    return version_satisfies(lock.revision, requirement.requirement)


def _asked(requirement: Component) -> str:
    if requirement.revision is not None:
        return f"=={requirement.revision}"
    return requirement.requirement or " (any version)"


def _where(location: Location) -> str:
    return f"{location.path}:{location.line}" if location.line else location.path


def _lock_wins(components: list[Component]) -> list[Component]:
    locked: dict[str, list[int]] = {}
    for index, component in enumerate(components):
        if _from_lock(component):
            locked.setdefault(component.name.lower(), []).append(index)
    if not locked:
        return components
    dropped: set[int] = set()
    for index, component in enumerate(components):
        if component.type != PACKAGE or component.direct_reference or _from_lock(component):
            continue
        candidates = [i for i in locked.get(component.name.lower(), []) if _applies(components[i], component)]
        if not candidates:
            continue
        agreeing = [i for i in candidates if _agrees(components[i], component)]
        targets = agreeing[:1] or candidates
        for target in targets:
            lock = components[target]
            notes = lock.notes
            if not agreeing:
                lock_file = next(place for place in lock.locations if is_lock_file_name(PurePosixPath(place.path).name))
                notes += (
                    Finding(
                        Severity.WARNING,
                        LOCK_OVERRIDES_REQUIREMENT,
                        f"{_where(component.locations[0])} asks for {component.name}{_asked(component)}, but "
                        f"{lock_file.path} locks {lock.revision}: the lock wins, since it is what gets installed; "
                        "update the requirement or the lock so that they agree",
                    ),
                )
            components[target] = replace(
                lock,
                locations=lock.locations + tuple(place for place in component.locations if place not in lock.locations),
                requirement=lock.requirement or component.requirement,
                override=lock.override or component.override,
                notes=notes,
            )
        dropped.add(index)
    return [component for index, component in enumerate(components) if index not in dropped]


def _walked(component: Component) -> bool:
    """A GGUF file found by walking: its only location is the file itself."""
    return len(component.locations) == 1 and component.locations[0].path.lower().endswith(".gguf")


def _drop_covered_gguf(components: list[Component]) -> list[Component]:
    declared = [Path(c.path) for c in components if c.path is not None and not _walked(c)]
    if not declared:
        return components
    kept = []
    for component in components:
        if component.path is not None and _walked(component):
            path = Path(component.path)
            if any(path == folder or folder in path.parents for folder in declared):
                continue
        kept.append(component)
    return kept
