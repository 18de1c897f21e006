"""Why a component got its verdict: `licensecheck explain COMPONENT`.

Pure: a scanned component, the configuration and the rules in; a document out
(and its text rendering). It retraces the steps of a scan in order: the licence
and where it was found, the ancestors whose terms bind a derivative, the usage
context and where each value was set, the licence clauses that applied, the
allow and deny lists, the exception. No I/O.
"""

from __future__ import annotations

from .config import CONTEXT_KEYS, Config
from .evaluate import evaluate_rule
from .model_facts import facts_for
from .knowledge import Knowledge
from .model import ComponentResult, ScanResult, Severity
from .policy import (
    EXCEPTION_APPLIED,
    bound_licences,
    exception_matches_name,
    list_refusal,
    normalised_name,
)

_EXCEPTION_CODES = ("exception-expired", "exception-expiring", "exception-revision-mismatch", "exception-not-applicable")


def find_components(result: ScanResult, query: str) -> list[ComponentResult]:
    """The components named `query` (case-insensitive; a package by its normalised name)."""
    return [
        item for item in result.components
        if normalised_name(item.component.name, item.component.type) == normalised_name(query, item.component.type)
    ]


def _clauses(item: ComponentResult, result: ScanResult, knowledge: Knowledge) -> list[dict]:
    """The clauses that applied (or must be confirmed), licence by licence, with their source."""
    from .explain import describe_conditions

    found, seen = [], set()
    for licence_id, whose in bound_licences(item):
        rule = knowledge.lookup(licence_id)
        if rule is None or rule.id in seen:
            continue
        seen.add(rule.id)
        applied = set(evaluate_rule(rule, result.context, facts_for(item.component, item.resolution)).clauses)
        for clause in rule.clauses:
            if clause.code in applied:
                found.append({
                    "licence": rule.id,
                    "of": whose,
                    "code": clause.code,
                    "effect": clause.effect,
                    "conditions": list(describe_conditions(clause)),
                    "text": clause.text,
                    "source": clause.source,
                    "section": clause.section,
                })
    return found


def _lists(item: ComponentResult, config: Config, knowledge: Knowledge) -> dict:
    policy = config.policy
    decisions = []
    for licence_id, whose in bound_licences(item):
        refusal = list_refusal(licence_id, policy, knowledge.lookup)
        if refusal is not None:
            decision = refusal.code
        elif (rule := knowledge.lookup(licence_id)) is None or not rule.recognised:
            decision = "not-judged"  # an unknown licence is on no list
        elif policy.allow is not None:
            decision = "allowed"
        else:
            decision = "no-list"
        decisions.append({"licence": licence_id, "of": whose, "decision": decision})
    return {
        "allow": sorted(policy.allow) if policy.allow is not None else None,
        "allow_from": config.origin("allow") if policy.allow is not None else None,
        "deny": sorted(policy.deny),
        "deny_from": config.origin("deny") if policy.deny else None,
        "deny_categories": sorted(policy.deny_categories),
        "deny_categories_from": config.origin("deny_categories") if policy.deny_categories else None,
        "decisions": decisions,
    }


def _exception(item: ComponentResult, config: Config) -> dict:
    declared = [e for e in config.policy.exceptions if exception_matches_name(e, item)]
    notes = [f.message for f in item.evaluation.findings if f.code in _EXCEPTION_CODES]
    applied = item.exception
    return {
        "applied": None if applied is None else {
            "reason": applied.reason, "owner": applied.owner, "expires": applied.expires.isoformat(), "where": applied.where,
        },
        "declared": [
            {"reason": e.reason, "owner": e.owner, "expires": e.expires.isoformat(), "revision": e.revision, "where": e.where}
            for e in declared
        ],
        "notes": notes,
    }


def explain_component(item: ComponentResult, result: ScanResult, config: Config, knowledge: Knowledge) -> dict:
    """How `item`'s verdict was reached, step by step, as a JSON-ready document."""
    component, resolution, evaluation = item.component, item.resolution, item.evaluation
    licence = resolution.licence
    context = result.context
    return {
        "component": {
            "type": component.type,
            "name": component.name,
            "version": resolution.version or component.revision,
            "locations": [{"path": place.path, "line": place.line} for place in component.locations],
        },
        "license": {
            "id": licence.id if licence else None,
            "name": licence.name if licence else None,
            "source": licence.source if licence else None,
            "declared": licence.declared if licence else None,
            "from_lock": resolution.from_lock,
        },
        "lineage": [
            {
                "name": e.name, "relation": e.relation, "depth": e.depth, "via": e.via,
                "license": e.licence.id if e.licence else None, "verdict": e.verdict.value,
            }
            for e in item.lineage
        ],
        "context": {
            key: {"value": getattr(context, key), "source": result.context_sources.get(key, "default")}
            for key in CONTEXT_KEYS
        } | _declared_purposes(result),
        "config": config.file,
        "extends": config.extends,
        "clauses": _clauses(item, result, knowledge),
        "lists": _lists(item, config, knowledge),
        "exception": _exception(item, config),
        "unknown": {"value": config.policy.unknown, "from": config.origin("unknown")},
        "verdict": evaluation.verdict.value,
        "obligations": list(evaluation.obligations),
        "findings": [{"severity": f.severity.value, "code": f.code, "message": f.message} for f in evaluation.findings],
        "baselined": item.baselined,
    }


def _declared_purposes(result: ScanResult) -> dict:
    """The declared purposes as a context entry; nothing when none was declared (purpose terms then went unchecked)."""
    if not result.context.purposes:
        return {}
    return {"purposes": {"value": list(result.context.purposes), "source": result.context_sources.get("purposes", "default")}}


def _source_words(source: str, document: dict) -> str:
    if source == "config":
        return f"from {document['config']}"
    if source == "preset":
        return f"from preset {document['extends']}"
    if source == "cli":
        return "from the command line"
    return "default"


def render_component_text(document: dict) -> str:
    """The explanation for people: one section per step of the judgement."""
    component, licence = document["component"], document["license"]
    version = f" {component['version']}" if component["version"] else ""
    lines = [f"{component['type']} {component['name']}{version}"]
    where = ", ".join(f"{place['path']}:{place['line']}" if place["line"] else place["path"] for place in component["locations"])
    if where:
        lines.append(f"  declared in {where}")

    lines += ["", "1. Licence"]
    if licence["id"]:
        declared = f"; declared as {licence['declared']!r}" if licence["declared"] not in (None, licence["id"]) else ""
        locked = ", from the lock file" if licence["from_lock"] else ""
        name = f" ({licence['name']})" if licence["name"] else ""
        lines.append(f"  {licence['id']}{name}, found in {licence['source']}{locked}{declared}")
    else:
        lines.append("  not determined")

    lines += ["", "2. Lineage"]
    if not document["lineage"]:
        lines.append("  no ancestors declared")
    for entry in document["lineage"]:
        relation = f" ({entry['relation']})" if entry["relation"] else ""
        lines.append(f"  {'  ' * (entry['depth'] - 1)}{entry['via']} ← {entry['name']}{relation}: "
                     f"{entry['license'] or 'licence not determined'}, {entry['verdict']}")

    lines += ["", f"3. Usage context (configuration: {document['config'] or 'none found'})"]
    for key, value in document["context"].items():
        shown = value["value"] if value["value"] is not None else "not given"
        if isinstance(shown, int):
            shown = f"{shown:,}"
        elif isinstance(shown, list):
            shown = ", ".join(shown)
        lines.append(f"  {key}: {shown} ({_source_words(value['source'], document)})")

    lines += ["", "4. Licence terms that apply under this context"]
    if not document["clauses"]:
        lines.append("  none")
    for clause in document["clauses"]:
        when = "; ".join(clause["conditions"]) or "always"
        whose = f" of {clause['of']}" if clause["of"] != component["name"] else ""
        lines.append(f"  {clause['licence']}{whose} {clause['code']} [{clause['effect']}] when: {when}")
        section = f", section {clause['section']}" if clause["section"] else ""
        lines.append(f"      source: {clause['source']}{section}")

    lists = document["lists"]
    lines += ["", "5. Allow and deny lists"]
    if lists["allow"] is None and not lists["deny"] and not lists["deny_categories"]:
        lines.append("  none configured")
    else:
        if lists["allow"] is not None:
            lines.append(f"  allow ({lists['allow_from']}): {', '.join(lists['allow'])}")
        if lists["deny"]:
            lines.append(f"  deny ({lists['deny_from']}): {', '.join(lists['deny'])}")
        if lists["deny_categories"]:
            lines.append(f"  deny categories ({lists['deny_categories_from']}): {', '.join(lists['deny_categories'])}")
        words = {
            "licence-denied": "on the deny list or of a denied category: denied",
            "licence-not-allowed": "not on the allow list: denied",
            "allowed": "on the allow list",
            "no-list": "on no list",
            "not-judged": "not judged: the licence is not known",
        }
        for decision in lists["decisions"]:
            whose = f" (of {decision['of']})" if decision["of"] != component["name"] else ""
            lines.append(f"  {decision['licence']}{whose}: {words[decision['decision']]}")

    exception = document["exception"]
    lines += ["", "6. Exception"]
    if exception["applied"]:
        applied = exception["applied"]
        lines.append(f"  in force: {applied['reason']!r} (owner {applied['owner']}, expires {applied['expires']}, "
                     f"{applied['where']}): the denial is waived, the licence's obligations still apply")
    elif not exception["declared"]:
        lines.append("  none")
    elif not exception["notes"]:
        lines.append("  declared but not needed: the component is not denied")
    lines += [f"  {note}" for note in exception["notes"]]

    baselined = " (baselined: recorded in the baseline, does not fail the run)" if document["baselined"] else ""
    lines += ["", f"Verdict: {document['verdict'].upper()}{baselined}"]
    for finding in document["findings"]:
        if finding["code"] == EXCEPTION_APPLIED or finding["code"] in _EXCEPTION_CODES:
            continue
        if finding["severity"] != Severity.INFO.value or document["verdict"] != "allowed":
            lines.append(f"  {finding['severity']}: {finding['message']} ({finding['code']})")
    lines += [f"  must: {obligation}" for obligation in document["obligations"]]
    if document["unknown"]["value"] == "warn" and document["verdict"] == "unknown":
        lines.append(f"  unknown = \"warn\" ({document['unknown']['from']}): this does not fail the run")
    from .report.escape import plain

    return "\n".join(plain(line) for line in lines) + "\n"  # each line quotes names, card fields, reasons
