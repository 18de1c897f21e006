"""What a licence permits and requires, term by term, and what it means under a usage context.

Pure: a `LicenceRule` from `rules/` and a `Context` in, an `Explanation` out, and
two renderings of it (text for people, a JSON document for tools). No I/O.
`licensecheck explain ID` is a thin command over `find_licence` and
`explain_licence`; other commands (a component's lineage, a report) can call
them too.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, replace
from typing import Any

from .evaluate import clause_conditions, evaluate_rule
from .model_facts import FACT_WORDS
from .knowledge import Knowledge, normalise_id
from .model import DISTRIBUTIONS, USES, Clause, Context, Evaluation, LicenceRule, Verdict

EXPLAIN_SCHEMA_VERSION = 1

# Plain words for the categories of rules/README.md.
CATEGORY_WORDS = {
    "public-domain": "public domain: no conditions",
    "permissive": "permissive: any use; copies keep the notices",
    "data-permissive": "permissive data licence: any use; shared copies keep the licence and credits",
    "weak-copyleft": "weak copyleft: changes to the covered files are shared under the same licence when distributed",
    "copyleft": "copyleft: derivative works are distributed under the same licence, with their source",
    "data-copyleft": "copyleft data licence: shared or public derivative data stays under the same licence",
    "network-copyleft": "network copyleft: offering it as a network service counts as distribution",
    "responsible-ai": "responsible-AI licence: use restrictions that bind you and must flow down",
    "community": "community licence: custom terms with thresholds, naming or attribution rules",
    "no-derivatives": "no derivatives: shared only unchanged",
    "non-commercial": "non-commercial: no commercial use",
    "research-only": "research only: research or evaluation, no commercial or production use",
    "proprietary": "proprietary: no rights beyond those granted separately",
    "unknown": "unknown: the terms are not known to licensecheck",
}
STATUS_APPLIES, STATUS_TO_CONFIRM, STATUS_NOT_APPLICABLE = "applies", "to-confirm", "not-applicable"
# A clause about purposes when the context declares none: not judged either way.
STATUS_NOT_CHECKED = "not-checked"
_USE_WORDS = {"commercial": "commercial use", "non-commercial": "non-commercial use"}
_DISTRIBUTION_WORDS = {
    "internal": "used inside the organisation",
    "network": "offered as a network service",
    "redistribute": "redistributed",
}


class UnknownLicenceId(LookupError):
    """No rule answers to the id; `suggestions` are the closest known ids."""

    def __init__(self, query: str, suggestions: tuple[str, ...]) -> None:
        super().__init__(query)
        self.query = query
        self.suggestions = suggestions

    def message(self) -> str:
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        return f"{self.query!r} is not a licence id, SPDX id or alias licensecheck knows{hint}"


@dataclass(frozen=True)
class TermExplained:
    """One clause, its conditions in words, and whether it binds under the context."""

    clause: Clause
    conditions: tuple[str, ...]
    status: str
    undecided: tuple[str, ...] = ()


@dataclass(frozen=True)
class UsageVerdict:
    use: str
    distribution: str
    verdict: Verdict


@dataclass(frozen=True)
class Explanation:
    rule: LicenceRule
    context: Context
    evaluation: Evaluation
    terms: tuple[TermExplained, ...]
    # The verdict for every use and distribution, with the context's figures and region:
    # what the licence permits at a glance.
    permits: tuple[UsageVerdict, ...]


def find_licence(query: str, knowledge: Knowledge) -> LicenceRule:
    """The rule for a Hub id, SPDX id or alias (any case); `UnknownLicenceId` with suggestions otherwise."""
    rule = knowledge.lookup(query) if query.strip() else None
    if rule is None:
        raise UnknownLicenceId(query, closest_licences(query, knowledge))
    return rule


def names_a_licence(query: str, knowledge: Knowledge) -> bool:
    """Whether `query` reads as a licence rather than a component, without looking at any project.

    A licence id, SPDX id or alias, or the start of one up to a version or a
    word break (`Apache` of `apache-2.0`, `llama` of `llama3.1`, `cc-by` of
    `cc-by-4.0`): what people type for a licence family. Package names such as
    `numpy`, or `apache-beam`, are none of these.
    """
    if knowledge.lookup(query) is not None:
        return True
    family = normalise_id(query)
    if len(family) < 2 or "/" in family:
        return False
    return any(
        name.startswith(family) and len(name) > len(family) and not name[len(family)].isalpha()
        for name in knowledge.known_names()
    )


def closest_licences(query: str, knowledge: Knowledge, limit: int = 5) -> tuple[str, ...]:
    """The ids of the rules whose ids or aliases are spelt most like `query`."""
    names = knowledge.known_names()
    close = difflib.get_close_matches(normalise_id(query), names, n=limit * 4, cutoff=0.6)
    ids: dict[str, None] = {}
    for name in close:
        rule = knowledge.lookup(name)
        if rule is not None:
            ids.setdefault(rule.id, None)
    return tuple(ids)[:limit]


def describe_conditions(clause: Clause) -> tuple[str, ...]:
    """A clause's conditions in words; empty when it always applies."""
    words = []
    if clause.uses is not None:
        words.append(" or ".join(_USE_WORDS[use] for use in USES if use in clause.uses))
    if clause.distributions is not None:
        words.append(" or ".join(_DISTRIBUTION_WORDS[d] for d in DISTRIBUTIONS if d in clause.distributions))
    if clause.users_above is not None:
        words.append(f"above {clause.users_above:,} monthly active users")
    if clause.org_users_above is not None:
        counted = f" on {clause.org_users_counted_on}" if clause.org_users_counted_on else ""
        words.append(f"above {clause.org_users_above:,} monthly active users of the organisation{counted}")
    if clause.revenue_above is not None:
        words.append(f"above USD {clause.revenue_above:,} annual revenue")
    if clause.regions is not None:
        words.append(f"in {', '.join(sorted(clause.regions))}")
    for fact in sorted(clause.model_facts or ()):
        words.append(f"the model is {FACT_WORDS.get(fact, fact)}")
    if clause.purposes is not None:
        words.append(f"for declared purpose {' or '.join(sorted(clause.purposes))}")
    if clause.qualification is not None:
        words.append(clause.qualification)
    return tuple(words)


def explain_licence(rule: LicenceRule, context: Context) -> Explanation:
    """Every term of `rule` with its status under `context`, the verdict, and the verdict per usage."""
    terms = []
    for clause in rule.clauses:
        applies, undecided = clause_conditions(clause, context)
        if not applies and clause.purposes is not None and not context.purposes:
            status = STATUS_NOT_CHECKED
        elif not applies:
            status = STATUS_NOT_APPLICABLE
        elif undecided:
            status = STATUS_TO_CONFIRM
        else:
            status = STATUS_APPLIES
        terms.append(TermExplained(clause, describe_conditions(clause), status, tuple(undecided)))
    permits = tuple(
        UsageVerdict(use, distribution, evaluate_rule(rule, replace(context, use=use, distribution=distribution)).verdict)
        for use in USES
        for distribution in DISTRIBUTIONS
    )
    return Explanation(rule, context, evaluate_rule(rule, context), tuple(terms), permits)


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
        "findings": [
            {"severity": f.severity.value, "code": f.code, "message": f.message} for f in evaluation.findings
        ],
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
    from .report.text import describe_context

    rule, evaluation = explanation.rule, explanation.evaluation
    lines = [f"{rule.id}: {rule.name}"]
    lines.append(f"  category: {CATEGORY_WORDS.get(rule.category, rule.category)}")
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
