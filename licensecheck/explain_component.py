"""Why a component got its verdict: `licensecheck explain COMPONENT`.

Pure: a scanned component, the configuration and the rules in; a document out
(`report/explain_component.py` renders it as text). It retraces the steps of a
scan in order: the licence and where it was found, the ancestors whose terms
bind a derivative, the usage context and where each value was set, the licence
clauses that applied, the allow and deny lists, the exception. No I/O.
"""

from __future__ import annotations

from .config import CONTEXT_KEYS, Config
from .evaluate import evaluate_rule
from .knowledge import Knowledge
from .model import ComponentResult, ScanResult
from .model_facts import facts_for
from .policy import (
    bound_licences,
    exception_matches_name,
    list_refusal,
    normalised_name,
)

# The findings that say how a declared exception fared.
EXCEPTION_CODES = ("exception-expired", "exception-expiring", "exception-revision-mismatch", "exception-not-applicable")


def find_components(result: ScanResult, query: str) -> list[ComponentResult]:
    """The components named `query` (case-insensitive; a package by its normalised name)."""
    return [
        item
        for item in result.components
        if normalised_name(item.component.name, item.component.type) == normalised_name(query, item.component.type)
    ]


def _clauses(item: ComponentResult, result: ScanResult, knowledge: Knowledge) -> list[dict]:
    """The clauses that applied (or must be confirmed), licence by licence, with their source."""
    from .explain_licence import describe_conditions

    found, seen = [], set()
    for licence_id, whose in bound_licences(item):
        rule = knowledge.lookup(licence_id)
        if rule is None or rule.id in seen:
            continue
        seen.add(rule.id)
        applied = set(evaluate_rule(rule, result.context, facts_for(item.component, item.resolution)).clauses)
        for clause in rule.clauses:
            if clause.code in applied:
                found.append(
                    {
                        "licence": rule.id,
                        "of": whose,
                        "code": clause.code,
                        "effect": clause.effect,
                        "conditions": list(describe_conditions(clause)),
                        "text": clause.text,
                        "source": clause.source,
                        "section": clause.section,
                    }
                )
    return found


def _lists(item: ComponentResult, config: Config, knowledge: Knowledge) -> dict:
    policy = config.policy
    decisions = []
    for licence_id, whose in bound_licences(item):
        refusal = list_refusal(licence_id, policy, knowledge.lookup)
        if refusal is not None:
            decision: str = refusal.code
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
    notes = [f.message for f in item.evaluation.findings if f.code in EXCEPTION_CODES]
    applied = item.exception
    return {
        "applied": None
        if applied is None
        else {
            "reason": applied.reason,
            "owner": applied.owner,
            "expires": applied.expires.isoformat(),
            "where": applied.where,
        },
        "declared": [
            {
                "reason": e.reason,
                "owner": e.owner,
                "expires": e.expires.isoformat(),
                "revision": e.revision,
                "where": e.where,
            }
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
                "name": e.name,
                "relation": e.relation,
                "depth": e.depth,
                "via": e.via,
                "license": e.licence.id if e.licence else None,
                "verdict": e.verdict.value,
            }
            for e in item.lineage
        ],
        "context": {
            key: {"value": getattr(context, key), "source": result.context_sources.get(key, "default")}
            for key in CONTEXT_KEYS
        }
        | _declared_purposes(result),
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
    return {
        "purposes": {
            "value": list(result.context.purposes),
            "source": result.context_sources.get("purposes", "default"),
        }
    }
