"""A licence explained (`explain_licence.Explanation`), rendered: text for people, a JSON document for tools."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..explain_licence import (
    STATUS_APPLIES,
    STATUS_NOT_APPLICABLE,
    STATUS_NOT_CHECKED,
    STATUS_TO_CONFIRM,
    Explanation,
    TermExplained,
)
from ..knowledge import category_words
from ..model import DISTRIBUTIONS, USES
from .text import describe_context

EXPLAIN_SCHEMA_VERSION = 1


def to_document(explanation: Explanation) -> dict:
    """The JSON form (`schema_version` 1: later versions add keys, never remove one)."""
    rule, context, evaluation = explanation.rule, explanation.context, explanation.evaluation
    return {
        "schema_version": EXPLAIN_SCHEMA_VERSION,
        "licence": {
            "id": rule.id,
            "name": rule.name,
            "spdx": rule.spdx,
            "url": rule.url,
            "category": rule.category,
            "aliases": list(rule.aliases),
            "checked": rule.checked,
            "summary": rule.summary,
        },
        "context": {**asdict(context), "purposes": list(context.purposes)},  # a list, as JSON reads it back
        "verdict": evaluation.verdict.value,
        "obligations": list(evaluation.obligations),
        "findings": [{"severity": f.severity.value, "code": f.code, "message": f.message} for f in evaluation.findings],
        "permits": [
            {"use": p.use, "distribution": p.distribution, "verdict": p.verdict.value} for p in explanation.permits
        ],
        "terms": [_term_document(term) for term in explanation.terms],
    }


def _term_document(term: TermExplained) -> dict:
    document: dict[str, Any] = {
        "code": term.clause.code,
        "effect": term.clause.effect,
        "text": term.clause.text,
        "source": term.clause.source,
        "section": term.clause.section,
        "conditions": list(term.conditions),
        # `status` keeps its three values: a purpose term nobody declared does not bind,
        # and `purpose_not_checked` (added, never false) says why.
        "status": STATUS_NOT_APPLICABLE if term.status == STATUS_NOT_CHECKED else term.status,
        "undecided": list(term.undecided),
    }
    if term.status == STATUS_NOT_CHECKED:
        document["purpose_not_checked"] = True
    return document


def render_text(explanation: Explanation) -> str:
    """The explanation for people: identity, verdict under the context, the usage grid, every term."""
    rule, evaluation = explanation.rule, explanation.evaluation
    lines = [f"{rule.id}: {rule.name}"]
    lines.append(f"  category: {category_words(rule.category)}")
    if rule.spdx:
        lines.append(f"  SPDX id:  {rule.spdx}")
    if rule.aliases:
        lines.append(f"  also:     {', '.join(rule.aliases)}")
    lines.append(f"  text:     {rule.url}")
    if rule.checked:
        lines.append(f"  checked:  {rule.checked}")
    if rule.summary:
        lines += ["", f"  {rule.summary}"]
    lines += ["", f"Under your context ({describe_context(explanation.context)}): {evaluation.verdict.value.upper()}"]
    lines += [f"  {f.severity.value}: {f.message}" for f in evaluation.findings]
    lines += [f"  must: {obligation}" for obligation in evaluation.obligations]
    if not evaluation.findings and not evaluation.obligations:
        lines.append("  nothing to do")
    lines += ["", "What it permits (same figures and region):"]
    width = max(len(d) for d in DISTRIBUTIONS) + 2
    lines.append(" " * 18 + "".join(d.ljust(width) for d in DISTRIBUTIONS).rstrip())
    for use in USES:
        row = {p.distribution: p.verdict.value for p in explanation.permits if p.use == use}
        lines.append(f"  {use:<16}" + "".join(row[d].ljust(width) for d in DISTRIBUTIONS).rstrip())
    lines += ["", f"Terms ({len(explanation.terms)}):"]
    if not explanation.terms:
        lines.append("  none recorded" if rule.recognised else "  none: the terms are not known")
    for term in explanation.terms:
        clause = term.clause
        when = "; ".join(term.conditions) or "always"
        lines.append(f"  {clause.code} [{clause.effect}] when: {when}")
        lines.append(f"      {clause.text}")
        section = f", section {clause.section}" if clause.section else ""
        lines.append(f"      source: {clause.source}{section}")
        status = {
            STATUS_APPLIES: "applies under your context",
            STATUS_TO_CONFIRM: f"to confirm: applies {' and '.join(term.undecided)}",
            STATUS_NOT_APPLICABLE: "does not apply under your context",
            STATUS_NOT_CHECKED: "not checked: no purpose declared (--purpose ID)",
        }[term.status]
        lines.append(f"      -> {status}")
    return "\n".join(lines) + "\n"
