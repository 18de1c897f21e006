"""The pure core: licence terms and a usage context in, a verdict out.

No I/O, no network, no files. `evaluate_rule` reads a licence's clauses (data from
`rules/`); `evaluate_expression` combines several licences (SPDX AND / OR);
`evaluate_component` wraps both with the component's resolution problems.
Every path that cannot decide ends in `unknown`, never in `allowed`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .expression import AllOf, AnyOf, Expression, LicenceId, render
from .findings import (
    LICENCE_CHOICE,
    LICENCE_CONFLICT,
    LICENCE_EXCEPTION,
    LICENCE_UNKNOWN_ID,
    LICENCE_UNRECOGNISED,
    NO_LICENCE,
)
from .knowledge import Knowledge
from .model import Clause, Context, Evaluation, Finding, LicenceRule, ModelFacts, Obligation, Severity, Verdict
from .model_facts import FACT_WORDS

# The member states of the European Union, for clauses whose `regions` say "EU".
EU_MEMBER_STATES = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())


def region_matches(region: str, clause_regions: Iterable[str]) -> bool:
    region = region.upper()
    for wanted in clause_regions:
        wanted = wanted.upper()
        if wanted == region:
            return True
        if wanted == "EU" and region in EU_MEMBER_STATES:
            return True
    return False


def _reference(rule: LicenceRule, clause: Clause) -> str:
    if clause.purposes is not None:
        # Use restrictions often live in a separate policy document: name it.
        return f"[{rule.id} {clause.section}; {clause.source}]" if clause.section else f"[{rule.id}; {clause.source}]"
    return f"[{rule.id} {clause.section}]" if clause.section else f"[{rule.id}]"


def declared_purposes(clause: Clause, context: Context) -> tuple[str, ...]:
    """The context's purposes that the clause names (none: the clause has no purpose condition or none matches)."""
    if clause.purposes is None:
        return ()
    return tuple(sorted(clause.purposes.intersection(context.purposes)))


def purpose_conditions(clause: Clause, context: Context) -> tuple[bool, list[str]]:
    """Whether a clause's `purposes` condition holds, and what it leaves to confirm.

    A clause about purposes applies only to a declared purpose it names: with no
    purpose declared it is not checked (the report lists it as such, purposes.py).
    A qualified restriction ("unlicensed practice of a profession") cannot be
    decided from the purpose alone: it becomes something to confirm, never a denial.
    """
    if clause.purposes is None:
        return True, []
    matched = declared_purposes(clause, context)
    if not matched:
        return False, []
    if clause.qualification is None:
        return True, []
    plural = "s" if len(matched) > 1 else ""
    return True, [f"to declared purpose{plural} {', '.join(matched)}, {clause.qualification}"]


def _purpose_label(clause: Clause, context: Context) -> str:
    matched = declared_purposes(clause, context)
    return f"Declared purpose{'s' if len(matched) > 1 else ''} {', '.join(matched)}: " if matched else ""


def clause_conditions(clause: Clause, context: Context, facts: ModelFacts | None = None) -> tuple[bool, list[str]]:
    """Whether the clause can still apply, and which of its conditions the context (or the model's facts) cannot decide."""
    purposes_hold, to_confirm = purpose_conditions(clause, context)
    if not purposes_hold:
        return False, []
    if clause.uses is not None and context.use not in clause.uses:
        return False, []
    if clause.distributions is not None and context.distribution not in clause.distributions:
        return False, []
    missing: list[str] = to_confirm
    for fact in sorted(clause.model_facts or ()):
        if facts is not None and fact in facts.known:
            if fact not in facts.holds:
                return False, []
        else:
            missing.append(f"if the model is {FACT_WORDS.get(fact, fact)} (its card and tags do not say)")
    if clause.users_above is not None:
        if context.users is None:
            missing.append(f"above {clause.users_above:,} monthly active users (give --users)")
        elif context.users <= clause.users_above:
            return False, []
    if clause.org_users_above is not None:
        # The organisation's figure is at least the product's: --users above the
        # threshold decides it without --org-users; below it, it does not.
        figure = context.org_users_at_least
        if figure is not None and (context.org_users is not None or figure > clause.org_users_above):
            if figure <= clause.org_users_above:
                return False, []
        else:
            counted = f", counted on {clause.org_users_counted_on}" if clause.org_users_counted_on else ""
            missing.append(
                f"above {clause.org_users_above:,} monthly active users of the organisation and its affiliates "
                f"together{counted} (give --org-users)"
            )
    if clause.revenue_above is not None:
        if context.revenue is None:
            missing.append(f"above USD {clause.revenue_above:,} annual revenue (give --revenue)")
        elif context.revenue <= clause.revenue_above:
            return False, []
    if clause.regions is not None:
        if context.region is None:
            missing.append(f"in {', '.join(sorted(clause.regions))} (give --region)")
        elif not region_matches(context.region, clause.regions):
            return False, []
    return True, missing


def evaluate_rule(rule: LicenceRule, context: Context, facts: ModelFacts | None = None) -> Evaluation:
    """Apply one licence's clauses to the context and, for terms that depend on the
    model, to its facts (None: not known, so those terms stay to be confirmed)."""
    if not rule.recognised:
        return Evaluation(
            Verdict.UNKNOWN,
            findings=(
                Finding(Severity.ERROR, LICENCE_UNRECOGNISED, f"{rule.name}: the terms are not known to licensecheck"),
            ),
        )
    duties: list[Obligation] = []
    findings: list[Finding] = []
    codes: list[str] = []
    denied = False
    for clause in rule.clauses:
        applies, missing = clause_conditions(clause, context, facts)
        if not applies:
            continue
        codes.append(clause.code)
        reference = _reference(rule, clause)
        if missing:
            # The context lacks a figure: the term becomes something to confirm,
            # neither assumed met nor assumed exceeded.
            text = f"Applies {' and '.join(missing)}: {clause.text} {reference}"
        elif clause.effect == "deny":
            denied = True
            findings.append(
                Finding(Severity.ERROR, clause.code, f"{_purpose_label(clause, context)}{clause.text} {reference}")
            )
            continue
        else:
            text = f"{_purpose_label(clause, context)}{clause.text} {reference}"
        duties.append(Obligation(clause.code, text, rule.id, clause.source, clause.section))
    if denied:
        verdict = Verdict.DENIED
    elif duties:
        verdict = Verdict.CONDITIONAL
    else:
        verdict = Verdict.ALLOWED
    return Evaluation(verdict, tuple(findings), tuple(codes), tuple(duties))


RuleLookup = Callable[[str], "LicenceRule | None"]


def _merge(evaluations: list[Evaluation], verdict: Verdict, extra: tuple[Finding, ...] = ()) -> Evaluation:
    findings: dict[Finding, None] = {}
    codes: dict[str, None] = {}
    duties: dict[Obligation, None] = {}
    for evaluation in evaluations:
        findings.update(dict.fromkeys(evaluation.findings))
        codes.update(dict.fromkeys(evaluation.clauses))
        duties.update(dict.fromkeys(evaluation.duties))
    findings.update(dict.fromkeys(extra))
    return Evaluation(verdict, tuple(findings), tuple(codes), tuple(duties))


def _option_cost(evaluation: Evaluation) -> tuple[int, int]:
    return (evaluation.verdict.rank, len(evaluation.obligations))


def evaluate_expression(
    expression: Expression, lookup: RuleLookup, context: Context, facts: ModelFacts | None = None
) -> Evaluation:
    """Evaluate an SPDX expression: AND keeps every licence's terms, OR the best option."""
    if isinstance(expression, LicenceId):
        # A licence WITH an exception the rules know as a whole (Apache-2.0 WITH LLVM-exception)
        # is judged by its own terms; any other exception is reported, its base licence judged.
        whole = lookup(render(expression)) if expression.exception else None
        if whole is not None:
            return evaluate_rule(whole, context)
        rule = lookup(expression.id)
        if rule is None:
            return _not_in_rules(expression.id)
        evaluation = evaluate_rule(rule, context, facts)
        if expression.exception:
            note = Finding(
                Severity.INFO,
                LICENCE_EXCEPTION,
                f"{rule.id} WITH {expression.exception}: the exception may relax these terms; they are reported without it",
            )
            evaluation = _merge([evaluation], evaluation.verdict, (note,))
        return evaluation
    parts = [evaluate_expression(term, lookup, context, facts) for term in expression.terms]
    if isinstance(expression, AllOf):
        worst = max((part.verdict for part in parts), key=lambda verdict: verdict.rank)
        return _merge(parts, worst)
    assert isinstance(expression, AnyOf)
    best_index = min(range(len(parts)), key=lambda i: _option_cost(parts[i]))
    best = parts[best_index]
    chosen = Finding(
        Severity.INFO,
        LICENCE_CHOICE,
        f"{render(expression)}: evaluated under {render(expression.terms[best_index])}, the most favourable option",
    )
    return _merge([best], best.verdict, (chosen,))


def _not_in_rules(licence_id: str) -> Evaluation:
    return Evaluation(
        Verdict.UNKNOWN,
        findings=(
            Finding(Severity.ERROR, LICENCE_UNKNOWN_ID, f"licence {licence_id!r} is not in licensecheck's rules"),
        ),
    )


def evaluate_conflict(
    declarations: tuple[tuple[str, str], ...], knowledge: Knowledge, context: Context, facts: ModelFacts | None = None
) -> tuple[Evaluation, str]:
    """A card that names different licences in different fields (`license` and
    `license_name`, or `license_name` and `license_link`): the component is judged
    under the stricter of them, with a `licence-conflict` warning naming both.

    `declarations` pairs the field with the licence id it names (a rule id, or
    the name as written when no rule knows it: that one is unknown, so the
    verdict fails closed). Stricter: the worse verdict, then the less permissive
    kind of licence (rules/categories.toml), then more obligations.
    Returns the evaluation and the id of the licence it was judged under.
    """
    lookup = knowledge.lookup
    judged = []
    for _field, licence_id in declarations:
        rule = lookup(licence_id)
        judged.append(evaluate_rule(rule, context, facts) if rule is not None else _not_in_rules(licence_id))

    def strictness(i: int) -> tuple[int, int, int, int]:
        rule = lookup(declarations[i][1])
        level = knowledge.permissiveness(rule.category) if rule is not None else None
        level = -1 if level is None else level
        return (judged[i].verdict.rank, level, len(judged[i].obligations), -i)

    stricter = max(range(len(judged)), key=strictness)
    named = ", ".join(f"{field} names {licence_id}" for field, licence_id in declarations)
    chosen_field, chosen = declarations[stricter]
    warning = Finding(
        Severity.WARNING,
        LICENCE_CONFLICT,
        f"the card names different licences ({named}): judged under the stricter, {chosen} (from {chosen_field}); "
        "ask the publisher which applies",
    )
    evaluation = judged[stricter]
    return _merge([evaluation], evaluation.verdict, (warning,)), chosen


def evaluate_unresolved(problem: Finding | None, notes: Iterable[Finding] = ()) -> Evaluation:
    """A component whose licence could not be found: unknown, with the reason."""
    findings = tuple(notes) + ((problem,) if problem else ())
    if not findings:
        findings = (Finding(Severity.ERROR, NO_LICENCE, "no licence could be determined"),)
    return Evaluation(Verdict.UNKNOWN, findings=findings)
