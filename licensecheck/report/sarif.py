"""SARIF 2.1.0 for code scanning (GitHub and other SARIF viewers).

One rule per finding code, with its help text; one result per finding, located
where the component is declared (models.yaml, requirements.txt, pyproject.toml...).
Paths are relative to the repository root (`RenderOptions.source_prefix` places a
scanned subdirectory in it). Problems of the whole run (offline, unreachable)
are tool notifications, not results: they have no place in a file.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterable
from dataclasses import asdict
from urllib.parse import quote

from .. import __version__
from ..findings import help_for
from ..model import ComponentResult, Finding, Location, ScanResult, Severity
from . import RenderOptions
from .common import ordered
from .escape import json_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_LEVEL_RANK = {"note": 0, "warning": 1, "error": 2}


def _rule(code: str, level: str) -> dict:
    title, text = help_for(code)
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in code.split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": text},
        "help": {"text": text, "markdown": f"**{title}**\n\n{text}"},
        "defaultConfiguration": {"level": level},
        "properties": {"tags": ["licence", "compliance"]},
    }


def _locations(places: Iterable[Location], prefix: str) -> list[dict]:
    locations = []
    for place in places:
        physical: dict = {
            "artifactLocation": {
                "uri": quote(posixpath.join(prefix, place.path) if prefix else place.path, safe="/"),
                "uriBaseId": "%SRCROOT%",
            }
        }
        if place.line:
            physical["region"] = {"startLine": place.line}
        locations.append({"physicalLocation": physical})
    return locations


def _fingerprint(*parts: str) -> str:
    """Stable across line moves, so that an alert keeps its identity when models.yaml is edited."""
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]


def _result(result: ComponentResult | None, finding: Finding, rule_index: int, prefix: str) -> dict:
    """A finding about a component (located where it is declared), or a run notice about a place in a file."""
    places = [finding.location] if finding.location is not None else []
    key: tuple[str, ...]
    if result is None:
        text, key, properties = finding.message, (finding.code, finding.message), {}
    else:
        component, licence = result.component, result.resolution.licence
        places += [place for place in component.locations if place != finding.location]
        text = f"{component.type} {component.name}: {finding.message}"
        key = (finding.code, component.type, component.name.lower())
        properties = {
            "component": component.name,
            "componentType": component.type,
            "verdict": result.evaluation.verdict.value,
            "licence": licence.id if licence else None,
        }
    document = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": text},
        "partialFingerprints": {"licensecheck/v1": _fingerprint(*key)},
        "properties": properties,
    }
    locations = _locations(places, prefix)
    if locations:
        document["locations"] = locations
    return document


def to_document(result: ScanResult, options: RenderOptions) -> dict:
    def shown(finding: Finding) -> bool:
        return not (finding.severity is Severity.INFO and options.verbosity < 0)

    pairs: list[tuple[ComponentResult | None, Finding]] = [
        (component_result, finding)
        for component_result in ordered(result)
        for finding in component_result.evaluation.findings
        if shown(finding)
    ]
    # A notice about a place in a file (code that loads a model) is a result; the rest
    # (offline, unreachable) are about the run and have no place in a file.
    pairs += [(None, notice) for notice in result.notices if notice.location is not None and shown(notice)]
    run_notices = [notice for notice in result.notices if notice.location is None]
    levels: dict[str, str] = {}
    for _, finding in pairs:
        level = _LEVELS[finding.severity]
        if _LEVEL_RANK[level] >= _LEVEL_RANK.get(levels.get(finding.code, "note"), 0):
            levels[finding.code] = level
    codes = sorted(levels)
    index = {code: position for position, code in enumerate(codes)}
    invocation: dict = {"executionSuccessful": True}
    if run_notices:
        invocation["toolExecutionNotifications"] = [
            {"level": _LEVELS[notice.severity], "message": {"text": notice.message}, "descriptor": {"id": notice.code}}
            for notice in run_notices
        ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "licensecheck",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(code, levels[code]) for code in codes],
                    }
                },
                "invocations": [invocation],
                "results": [_result(r, f, index[f.code], options.source_prefix) for r, f in pairs],
                "properties": {
                    "context": asdict(result.context),
                    "summary": result.summary(),
                },
            }
        ],
    }


def render(result: ScanResult, options: RenderOptions) -> str:
    return json_text(to_document(result, options))
