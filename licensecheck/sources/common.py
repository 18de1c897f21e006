"""What the source readers share: reading a file, naming where things are, PEP 508.

Every reader turns a problem with its input into an `InputError` that names the
file (relative to the scanned root) and the line. The helpers here do that for
the failures all readers have in common: a file that cannot be read, text that
is not UTF-8, a requirement string `packaging` rejects.

Nothing here imports `packaging` at module level: a warm scan that reads no
package manifest must not pay for it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..model import PACKAGE, Component, Finding, Location

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet


@dataclass(frozen=True)
class FileRead:
    """What a reader found in one file when it has more to say than its components:
    `notices` about the file itself (a `setup.py` whose requirements are computed).
    A reader with nothing to add returns the list of components alone."""

    components: list[Component]
    notices: tuple[Finding, ...] = field(default=())


# Input files are a few kilobytes; anything this big is a mistake or an attack.
MAX_INPUT_BYTES = 10 * 1024 * 1024

# PEP 508: a project name starts and ends with a letter or digit (packaging accepts `x_`).
_PROJECT_NAME = re.compile(r"[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]")


def relative_path(path: Path, root: Path) -> str:
    """`path` as reports show it: relative to `root`, with `/` separators.

    A file outside `root` (reachable through `-r ../x.txt`) keeps its `../`
    prefix rather than failing: the reader still needs to name it.
    """
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    return Path(relative).as_posix()


def is_inside(path: Path, root: Path) -> bool:
    """Whether `path`, with every symbolic link followed, is `root` or lies under it."""
    try:
        resolved, base = path.resolve(), root.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return False
    return resolved == base or base in resolved.parents


def line_at(text: str, offset: int) -> int:
    """The 1-based line of character `offset` in `text`."""
    return text.count("\n", 0, max(offset, 0)) + 1


def read_text(path: Path, where: str) -> str:
    """The file's text, decoded as UTF-8 (a byte-order mark is dropped).

    Failures become `InputError`s naming `where`: a missing file, a directory,
    a device or pipe (which could block or never end), a file over
    `MAX_INPUT_BYTES`, a permission problem, bytes that are not UTF-8 (with
    the line they are on).
    """
    import stat

    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(where, None, "is a directory, expected a file")
        if not stat.S_ISREG(mode):
            raise InputError(where, None, "is not a regular file (a device, pipe or socket): refusing to read it")
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(where, None, f"cannot read the file: {reason}") from None
    return decode_input(data, where)


def decode_input(data: bytes, where: str) -> str:
    """An input file's bytes as text: at most `MAX_INPUT_BYTES`, UTF-8 (a byte-order mark is dropped)."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            where,
            None,
            f"is larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB: not a dependency list licensecheck will read",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            where,
            line,
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}): save the file as UTF-8",
        ) from None


def first_line(message: str) -> str:
    """The first line of a library's error message (packaging adds a caret diagram)."""
    return message.strip().splitlines()[0] if message.strip() else "unknown error"


def package_from_pep508(
    text: str,
    where: str,
    line: int | None,
    *,
    hint: str | None = None,
) -> Component:
    """A package Component from one PEP 508 requirement string.

    The name is canonicalised (`Foo.Bar` and `foo-bar` are one project);
    extras and markers are dropped because they do not change which project
    is depended on. `revision` is the version an exact pin (`==1.2`, `===x`)
    names; a wildcard `==1.*` is a range, not a pin. `name @ url` keeps the
    URL as the direct reference.
    """
    from packaging.requirements import InvalidRequirement, Requirement
    from packaging.utils import canonicalize_name

    try:
        requirement = Requirement(text)
    except InvalidRequirement as error:
        message = f"invalid requirement {text!r}: {first_line(str(error))}"
        if hint:
            message += f" ({hint})"
        raise InputError(where, line, message) from None
    if not _PROJECT_NAME.fullmatch(requirement.name):
        message = f"invalid requirement {text!r}: {requirement.name!r} is not a project name (it must start and end with a letter or digit)"
        raise InputError(where, line, message + (f" ({hint})" if hint else ""))
    specifier = str(requirement.specifier)
    return Component(
        type=PACKAGE,
        name=canonicalize_name(requirement.name),
        revision=exact_pin(requirement.specifier),
        requirement=specifier or None,
        direct_reference=requirement.url or None,
        locations=(Location(path=where, line=line),),
    )


def exact_pin(specifier_set: SpecifierSet) -> str | None:
    """The version a specifier set pins exactly, or None when it allows a range."""
    for specifier in specifier_set:
        if specifier.operator == "===":
            return specifier.version
        if specifier.operator == "==" and not specifier.version.endswith(".*"):
            return specifier.version
    return None
