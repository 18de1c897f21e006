"""The JSON report: a contract read by CI gates and other tools.

`schema_version` 1. Later versions of licensecheck add keys; they never remove
or rename one, nor change a value's meaning. The schema is
`licensecheck/schemas/report-v1.schema.json`.
"""

from __future__ import annotations

import json

from .. import __version__
from ..model import ComponentResult, Finding, ScanResult
from . import RenderOptions

SCHEMA_VERSION = 1


def _finding(finding: Finding) -> dict:
    return {"severity": finding.severity.value, "code": finding.code, "message": finding.message}


def _component(result: ComponentResult) -> dict:
    component, resolution, evaluation = result.component, result.resolution, result.evaluation
    licence = resolution.licence
    document = {
        "type": component.type,
        "name": component.name,
        "version": resolution.version or component.revision,
        "license": {
            "id": licence.id if licence else None,
            "name": licence.name if licence else None,
            "source": licence.source if licence else None,
            "link": licence.link if licence else None,
        },
        "verdict": evaluation.verdict.value,
        "obligations": list(evaluation.obligations),
        "findings": [_finding(f) for f in evaluation.findings],
        "locations": [{"path": l.path, "line": l.line} for l in component.locations],
    }
    if licence is not None and licence.declared is not None:
        document["license"]["declared"] = licence.declared
    if component.requirement:
        document["requirement"] = component.requirement
    if component.revision and component.type != "package":
        document["revision"] = component.revision
    document["from_lock"] = resolution.from_lock
    return document


def to_document(result: ScanResult) -> dict:
    context = result.context
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "licensecheck", "version": __version__},
        "context": {
            "use": context.use,
            "distribution": context.distribution,
            "users": context.users,
            "revenue": context.revenue,
            "region": context.region,
        },
        "notices": [_finding(f) for f in result.notices],
        "components": [_component(r) for r in result.components],
        "summary": result.summary(),
    }


def render(result: ScanResult, options: RenderOptions) -> str:
    return json.dumps(to_document(result), indent=2, ensure_ascii=False) + "\n"
