"""Resolve a Python package's licence from PyPI's JSON API.

Uses urllib (stdlib): a package lookup must not pay for an HTTP library import.
Where the licence comes from, in order of trust:

1. `info.license_expression` (PEP 639, an SPDX expression the author wrote);
2. a short `info.license` (one line, at most 100 characters): kept verbatim as
   the id, for the identification layer to look up by alias;
3. the `License ::` Trove classifiers: one classifier is the id (classifier
   strings are aliases in `rules/`); several distinct ones are reported as
   ambiguous with the classifiers in `declared`, because PyPI does not say whether
   they combine with AND or OR, and guessing would be a silent pass.

A long `license` field is usually a whole licence text pasted in: it is not an
id. Its first line is kept in `declared` and, unless a classifier settles the
question, the package has no usable licence. `declared` always holds the raw text
the id came from, so a reader sees exactly what the author wrote.
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
from collections.abc import Callable
from http.client import HTTPException
from urllib.error import HTTPError, URLError
from urllib.parse import quote
from urllib.request import Request, urlopen

from .. import __version__
from ..model import Finding, LicenceInfo, Resolution, Severity
from ..retry import RETRY_STATUSES, RetriesExhausted, RetryPolicy, Transient, call_with_retries, parse_retry_after
from . import resolved_now

DEFAULT_PYPI_URL = "https://pypi.org"
MAX_SHORT_LICENCE = 100
_MAX_BODY = 64 * 1024 * 1024  # the largest projects' JSON is a few MB
_PEP508_NAME = re.compile(r"^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", re.IGNORECASE)
_NOT_A_LICENCE = {"", "unknown", "none", "n/a", "null"}
_CLASSIFIER_PREFIX = "License ::"
_BARE_OSI_CLASSIFIER = "License :: OSI Approved"


class _ResolveProblem(Exception):
    """A failed lookup, as the finding to report; `transient` when asking again may help."""

    def __init__(self, code: str, message: str, transient: Transient | None = None) -> None:
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
) -> Resolution:
    """The licence of `name` at `version` (the latest release when None).

    With a `retry` policy, transient failures (429, 5xx, timeouts, dropped
    connections) are retried under it; without one, each URL is asked once.
    """

    def fetch(url: str, asked: str | None) -> object:
        if retry is None:
            return fetch_json(url, name, asked, timeout=timeout)
        try:
            return call_with_retries(
                lambda: fetch_json(url, name, asked, timeout=timeout), _transient_of, retry
            )
        except RetriesExhausted as gave_up:
            what = f"package {name}" + (f" {asked}" if asked else "")
            code = gave_up.last_error.finding.code  # always a _ResolveProblem: see _transient_of
            raise _ResolveProblem(code, f"{what}: {gave_up.describe()}; try again later") from None

    try:
        url = package_url(name, version, base_url)
        try:
            data = fetch(url, version)
        except _ResolveProblem as problem:
            data = _latest_if_it_is(name, version, base_url, fetch, problem)
        return resolution_from_json(data, name)
    except _ResolveProblem as problem:
        return Resolution(problem=problem.finding)
    except Exception as error:  # noqa: BLE001 - every failure is a finding, never a traceback
        return Resolution(
            problem=Finding(
                Severity.ERROR,
                "pypi-error",
                f"package {_shown(name)}: the PyPI request failed ({type(error).__name__})",
            )
        )


def _transient_of(error: BaseException) -> Transient | None:
    return error.transient if isinstance(error, _ResolveProblem) else None


def _latest_if_it_is(
    name: str,
    version: str | None,
    base_url: str | None,
    fetch: Callable[[str, str | None], object],
    problem: "_ResolveProblem",
) -> object:
    """Some mirrors serve only the project endpoint: use it when its latest release is the one pinned.

    Any other release's licence may differ from the latest one's, so anything else
    keeps the original problem rather than guessing.
    """
    if version is None or problem.finding.code != "pypi-not-found":
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
        raise _ResolveProblem("pypi-invalid-name", f"package {_shown(name)}: not a valid Python package name")
    base = (base_url or os.environ.get("LICENSECHECK_PYPI_URL") or DEFAULT_PYPI_URL).rstrip("/")
    if version is None:
        return f"{base}/pypi/{quote(name, safe='')}/json"
    if not version.strip():
        raise _ResolveProblem("pypi-invalid-name", f"package {name}: empty version")
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
        raise _ResolveProblem("pypi-invalid-response", f"{what}: PyPI's answer is too large") from None
    except HTTPError as error:
        retry_after = parse_retry_after(error.headers.get("Retry-After") if error.headers else None)
        error.close()
        if error.code == 404:
            raise _ResolveProblem(
                "pypi-not-found",
                f"{what}: PyPI has no such " + ("release" if version else "project") + "; check the name and version",
            ) from None
        transient = None
        if error.code == 429:
            transient = Transient("PyPI is rate-limiting requests (HTTP 429)", retry_after)
        elif error.code in RETRY_STATUSES:
            transient = Transient(f"PyPI answered HTTP {error.code}", retry_after)
        raise _ResolveProblem("pypi-http-error", f"{what}: PyPI answered HTTP {error.code}", transient) from None
    except (TimeoutError, socket.timeout, AnswerTooSlow):
        raise _ResolveProblem(
            "pypi-timeout", f"{what}: PyPI did not answer in time", Transient("PyPI did not answer in time")
        ) from None
    except URLError as error:
        # urllib wraps what fails while connecting and sending, not while reading the answer.
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            raise _ResolveProblem(
                "pypi-unreachable", f"{what}: could not connect to PyPI in time; check the network or LICENSECHECK_PYPI_URL"
            ) from None
        if isinstance(error.reason, ConnectionResetError):
            raise _ResolveProblem("pypi-connection-error", f"{what}: {dropped.reason}", dropped) from None
        raise _ResolveProblem(
            "pypi-unreachable", f"{what}: could not connect to PyPI; check the network or LICENSECHECK_PYPI_URL"
        ) from None
    except (OSError, HTTPException):  # a reset, a disconnect, a truncated answer
        raise _ResolveProblem("pypi-connection-error", f"{what}: {dropped.reason}", dropped) from None
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # JSONDecodeError, UnicodeDecodeError, nesting too deep
        raise _ResolveProblem("pypi-invalid-response", f"{what}: PyPI's answer is not JSON") from None


def resolution_from_json(data: object, name: str) -> Resolution:
    """Read version and licence from a PyPI JSON API body."""
    info = data.get("info") if isinstance(data, dict) else None
    if not isinstance(info, dict) or not isinstance(info.get("version"), str):
        raise _ResolveProblem(
            "pypi-invalid-response", f"package {name}: PyPI's answer does not have the expected shape"
        )
    version = info["version"]
    licence, problem, notes = licence_from_info(info, f"package {name} {version}")
    resolved_at = resolved_now()
    return Resolution(version=version, licence=licence, problem=problem, notes=notes, resolved_at=resolved_at)


def licence_from_info(info: dict, what: str) -> tuple[LicenceInfo | None, Finding | None, tuple[Finding, ...]]:
    """The licence a release declares, following the order in the module docstring."""
    expression = _text(info.get("license_expression"))
    if expression:
        return LicenceInfo(id=expression, source="pypi:license_expression", declared=expression), None, ()

    raw_licence = info.get("license")
    licence_text = raw_licence.strip() if isinstance(raw_licence, str) else ""
    if licence_text.lower() in _NOT_A_LICENCE:
        licence_text = ""
    if licence_text and "\n" not in licence_text and len(licence_text) <= MAX_SHORT_LICENCE:
        return LicenceInfo(id=licence_text, source="pypi:license", declared=licence_text), None, ()
    first_line = licence_text.splitlines()[0].strip() if licence_text else None

    raw_classifiers = info.get("classifiers")
    classifiers = raw_classifiers if isinstance(raw_classifiers, list) else []
    licence_classifiers = list(
        dict.fromkeys(
            c.strip()
            for c in classifiers
            if isinstance(c, str) and c.startswith(_CLASSIFIER_PREFIX) and c.strip() != _BARE_OSI_CLASSIFIER
        )
    )
    notes: tuple[Finding, ...] = ()
    if first_line:
        notes = (
            Finding(
                Severity.INFO,
                "pypi-licence-text",
                f"{what}: the `license` field holds a long text, not an id; it begins: {first_line[:80]}",
            ),
        )
    if len(licence_classifiers) == 1:
        classifier = licence_classifiers[0]
        return LicenceInfo(id=classifier, source="pypi:classifier", declared=classifier), None, notes
    if len(licence_classifiers) > 1:
        listed = "; ".join(licence_classifiers)
        return (
            LicenceInfo(id=None, source="pypi:classifier", declared=listed),
            Finding(
                Severity.ERROR,
                "licence-ambiguous",
                f"{what}: lists several licence classifiers ({listed}) and no licence expression; "
                "declare an override naming the licence that applies",
            ),
            notes,
        )
    if first_line:
        return (
            LicenceInfo(id=None, source="pypi:license", declared=first_line),
            Finding(
                Severity.ERROR,
                "no-licence",
                f"{what}: the `license` field is a long free text, not a licence id, and no licence "
                "classifier names it; read the text and declare an override",
            ),
            notes,
        )
    return None, Finding(
        Severity.ERROR,
        "no-licence",
        f"{what}: PyPI shows no licence (no license expression, license field or licence classifier); "
        "ask the maintainers or declare an override",
    ), ()


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _shown(name: object) -> str:
    """A name as it may appear in a message: printable and short."""
    text = name if isinstance(name, str) else repr(name)
    return repr(text[:100]) if not text.isprintable() or len(text) > 100 else text
