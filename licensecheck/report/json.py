"""The JSON report: a contract read by CI gates and other tools.

`schema_version` 1. Later versions of licensecheck add keys; they never remove
or rename one, nor change a value's meaning. The schema is
`licensecheck/schemas/report-v1.schema.json`.
"""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..model import ComponentResult, Finding, LicenceInfo, LineageEntry, Location, ScanResult
from . import RenderOptions
from .escape import json_text

SCHEMA_VERSION = 1


def _finding(finding: Finding) -> dict:
    document: dict[str, Any] = {"severity": finding.severity.value, "code": finding.code, "message": finding.message}
    if finding.location is not None:
        document["location"] = _location(finding.location)
    return document


def _location(location: Location) -> dict:
    document: dict[str, Any] = {"path": location.path, "line": location.line}
    if location.label:
        document["label"] = location.label  # "cell 3, line 2" in a notebook
    return document


def _component(result: ComponentResult) -> dict:
    component, resolution, evaluation = result.component, result.resolution, result.evaluation
    licence = resolution.licence
    document: dict[str, Any] = {
        "type": component.type,
        "name": component.name,
        "version": resolution.version or component.revision,
        "license": _licence(licence),
        "verdict": evaluation.verdict.value,
        "obligations": list(evaluation.obligations),
        "findings": [_finding(f) for f in evaluation.findings],
        "locations": [_location(place) for place in component.locations],
    }
    if licence is not None and licence.declared is not None:
        document["license"]["declared"] = licence.declared
    if component.requirement:
        document["requirement"] = component.requirement
    if component.revision and component.type != "package":
        document["revision"] = component.revision
    document["from_lock"] = resolution.from_lock
    if resolution.cached:  # an earlier run's answer, from licensecheck's metadata cache; absent otherwise
        document["resolution"] = {"cached": True}
    if component.direct is not None:  # from a Python lock file: named by the project itself, or transitive
        document["direct"] = component.direct
    if component.scope is not None:  # from a Python lock file: main, optional (an extra) or dev (a group)
        document["scope"] = component.scope
    if component.type == "model":
        document["lineage"] = [_lineage_entry(entry) for entry in result.lineage]
    if result.exception is not None:
        exception = result.exception
        document["exception"] = {
            "reason": exception.reason,
            "owner": exception.owner,
            "expires": exception.expires.isoformat(),
        }
    document["baselined"] = result.baselined
    if result.alternatives is not None:  # scan --suggest
        document["alternatives"] = [
            {"id": a.id, "license": a.licence, "verdict": a.verdict.value} for a in result.alternatives
        ]
    return document


def _licence(licence: LicenceInfo | None) -> dict:
    return {
        "id": licence.id if licence else None,
        "name": licence.name if licence else None,
        "source": licence.source if licence else None,
        "link": licence.link if licence else None,
    }


def _lineage_entry(entry: LineageEntry) -> dict:
    return {
        "name": entry.name,
        "relation": entry.relation,
        "license": _licence(entry.licence),
        "verdict": entry.verdict.value,
        "depth": entry.depth,
        "via": entry.via,
    }


def to_document(result: ScanResult) -> dict:
    context = result.context
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "licensecheck", "version": __version__},
        "context": {
            "use": context.use,
            "distribution": context.distribution,
            "users": context.users,
            "revenue": context.revenue,
            "region": context.region,
            "org_users": context.org_users,
            "sources": dict(result.context_sources),
            "config": result.config_file,
        },
        "notices": [_finding(f) for f in result.notices],
        "components": [_component(r) for r in result.components],
        "summary": result.summary(),
    }
    # Both keys appear only when they say something: a run without purpose terms reports as before.
    if context.purposes:
        document["context"]["purposes"] = list(context.purposes)
    if result.unchecked_purposes:
        document["purposes_unchecked"] = [
            {"license": entry.licence, "purposes": list(entry.purposes), "components": list(entry.components)}
            for entry in result.unchecked_purposes
        ]
    return document


def render(result: ScanResult, options: RenderOptions) -> str:
    return json_text(to_document(result))
