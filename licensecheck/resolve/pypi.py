"""Resolve a Python package's licence from PyPI's JSON API.

Uses urllib (stdlib): a package lookup must not pay for an HTTP library import.
Which release: the pinned version; else, for a requirement with a specifier
(`numpy>=1.23,<2`), the newest release on the project page's list that satisfies
it (yanked releases and releases without files are skipped; pre-releases only
when the specifier asks for one or nothing else matches, as pip does); else the
latest release. A requirement no release satisfies is a problem, never a
judgement of another version.

Which licence: `package_licence.read_package_licence` reads the release's
`license_expression`, `license` field and `License ::` classifiers in order of
trust; `declared` always holds the raw text the id came from, so a reader sees
exactly what the author wrote.
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from http.client import HTTPException
from typing import TYPE_CHECKING
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

from .. import __version__
from ..findings import (
    PYPI_CONNECTION_ERROR,
    PYPI_ERROR,
    PYPI_HTTP_ERROR,
    PYPI_INVALID_NAME,
    PYPI_INVALID_RESPONSE,
    PYPI_NO_MATCHING_RELEASE,
    PYPI_NOT_FOUND,
    PYPI_RELEASE_CHOSEN,
    PYPI_TIMEOUT,
    PYPI_UNREACHABLE,
)
from ..model import Code, Finding, Resolution, Severity
from ..package_licence import PackageDeclarations, read_package_licence
from ..retry import RETRY_STATUSES, RetriesExhausted, RetryPolicy, Transient, call_with_retries, parse_retry_after
from . import resolved_now

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet

    from ..knowledge import Knowledge

DEFAULT_PYPI_URL = "https://pypi.org"
_MAX_BODY = 64 * 1024 * 1024  # the largest projects' JSON is a few MB
_PEP508_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)
_CLASSIFIER_PREFIX = "License ::"
_BARE_OSI_CLASSIFIER = "License :: OSI Approved"


class _ResolveProblem(Exception):
    """A failed lookup, as the finding to report; `transient` when asking again may help."""

    def __init__(self, code: Code, message: str, transient: Transient | None = None) -> None:
        super().__init__(message)
        self.finding = Finding(Severity.ERROR, code, message)
        self.transient = transient


def resolve_package(
    name: str,
    version: str | None,
    *,
    timeout: float,
    base_url: str | None = None,
    retry: RetryPolicy | None = None,
    requirement: str | None = None,
    knowledge: Knowledge | None = None,
) -> Resolution:
    """The licence of `name` at `version`; unpinned, at the newest release that satisfies
    `requirement` (a specifier such as `>=1.23,<2`), else the latest release.

    With a `retry` policy, transient failures (429, 5xx, timeouts, dropped
    connections) are retried under it; without one, each URL is asked once.
    `knowledge` (the rules) names the licences the metadata may mean; the
    shipped rules when None.
    """

    def fetch(url: str, asked: str | None) -> object:
        if retry is None:
            return fetch_json(url, name, asked, timeout=timeout)
        try:
            return call_with_retries(lambda: fetch_json(url, name, asked, timeout=timeout), _transient_of, retry)
        except RetriesExhausted as gave_up:
            what = f"package {name}" + (f" {asked}" if asked else "")
            last = gave_up.last_error
            assert isinstance(last, _ResolveProblem)  # _transient_of retries nothing else
            code = last.finding.code
            raise _ResolveProblem(code, f"{what}: {gave_up.describe()}; try again later") from None

    try:
        knowledge = knowledge or _shipped_rules()
        if version is None and requirement:
            data, chosen = _release_for(name, requirement, base_url, fetch)
            resolution = resolution_from_json(data, name, knowledge)
            return replace(resolution, notes=resolution.notes + ((chosen,) if chosen else ()))
        url = package_url(name, version, base_url)
        try:
            data = fetch(url, version)
        except _ResolveProblem as problem:
            data = _latest_if_it_is(name, version, base_url, fetch, problem)
        return resolution_from_json(data, name, knowledge)
    except _ResolveProblem as problem:
        return Resolution(problem=problem.finding)
    except Exception as error:  # noqa: BLE001 - every failure is a finding, never a traceback
        return Resolution(
            problem=Finding(
                Severity.ERROR,
                PYPI_ERROR,
                f"package {_shown(name)}: the PyPI request failed ({type(error).__name__})",
            )
        )


@lru_cache(maxsize=1)
def _shipped_rules() -> Knowledge:
    from ..knowledge import load_knowledge

    return load_knowledge()


def _release_for(
    name: str, requirement: str, base_url: str | None, fetch: Callable[[str, str | None], object]
) -> tuple[object, Finding | None]:
    """The release page of the newest release that satisfies `requirement`, and a note when it is not the latest.

    The project page (one request) lists the releases; a second request reads the
    chosen release's metadata unless it is the latest.
    """
    from packaging.specifiers import InvalidSpecifier, SpecifierSet

    try:
        specifier = SpecifierSet(requirement)
    except InvalidSpecifier:
        raise _ResolveProblem(
            PYPI_NO_MATCHING_RELEASE, f"package {name}: {requirement!r} is not a version specifier"
        ) from None
    project = fetch(package_url(name, None, base_url), None)
    info = project.get("info") if isinstance(project, dict) else None
    latest = info.get("version") if isinstance(info, dict) else None
    chosen = newest_matching(project.get("releases") if isinstance(project, dict) else None, specifier, latest)
    if chosen is None:
        shown = f" (the latest is {latest})" if isinstance(latest, str) else ""
        raise _ResolveProblem(
            PYPI_NO_MATCHING_RELEASE,
            f"package {name}: no release on PyPI satisfies {requirement}{shown}; its licence cannot be judged "
            "at a version the requirement allows: check the requirement",
        )
    if chosen == latest:
        return project, None
    try:
        data = fetch(package_url(name, chosen, base_url), chosen)
    except _ResolveProblem as problem:
        if problem.finding.code == PYPI_NOT_FOUND:
            raise _ResolveProblem(
                PYPI_NOT_FOUND,
                f"package {name} {chosen}: the index lists this release (the newest that satisfies {requirement}) "
                "but does not serve its metadata; a mirror may serve only the latest release's",
            ) from None
        raise
    note = Finding(
        Severity.INFO,
        PYPI_RELEASE_CHOSEN,
        f"package {name}: judged at {chosen}, the newest release that satisfies {requirement} (the latest is {latest})",
    )
    return data, note


def newest_matching(releases: object, specifier: SpecifierSet, latest: object = None) -> str | None:
    """The newest release (as the index spells it) that `specifier` allows and pip could install.

    `releases` is the project page's map of version to files: a release with no
    files, or only yanked ones, is skipped, as pip skips it. A page without the
    map (some mirrors) offers only its latest release.
    """
    from packaging.version import InvalidVersion, Version

    files_by_release: dict[object, object]
    if isinstance(releases, dict):
        files_by_release = releases
    else:
        files_by_release = {latest: [{}]} if isinstance(latest, str) else {}
    candidates: dict[Version, str] = {}
    for text, files in files_by_release.items():
        if not isinstance(text, str) or not isinstance(files, list) or not files:
            continue
        if all(isinstance(f, dict) and f.get("yanked") is True for f in files):
            continue
        try:
            candidates[Version(text)] = text
        except InvalidVersion:
            continue
    allowed = list(specifier.filter(candidates))
    return candidates[max(allowed)] if allowed else None


def _transient_of(error: BaseException) -> Transient | None:
    return error.transient if isinstance(error, _ResolveProblem) else None


def _latest_if_it_is(
    name: str,
    version: str | None,
    base_url: str | None,
    fetch: Callable[[str, str | None], object],
    problem: _ResolveProblem,
) -> object:
    """Some mirrors serve only the project endpoint: use it when its latest release is the one pinned.

    Any other release's licence may differ from the latest one's, so anything else
    keeps the original problem rather than guessing.
    """
    if version is None or problem.finding.code != PYPI_NOT_FOUND:
        raise problem
    data = fetch(package_url(name, None, base_url), None)
    info = data.get("info") if isinstance(data, dict) else None
    if isinstance(info, dict) and isinstance(info.get("version"), str):
        from packaging.version import InvalidVersion, Version

        try:
            if Version(info["version"]) == Version(version):
                return data
        except InvalidVersion:
            pass
    raise problem


def package_url(name: str, version: str | None, base_url: str | None = None) -> str:
    """The JSON API URL for a release (or the latest one), with every path segment quoted."""
    if not isinstance(name, str) or not _PEP508_NAME.match(name):
        raise _ResolveProblem(PYPI_INVALID_NAME, f"package {_shown(name)}: not a valid Python package name")
    base = (base_url or os.environ.get("LICENSECHECK_PYPI_URL") or DEFAULT_PYPI_URL).rstrip("/")
    if version is None:
        return f"{base}/pypi/{quote(name, safe='')}/json"
    if not version.strip():
        raise _ResolveProblem(PYPI_INVALID_NAME, f"package {name}: empty version")
    return f"{base}/pypi/{quote(name, safe='')}/{quote(version.strip(), safe='')}/json"


def fetch_json(url: str, name: str, version: str | None, *, timeout: float) -> object:
    """One request, answered in full within `timeout` (resolve/bounded.py); every failure is a
    `_ResolveProblem`, marked transient when a retry may help."""
    from .bounded import AnswerTooLarge, AnswerTooSlow, read_capped, within

    what = f"package {name}" + (f" {version}" if version else "")
    request = Request(url, headers={"Accept": "application/json", "User-Agent": f"licensecheck/{__version__}"})
    dropped = Transient("the connection to PyPI was closed before it answered")
    deadline = time.monotonic() + timeout

    def fetch() -> bytes:
        with urlopen(request, timeout=timeout) as response:
            chunks = iter(lambda: response.read1(64 * 1024), b"")  # as it arrives: a trickle is cut at the deadline
            return read_capped(chunks, deadline=deadline, max_bytes=_MAX_BODY)

    try:
        body = within(timeout, fetch)
    except AnswerTooLarge:
        raise _ResolveProblem(PYPI_INVALID_RESPONSE, f"{what}: PyPI's answer is too large") from None
    except HTTPError as error:
        retry_after = parse_retry_after(error.headers.get("Retry-After") if error.headers else None)
        error.close()
        if error.code == 404:
            raise _ResolveProblem(
                PYPI_NOT_FOUND,
                f"{what}: PyPI has no such " + ("release" if version else "project") + "; check the name and version",
            ) from None
        transient = None
        if error.code == 429:
            transient = Transient("PyPI is rate-limiting requests (HTTP 429)", retry_after)
        elif error.code in RETRY_STATUSES:
            transient = Transient(f"PyPI answered HTTP {error.code}", retry_after)
        raise _ResolveProblem(PYPI_HTTP_ERROR, f"{what}: PyPI answered HTTP {error.code}", transient) from None
    except (TimeoutError, AnswerTooSlow):
        raise _ResolveProblem(
            PYPI_TIMEOUT, f"{what}: PyPI did not answer in time", Transient("PyPI did not answer in time")
        ) from None
    except URLError as error:
        # urllib wraps what fails while connecting and sending, not while reading the answer.
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise _ResolveProblem(
                PYPI_UNREACHABLE,
                f"{what}: could not connect to PyPI in time; check the network or LICENSECHECK_PYPI_URL",
            ) from None
        if isinstance(error.reason, ConnectionResetError):
            raise _ResolveProblem(PYPI_CONNECTION_ERROR, f"{what}: {dropped.reason}", dropped) from None
        raise _ResolveProblem(
            PYPI_UNREACHABLE, f"{what}: could not connect to PyPI; check the network or LICENSECHECK_PYPI_URL"
        ) from None
    except (OSError, HTTPException):  # a reset, a disconnect, a truncated answer
        raise _ResolveProblem(PYPI_CONNECTION_ERROR, f"{what}: {dropped.reason}", dropped) from None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, nesting too deep
        raise _ResolveProblem(PYPI_INVALID_RESPONSE, f"{what}: PyPI's answer is not JSON") from None


def resolution_from_json(data: object, name: str, knowledge: Knowledge | None = None) -> Resolution:
    """Read version and licence from a PyPI JSON API body."""
    info = data.get("info") if isinstance(data, dict) else None
    if not isinstance(info, dict) or not isinstance(info.get("version"), str):
        raise _ResolveProblem(PYPI_INVALID_RESPONSE, f"package {name}: PyPI's answer does not have the expected shape")
    version = info["version"]
    reading = read_package_licence(declarations(info), knowledge or _shipped_rules(), f"package {name} {version}")
    resolved_at = resolved_now()
    return Resolution(
        version=version, licence=reading.licence, problem=reading.problem, notes=reading.notes, resolved_at=resolved_at
    )


def declarations(info: dict) -> PackageDeclarations:
    """The licence fields of a release's `info`, as written; fields of the wrong type count as absent."""
    raw_classifiers = info.get("classifiers")
    classifiers = raw_classifiers if isinstance(raw_classifiers, list) else []
    licence_classifiers = tuple(
        dict.fromkeys(
            c.strip()
            for c in classifiers
            if isinstance(c, str) and c.startswith(_CLASSIFIER_PREFIX) and c.strip() != _BARE_OSI_CLASSIFIER
        )
    )
    raw_files = info.get("license_files")
    files = tuple(f for f in raw_files if isinstance(f, str)) if isinstance(raw_files, list) else ()
    licence = info.get("license")
    return PackageDeclarations(
        expression=_text(info.get("license_expression")),
        licence=licence if isinstance(licence, str) else None,
        classifiers=licence_classifiers,
        licence_files=files,
    )


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _shown(name: object) -> str:
    """A name as it may appear in a message: printable and short."""
    text = name if isinstance(name, str) else repr(name)
    return repr(text[:100]) if not text.isprintable() or len(text) > 100 else text
