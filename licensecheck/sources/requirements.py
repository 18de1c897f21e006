"""Read pip requirements files (`requirements*.txt`) into package Components.

The syntax followed is pip's, reduced to what decides *which projects* are
depended on:

- `#` starts a comment at the start of a line or after whitespace (so a URL's
  `#egg=` fragment survives); a line ending in `\\` continues on the next one,
  and the joined line is located at its first physical line.
- Global options (`--index-url`, `--pre`, ...) are accepted and ignored;
  per-requirement options (`--hash`, possibly several, possibly on continuation
  lines) are accepted after a requirement and ignored. Any other option is an
  error, as it is for pip.
- `-r`/`--requirement` includes another file, relative to the including one;
  its components keep their own file and line. `-c`/`--constraint` reads a
  constraints file: it adds no component, but an exact pin there (`foo==1.2`)
  becomes the `revision` of an unpinned `foo` whose specifier allows it. Pins
  apply to the whole read, wherever the constraints file was included, as they
  do for one pip run. As in pip, a `-r` inside a constraints file is a
  requirements file again.
- Each file is read once per mode, so include cycles end quietly; a chain of
  includes deeper than `MAX_INCLUDE_DEPTH` is an error at the include that goes
  too deep (real projects nest two or three).
- An include must stay inside the scanned directory, symbolic links followed:
  a hostile `-r /home/me/.ssh/id_rsa` must not get its first line quoted in
  an error message.
- `-e`/`--editable` targets, local paths, URLs and `name @ url` references
  become Components with `direct_reference` set; the name comes from `#egg=`,
  the `name @` part, a wheel or sdist file name, or the last path segment.
- `${VAR}` is left as written: the text is what the user declared.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import PACKAGE, Component, Location
from .common import is_inside, package_from_pep508, read_text, relative_path

# A full-line comment (pip's rule: `#` at the start or after whitespace).
_COMMENT = re.compile(r"(^|\s+)#.*$")

_INCLUDE_REQUIREMENTS = ("-r", "--requirement")
_INCLUDE_CONSTRAINTS = ("-c", "--constraint")
_EDITABLE = ("-e", "--editable")
_GLOBAL_WITH_VALUE = (
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "--trusted-host",
    "--no-binary",
    "--only-binary",
    "--use-feature",
)
_GLOBAL_FLAGS = ("--pre", "--prefer-binary", "--require-hashes", "--no-index")
_PER_REQUIREMENT_WITH_VALUE = ("--hash", "--config-settings", "-C", "--global-option")
_SHORT_WITH_VALUE = ("-r", "-c", "-e", "-i", "-f", "-C")
_OPTIONS_WITH_VALUE = (
    _INCLUDE_REQUIREMENTS + _INCLUDE_CONSTRAINTS + _EDITABLE + _GLOBAL_WITH_VALUE + _PER_REQUIREMENT_WITH_VALUE
)
_KNOWN_OPTIONS = _OPTIONS_WITH_VALUE + _GLOBAL_FLAGS

# `name @ ...` or `name[extra] @ ...`: a PEP 508 direct reference, not a path.
_PEP508_DIRECT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@")
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_VCS_PREFIXES = ("git+", "hg+", "svn+", "bzr+")
_ARCHIVE_SUFFIXES = (".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar")
_TRAILING_EXTRAS = re.compile(r"^(.+?)(\[[^\]]*\])$")
_EGG_FRAGMENT = re.compile(r"[#&]egg=([^&]+)")
_PROJECT_NAME = re.compile(r"^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$")
MAX_INCLUDE_DEPTH = 32


def read_requirements(path: Path, root: Path) -> list[Component]:
    """The packages a requirements file (and the files it includes) declares."""
    reader = _RequirementsReader(root)
    reader.read_file(path, constraint=False)
    return reader.finish()


class _RequirementsReader:
    """The state of one read: what was read already, what was found, what is pinned."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.components: list[Component] = []
        self.pins: dict[str, str] = {}
        self.seen: set[tuple[Path, bool]] = set()
        self.depth = 0  # how many includes deep the file being read is

    def finish(self) -> list[Component]:
        return [self._apply_pin(component) for component in self.components]

    def _apply_pin(self, component: Component) -> Component:
        pin = self.pins.get(component.name)
        if pin is None or component.revision is not None or component.direct_reference:
            return component
        if component.requirement is not None:
            from packaging.specifiers import SpecifierSet

            if not SpecifierSet(component.requirement).contains(pin, prereleases=True):
                return component  # pip would refuse this install; do not invent a version
        return replace(component, revision=pin)

    def read_file(self, path: Path, *, constraint: bool) -> None:
        try:
            identity = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop, on Python 3.11
            identity = path.absolute()
        if (identity, constraint) in self.seen:
            return
        self.seen.add((identity, constraint))
        where = relative_path(path, self.root)
        text = read_text(path, where)
        for number, line in _logical_lines(text):
            self._read_line(path, where, number, line, constraint=constraint)

    def _read_line(self, path: Path, where: str, number: int, line: str, *, constraint: bool) -> None:
        if line.startswith("-"):
            self._read_option_line(path, where, number, line, constraint=constraint)
            return
        requirement_text, option_text = _split_requirement_options(line)
        _check_requirement_options(_tokens(option_text, where, number), where, number)
        self._add(_requirement_component(requirement_text, path, where, number), constraint)

    def _add(self, component: Component, constraint: bool) -> None:
        if not constraint:
            self.components.append(component)
        elif component.revision is not None and component.direct_reference is None:
            self.pins.setdefault(component.name, component.revision)
        # An editable or URL in a constraints file constrains nothing we track.

    def _read_option_line(self, path: Path, where: str, number: int, line: str, *, constraint: bool) -> None:
        options = _parse_options(_tokens(line, where, number), where, number)
        editables = [value for name, value in options if name in _EDITABLE]
        per_requirement = [name for name, _ in options if name in _PER_REQUIREMENT_WITH_VALUE]
        if per_requirement and not editables:
            raise InputError(
                where,
                number,
                f"option {per_requirement[0]} belongs to a requirement: put it on the "
                "requirement's line (end the line with '\\' to continue it)",
            )
        for name, value in options:
            if name in _EDITABLE:
                assert value is not None
                self._add(_direct_component(value, path, where, number, editable=True), constraint)
            elif name in _INCLUDE_REQUIREMENTS + _INCLUDE_CONSTRAINTS:
                assert value is not None
                if self.depth >= MAX_INCLUDE_DEPTH:
                    raise InputError(
                        where,
                        number,
                        f"includes are nested more than {MAX_INCLUDE_DEPTH} files deep (-r/-c): "
                        f"{value!r} is not read; include the files from fewer levels",
                    )
                included = _included_path(value, path, where, number, self.root)
                self.depth += 1
                try:
                    self.read_file(included, constraint=name in _INCLUDE_CONSTRAINTS)
                finally:
                    self.depth -= 1


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first physical line, joined text without comments) for each non-empty logical line."""
    joined: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        physical = raw.rstrip("\r")
        is_comment = _COMMENT.match(physical) is not None
        if physical.endswith("\\") and not is_comment:
            if not pending:
                start = number
            pending.append(physical[:-1])
            continue
        if pending:
            # A comment line ends a continuation without adding to it.
            joined.append((start, "".join(pending) + ("" if is_comment else physical)))
            pending = []
        else:
            joined.append((number, physical))
    if pending:
        joined.append((start, "".join(pending)))
    result = []
    for number, line in joined:
        stripped = _COMMENT.sub("", line).strip()
        if stripped:
            result.append((number, stripped))
    return result


def _tokens(text: str, where: str, number: int) -> list[str]:
    import shlex

    try:
        return shlex.split(text)
    except ValueError as error:
        raise InputError(where, number, f"cannot split {text!r} into options: {error}") from None


def _split_requirement_options(line: str) -> tuple[str, str]:
    """Split `requirement --hash=... --hash=...` where the first word starting with `-` begins."""
    words = line.split()
    for index, word in enumerate(words):
        if word.startswith("-"):
            return " ".join(words[:index]), " ".join(words[index:])
    return line, ""


def _parse_options(tokens: list[str], where: str, number: int) -> list[tuple[str, str | None]]:
    """(option, value) pairs; `--name=value`, `--name value` and `-rvalue` all accepted."""
    options: list[tuple[str, str | None]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if not token.startswith("-"):
            raise InputError(where, number, f"unexpected {token!r}: expected options, or a requirement on its own line")
        name, value = token, None
        if token.startswith("--") and "=" in token:
            name, value = token.split("=", 1)
        elif not token.startswith("--") and len(token) > 2 and token[:2] in _SHORT_WITH_VALUE:
            name, value = token[:2], token[2:]
        if name not in _KNOWN_OPTIONS:
            raise InputError(
                where,
                number,
                f"unknown option {name!r}: expected -r, -c, -e, an index or binary option, "
                "or a requirement (options after a requirement: --hash, --config-settings, --global-option)",
            )
        if name in _OPTIONS_WITH_VALUE and value is None:
            if index >= len(tokens):
                raise InputError(where, number, f"option {name} needs a value")
            value = tokens[index]
            index += 1
        if name in _GLOBAL_FLAGS and value is not None:
            raise InputError(where, number, f"option {name} takes no value")
        if name in _OPTIONS_WITH_VALUE and not value:
            raise InputError(where, number, f"option {name} needs a non-empty value")
        options.append((name, value))
    return options


def _check_requirement_options(tokens: list[str], where: str, number: int) -> None:
    for name, _ in _parse_options(tokens, where, number):
        if name not in _PER_REQUIREMENT_WITH_VALUE:
            raise InputError(
                where,
                number,
                f"option {name} cannot follow a requirement: put it on its own line "
                "(after a requirement only --hash, --config-settings and --global-option are allowed)",
            )


def _included_path(value: str, including: Path, where: str, number: int, root: Path) -> Path:
    if _is_url(value):
        raise InputError(
            where,
            number,
            f"cannot include {value!r}: only local files can be included; download it and include the copy",
        )
    included = including.parent / value
    shown = relative_path(included, root)
    if included.is_dir():
        raise InputError(where, number, f"included {value!r} ({shown}) is a directory, expected a file")
    if not included.is_file():
        raise InputError(where, number, f"included file {value!r} not found (looked for {shown})")
    if not is_inside(included, root):
        raise InputError(
            where,
            number,
            f"included file {value!r} is outside the scanned directory (through '..', an absolute path or a "
            "symbolic link): licensecheck reads only files under the path it scans; scan a directory that holds both",
        )
    return included


def _is_url(text: str) -> bool:
    return _URL_SCHEME.match(text) is not None and _WINDOWS_DRIVE.match(text) is None


def _is_direct_target(text: str) -> bool:
    """Whether a requirement line names a path or URL rather than a PEP 508 requirement."""
    if _PEP508_DIRECT.match(text):
        return False
    head = text.split(";", 1)[0].strip()
    return (
        _URL_SCHEME.match(head) is not None
        or head.startswith((".", "/", "~", "\\"))
        or "/" in head
        or "\\" in head
        or head.lower().endswith(_ARCHIVE_SUFFIXES)
    )


def _requirement_component(text: str, path: Path, where: str, number: int) -> Component:
    if _is_direct_target(text):
        return _direct_component(text, path, where, number, editable=False)
    return package_from_pep508(text, where, number)


def _direct_component(text: str, path: Path, where: str, number: int, *, editable: bool) -> Component:
    """A Component for a path, URL or editable target, named after what it points at."""
    is_url = _is_url(text)
    # pip's rule: a URL's markers follow "; " (a bare ";" may belong to the URL).
    target = text.split("; ", 1)[0] if is_url else text.split(";", 1)[0]
    target = target.strip()
    extras = _TRAILING_EXTRAS.match(target)
    if extras:
        target = extras.group(1)
    if not target:
        raise InputError(where, number, f"{'editable ' if editable else ''}requirement {text!r} has no target")
    try:
        name = _target_name(target, path, is_url=is_url)
    except ValueError as error:  # urlsplit refuses e.g. an unclosed IPv6 bracket
        raise InputError(where, number, f"invalid URL {target!r}: {error}") from None
    if name is None or not _PROJECT_NAME.match(name):
        raise InputError(
            where,
            number,
            f"cannot tell the project name of {target!r}: add '#egg=<name>' to it, or write '<name> @ {target}'",
        )
    from packaging.utils import canonicalize_name

    return Component(
        type=PACKAGE,
        name=canonicalize_name(name),
        direct_reference=target,
        locations=(Location(path=where, line=number),),
    )


def _target_name(target: str, including: Path, *, is_url: bool) -> str | None:
    egg = _EGG_FRAGMENT.search(target)
    if egg:
        name = egg.group(1)
        extras = _TRAILING_EXTRAS.match(name)
        return extras.group(1) if extras else name
    location = target.split("#", 1)[0]
    if is_url:
        from urllib.parse import unquote, urlsplit

        location = unquote(urlsplit(location).path)
        if target.startswith(_VCS_PREFIXES) and "@" in location.rsplit("/", 1)[-1]:
            location = location.rsplit("@", 1)[0]  # `repo.git@v1.0`: the ref is not the name
    segment = re.split(r"[\\/]", location.rstrip("/\\"))[-1] if location.strip("/\\") else ""
    if segment in ("", ".", "..", "~"):
        if is_url:
            return None
        # `-e .`: the directory's own name is the best a reader without a build can do.
        directory = os.path.normpath((including.parent / location).absolute())
        return Path(directory).name or None
    return _name_from_file_name(segment)


def _name_from_file_name(segment: str) -> str:
    from packaging.utils import InvalidSdistFilename, InvalidWheelFilename, parse_sdist_filename, parse_wheel_filename

    lowered = segment.lower()
    if lowered.endswith(".whl"):
        try:
            return str(parse_wheel_filename(segment)[0])
        except InvalidWheelFilename:
            return segment.split("-", 1)[0]
    if lowered.endswith(".git"):
        return segment[: -len(".git")]
    for suffix in _ARCHIVE_SUFFIXES:
        if lowered.endswith(suffix):
            try:
                return str(parse_sdist_filename(segment)[0])
            except InvalidSdistFilename:
                stem = segment[: -len(suffix)]
                versioned = re.match(r"^(.+?)-\d", stem)
                return versioned.group(1) if versioned else stem
    return segment
