"""The pure core: licence terms and a usage context in, a verdict out.

No I/O, no network, no files. `evaluate_rule` reads a licence's clauses (data from
`rules/`); `evaluate_expression` combines several licences (SPDX AND / OR);
`evaluate_component` wraps both with the component's resolution problems.
Every path that cannot decide ends in `unknown`, never in `allowed`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .expression import AllOf, AnyOf, Expression, LicenceId, render
from .model import Clause, Context, Evaluation, Finding, LicenceRule, Obligation, Severity, Verdict

# The member states of the European Union, for clauses whose `regions` say "EU".
EU_MEMBER_STATES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)


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
    return f"[{rule.id} {clause.section}]" if clause.section else f"[{rule.id}]"


def _undecided_conditions(clause: Clause, context: Context) -> tuple[bool, list[str]]:
    """Whether the clause can still apply, and which of its conditions the context cannot decide."""
    if clause.uses is not None and context.use not in clause.uses:
        return False, []
    if clause.distributions is not None and context.distribution not in clause.distributions:
        return False, []
    missing: list[str] = []
    if clause.users_above is not None:
        if context.users is None:
            missing.append(f"above {clause.users_above:,} monthly active users (give --users)")
        elif context.users <= clause.users_above:
            return False, []
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


def clause_conditions(clause: Clause, context: Context) -> tuple[bool, list[str]]:
    """Whether a clause can apply under the context, and which of its conditions the context leaves undecided."""
    return _undecided_conditions(clause, context)


def evaluate_rule(rule: LicenceRule, context: Context) -> Evaluation:
    """Apply one licence's clauses to the context."""
    if not rule.recognised:
        return Evaluation(
            Verdict.UNKNOWN,
            findings=(Finding(Severity.ERROR, "licence-unrecognised", f"{rule.name}: the terms are not known to licensecheck"),),
        )
    obligations: list[str] = []
    duties: list[Obligation] = []
    findings: list[Finding] = []
    codes: list[str] = []
    denied = False
    for clause in rule.clauses:
        applies, missing = _undecided_conditions(clause, context)
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
            findings.append(Finding(Severity.ERROR, clause.code, f"{clause.text} {reference}"))
            continue
        else:
            text = f"{clause.text} {reference}"
        obligations.append(text)
        duties.append(Obligation(clause.code, text, rule.id, clause.source, clause.section))
    if denied:
        verdict = Verdict.DENIED
    elif obligations:
        verdict = Verdict.CONDITIONAL
    else:
        verdict = Verdict.ALLOWED
    return Evaluation(verdict, tuple(obligations), tuple(findings), tuple(codes), tuple(duties))


RuleLookup = Callable[[str], "LicenceRule | None"]


def _merge(evaluations: list[Evaluation], verdict: Verdict, extra: tuple[Finding, ...] = ()) -> Evaluation:
    obligations: dict[str, None] = {}
    findings: dict[Finding, None] = {}
    codes: dict[str, None] = {}
    duties: dict[Obligation, None] = {}
    for evaluation in evaluations:
        obligations.update(dict.fromkeys(evaluation.obligations))
        findings.update(dict.fromkeys(evaluation.findings))
        codes.update(dict.fromkeys(evaluation.clauses))
        duties.update(dict.fromkeys(evaluation.duties))
    findings.update(dict.fromkeys(extra))
    return Evaluation(verdict, tuple(obligations), tuple(findings), tuple(codes), tuple(duties))


def _option_cost(evaluation: Evaluation) -> tuple[int, int]:
    return (evaluation.verdict.rank, len(evaluation.obligations))


def evaluate_expression(expression: Expression, lookup: RuleLookup, context: Context) -> Evaluation:
    """Evaluate an SPDX expression: AND keeps every licence's terms, OR the best option."""
    if isinstance(expression, LicenceId):
        # A licence WITH an exception the rules know as a whole (Apache-2.0 WITH LLVM-exception)
        # is judged by its own terms; any other exception is reported, its base licence judged.
        whole = lookup(render(expression)) if expression.exception else None
        if whole is not None:
            return evaluate_rule(whole, context)
        rule = lookup(expression.id)
        if rule is None:
            return Evaluation(
                Verdict.UNKNOWN,
                findings=(Finding(Severity.ERROR, "licence-unknown-id", f"licence {expression.id!r} is not in licensecheck's rules"),),
            )
        evaluation = evaluate_rule(rule, context)
        if expression.exception:
            note = Finding(
                Severity.INFO,
                "licence-exception",
                f"{rule.id} WITH {expression.exception}: the exception may relax these terms; they are reported without it",
            )
            evaluation = _merge([evaluation], evaluation.verdict, (note,))
        return evaluation
    parts = [evaluate_expression(term, lookup, context) for term in expression.terms]
    if isinstance(expression, AllOf):
        worst = max((part.verdict for part in parts), key=lambda verdict: verdict.rank)
        return _merge(parts, worst)
    assert isinstance(expression, AnyOf)
    best_index = min(range(len(parts)), key=lambda i: _option_cost(parts[i]))
    best = parts[best_index]
    chosen = Finding(
        Severity.INFO,
        "licence-choice",
        f"{render(expression)}: evaluated under {render(expression.terms[best_index])}, the most favourable option",
    )
    return _merge([best], best.verdict, (chosen,))


def evaluate_unresolved(problem: Finding | None, notes: Iterable[Finding] = ()) -> Evaluation:
    """A component whose licence could not be found: unknown, with the reason."""
    findings = tuple(notes) + ((problem,) if problem else ())
    if not findings:
        findings = (Finding(Severity.ERROR, "no-licence", "no licence could be determined"),)
    return Evaluation(Verdict.UNKNOWN, findings=findings)
