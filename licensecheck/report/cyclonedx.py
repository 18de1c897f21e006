"""CycloneDX 1.6 bill of materials (JSON).

Models are `machine-learning-model` components, datasets `data`, Python packages
`library`; each with its purl, its licence (an SPDX id, an SPDX expression, or
the name and URL of a licence the SPDX list lacks) and licensecheck's judgement
as properties: `licensecheck:verdict`, one `licensecheck:obligation` per
obligation, one `licensecheck:finding` per finding. The usage context is in the
metadata's properties. Written as plain JSON (no writer library at run time);
tests validate it against the CycloneDX 1.6 schema. The serial number is derived
from the content, so the same scan gives the same document (set
`SOURCE_DATE_EPOCH` to fix its timestamp too).
"""

from __future__ import annotations

import uuid

from .. import __version__
from ..model import DATASET, MODEL, ComponentResult, ScanResult
from . import RenderOptions
from .common import (
    content_digest,
    creation_time,
    home_url,
    knowledge_of,
    licence_facts,
    ordered,
    purl,
    spdx_licence,
    version_of,
)
from .escape import json_text

SCHEMA_URI = "http://cyclonedx.org/schema/bom-1.6.schema.json"
_TYPES = {MODEL: "machine-learning-model", DATASET: "data"}


def _licences(result: ComponentResult, knowledge) -> list[dict]:
    licence = spdx_licence(result, knowledge)
    if licence.expression is None:
        return []
    if len(licence.refs) == 1 and licence.expression == licence.refs[0].id:
        ref = licence.refs[0]
        entry = {"name": ref.name}
        if ref.url:
            entry["url"] = ref.url
        return [{"license": {**entry, "acknowledgement": "declared"}}]
    if licence.refs or " " in licence.expression:
        return [{"expression": licence.expression, "acknowledgement": "declared"}]
    entry = {"id": licence.expression, "acknowledgement": "declared"}
    url = licence_facts(result, knowledge).url
    if url:
        entry["url"] = url
    return [{"license": entry}]


def _property(name: str, value: str) -> dict:
    return {"name": f"licensecheck:{name}", "value": value}


def _component(result: ComponentResult, bom_ref: str, knowledge) -> dict:
    component, evaluation = result.component, result.evaluation
    document: dict = {"type": _TYPES.get(component.type, "library"), "bom-ref": bom_ref, "name": component.name}
    version = version_of(result)
    if version:
        document["version"] = version
    locator = purl(result)
    if locator:
        document["purl"] = locator
    licences = _licences(result, knowledge)
    if licences:
        document["licenses"] = licences
    website = home_url(result)
    if website:
        document["externalReferences"] = [{"type": "website", "url": website}]
    properties = [_property("verdict", evaluation.verdict.value)]
    if result.resolution.licence is not None:
        properties.append(_property("licence-source", result.resolution.licence.source))
    properties += [_property("obligation", text) for text in evaluation.obligations]
    properties += [_property("finding", f"{f.severity.value} {f.code}: {f.message}") for f in evaluation.findings]
    properties += [
        _property("declared-in", f"{place.path}:{place.line}" if place.line else place.path)
        for place in component.locations
    ]
    document["properties"] = properties
    return document


def to_document(result: ScanResult, options: RenderOptions) -> dict:
    knowledge = knowledge_of(options)
    components, taken = [], set()
    for item in ordered(result):
        base = purl(item) or f"{item.component.type}:{item.component.name}"
        bom_ref, number = base, 2
        while bom_ref in taken:
            bom_ref, number = f"{base}#{number}", number + 1
        taken.add(bom_ref)
        components.append(_component(item, bom_ref, knowledge))
    context = result.context
    context_properties = [
        _property(f"context:{key}", str(value))
        for key, value in (
            ("use", context.use),
            ("distribution", context.distribution),
            ("users", context.users),
            ("revenue", context.revenue),
            ("region", context.region),
            ("org_users", context.org_users),
        )
        if value is not None
    ]
    return {
        "$schema": SCHEMA_URI,
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "serialNumber": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'licensecheck:' + content_digest(result))}",
        "version": 1,
        "metadata": {
            "timestamp": creation_time().strftime("%Y-%m-%dT%H:%M:%SZ"),
            "tools": {"components": [{"type": "application", "name": "licensecheck", "version": __version__}]},
            "properties": context_properties,
        },
        "components": components,
    }


def render(result: ScanResult, options: RenderOptions) -> str:
    return json_text(to_document(result, options))
