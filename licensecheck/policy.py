"""The organisation's decisions, applied to judged components. Pure: no I/O, no clock.

A verdict is reached in this order, the first that speaks deciding:

1. an **exception in force** for the component (`[[exceptions]]`) waives a denial;
2. **deny**: a licence on the deny list, or of a category on `deny_categories`
   (a whole family: every GPL, every network copyleft), is denied (`licence-denied`);
3. **allow**: when an allow list exists, a licence not on it is denied
   (`licence-not-allowed`);
4. the licence's own terms under the usage context (`evaluate.py`).

SPDX expressions are screened licence by licence. Under `AND` every licence binds,
so one refused licence refuses the component. Under `OR` the licensee chooses:
refused options are struck out and the component is judged on the options that
remain (the evaluator again picks the most favourable); only when every option is
refused is the component denied. A licence the rules do not know is neither on a
list nor off it: it stays `unknown`, governed by the `unknown` setting.

An exception waives denials only: the licence's obligations still bind, so an
excepted component is `conditional` when it has obligations, `allowed` otherwise.
It does not make an undetermined licence known (`unknown` stays `unknown`; set the
licence in models.yaml with a reason for that). The date of the run is a
parameter (`today`), never read here, so that tests can fix the clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date

from .evaluate import evaluate_expression
from .expression import AllOf, AnyOf, Expression, ExpressionError, LicenceId, licence_ids, parse_expression, render
from .findings import (
    EXCEPTION_APPLIED,
    EXCEPTION_EXPIRED,
    EXCEPTION_EXPIRING,
    EXCEPTION_NOT_APPLICABLE,
    EXCEPTION_REVISION_MISMATCH,
    EXCEPTION_UNUSED,
    LICENCE_CHOICE,
    LICENCE_CHOICE_NARROWED,
    LICENCE_DENIED,
    LICENCE_EXCEPTION,
    LICENCE_LAUNDERING,
    LICENCE_NOT_ALLOWED,
    LICENCE_UNKNOWN_ID,
    UNKNOWN_WARN,
)
from .model import (
    PACKAGE,
    ComponentResult,
    Context,
    Evaluation,
    Finding,
    LicenceRule,
    PolicyException,
    ScanResult,
    Severity,
    Verdict,
)

RuleLookup = Callable[[str], "LicenceRule | None"]

EXPIRY_WARNING_DAYS = 30

# Findings the evaluator adds about how it read an expression: replaced when the
# policy narrows the expression and it is judged again.
_EXPRESSION_CODES = (LICENCE_CHOICE, LICENCE_EXCEPTION, LICENCE_UNKNOWN_ID)
# Errors about what a card declares, not about whether the component may be used.
_DECLARATION_CODES = (LICENCE_LAUNDERING,)


@dataclass(frozen=True)
class Policy:
    """allow / deny (rule ids), exceptions and what unknown licences do to the exit code.

    `allow` None means no allow list (every licence may pass on its terms);
    `deny_categories` denies every licence the rules class in those categories
    (rules/README.md), so that a licence added to the rules later is caught too;
    `allow_origin` and `deny_origin` say where the lists come from
    (`pyproject.toml`, `preset saas`), for messages.
    """

    allow: frozenset[str] | None = None
    deny: frozenset[str] = frozenset()
    deny_categories: frozenset[str] = frozenset()
    exceptions: tuple[PolicyException, ...] = ()
    unknown: str = "fail"
    allow_origin: str = "configuration"
    deny_origin: str = "configuration"
    deny_categories_origin: str = "configuration"


def apply_policy(result: ScanResult, policy: Policy, lookup: RuleLookup, today: date) -> ScanResult:
    """`result` with `judge_policy` over its components: their verdicts, its notices, whether unknowns fail."""
    outcome = judge_policy(result.components, result.context, policy, lookup, today)
    return replace(
        result,
        components=outcome.components,
        notices=result.notices + outcome.notices,
        unknown_fails=outcome.unknown_fails,
    )


@dataclass(frozen=True)
class PolicyOutcome:
    components: tuple[ComponentResult, ...]
    notices: tuple[Finding, ...]  # exceptions unused or expired, unknowns let pass
    unknown_fails: bool


def judge_policy(
    components: Iterable[ComponentResult], context: Context, policy: Policy, lookup: RuleLookup, today: date
) -> PolicyOutcome:
    """Every component judged again under the policy; notices for exceptions and unknowns."""
    usage: dict[int, str] = {}  # exception index -> "applied", "needless" or "seen"
    judged = []
    for item in components:
        item = apply_lists(item, policy, lookup, context)
        item = _apply_exceptions(item, policy, today, usage)
        judged.append(item)
    notices = list(_unused_exception_notices(policy, usage, today))
    unknown = sum(1 for item in judged if item.evaluation.verdict is Verdict.UNKNOWN)
    if policy.unknown == "warn" and unknown:
        notices.append(
            Finding(
                Severity.WARNING,
                UNKNOWN_WARN,
                f'{unknown} component(s) have a licence that could not be determined; unknown = "warn" '
                "keeps them from failing the run, but each still needs a person to review it",
            )
        )
    return PolicyOutcome(tuple(judged), tuple(notices), unknown_fails=policy.unknown != "warn")


# --- allow and deny -----------------------------------------------------------


def licence_expression(item: ComponentResult) -> Expression | None:
    """The licence the component was judged under, as an expression (None: none determined)."""
    licence = item.resolution.licence
    if licence is None or not licence.id:
        return None
    if item.component.type != PACKAGE:
        return LicenceId(licence.id)  # Hub ids are single ids, not SPDX
    try:
        return parse_expression(licence.id)
    except ExpressionError:
        return LicenceId(licence.id)


def bound_licences(item: ComponentResult) -> list[tuple[str, str]]:
    """(licence id, whose) for the component's own licence and every ancestor's: all the terms that bind it."""
    pairs = []
    expression = licence_expression(item)
    if expression is not None:
        pairs += [(term.id, item.component.name) for term in licence_ids(expression)]
    for entry in item.lineage:
        if entry.licence is not None and entry.licence.id:
            pairs.append((entry.licence.id, entry.name))
    return pairs


def list_refusal(licence_id: str, policy: Policy, lookup: RuleLookup) -> Finding | None:
    """Why allow/deny refuse one licence, or None when they let it through (or cannot tell)."""
    rule = lookup(licence_id)
    if rule is None or not rule.recognised:
        return None
    # A family named without a version (`gpl`) may be any of its members, and a licence
    # WITH an exception builds on its member: a denied member refuses it, and it is
    # allowed only when it, or every member, is on the allow list.
    denied = rule.id if rule.id in policy.deny else next((m for m in rule.members if m in policy.deny), None)
    if denied is not None:
        also = "" if denied == rule.id else f" (as {denied}, which {rule.name} may be or builds on)"
        return Finding(
            Severity.ERROR, LICENCE_DENIED, f"licence {licence_id} is on the deny list{also} ({policy.deny_origin})"
        )
    if rule.category in policy.deny_categories:
        return Finding(
            Severity.ERROR,
            LICENCE_DENIED,
            f"licence {licence_id} is {rule.category}, a category the configuration denies "
            f"({policy.deny_categories_origin})",
        )
    every_member_allowed = policy.allow is not None and bool(rule.members) and set(rule.members) <= policy.allow
    if policy.allow is not None and rule.id not in policy.allow and not every_member_allowed:
        return Finding(
            Severity.ERROR,
            LICENCE_NOT_ALLOWED,
            f"licence {licence_id} is not on the allow list ({policy.allow_origin}); add it there or ask for an exception",
        )
    return None


def _screen(node: Expression, policy: Policy, lookup: RuleLookup) -> tuple[Expression | None, list[Finding]]:
    """The part of an expression allow/deny permit (None: nothing), and why the rest was refused."""
    if isinstance(node, LicenceId):
        # `Apache-2.0 WITH LLVM-exception` is a licence of its own when the rules know it.
        whole = render(node) if node.exception and lookup(render(node)) is not None else node.id
        refusal = list_refusal(whole, policy, lookup)
        return (None, [refusal]) if refusal else (node, [])
    kept: list[Expression] = []
    refusals: list[Finding] = []
    for term in node.terms:
        screened, why = _screen(term, policy, lookup)
        refusals.extend(why)
        if screened is not None:
            kept.append(screened)
    if isinstance(node, AllOf):
        return (AllOf(tuple(kept)) if len(kept) == len(node.terms) else None), refusals
    assert isinstance(node, AnyOf)
    if not kept:
        return None, refusals
    return (kept[0] if len(kept) == 1 else AnyOf(tuple(kept))), refusals


def apply_lists(item: ComponentResult, policy: Policy, lookup: RuleLookup, context: Context) -> ComponentResult:
    """allow / deny applied to one component's licence (see the module's docstring)."""
    if policy.allow is None and not policy.deny and not policy.deny_categories:
        return item
    evaluation = item.evaluation
    expression = licence_expression(item)
    screened, refusals = _screen(expression, policy, lookup) if expression is not None else (None, [])
    # A derivative is bound by its ancestors' licences (lineage.py): the lists apply to them too.
    for entry in item.lineage:
        refusal = list_refusal(entry.licence.id, policy, lookup) if entry.licence and entry.licence.id else None
        if refusal is not None:
            refusals.append(replace(refusal, message=f"ancestor {entry.name}: {refusal.message}"))
            screened = None
    if refusals and screened is None:
        findings = evaluation.findings + tuple(dict.fromkeys(refusals))
        return replace(item, evaluation=replace(evaluation, verdict=Verdict.DENIED, findings=findings))
    if screened is None or expression is None or screened == expression:
        return item
    # Some OR options were refused: judge the component on the options left.
    narrowed = evaluate_expression(screened, lookup, context)
    kept = tuple(f for f in evaluation.findings if f.code not in evaluation.clauses and f.code not in _EXPRESSION_CODES)
    struck = tuple(replace(f, severity=Severity.INFO) for f in dict.fromkeys(refusals))
    note = Finding(
        Severity.INFO,
        LICENCE_CHOICE_NARROWED,
        f"{render(expression)}: judged under {render(screened)} only, the options the configuration allows",
    )
    return replace(item, evaluation=replace(narrowed, findings=kept + struck + (note,) + narrowed.findings))


# --- exceptions ---------------------------------------------------------------


def normalised_name(name: str, component_type: str) -> str:
    if component_type == PACKAGE:
        return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503
    return name.lower()


def exception_matches_name(exception: PolicyException, item: ComponentResult) -> bool:
    component = item.component
    return normalised_name(exception.component, component.type) == normalised_name(component.name, component.type)


def _revision_matches(exception: PolicyException, item: ComponentResult) -> bool:
    wanted = exception.revision
    if wanted is None:
        return True
    wanted = wanted.strip().lower()
    is_commit_prefix = len(wanted) >= 7 and all(ch in "0123456789abcdef" for ch in wanted)
    for candidate in (item.component.revision, item.resolution.version):
        if candidate is None:
            continue
        candidate = candidate.lower()
        if candidate == wanted or (is_commit_prefix and candidate.startswith(wanted)):
            return True
    return False


def describe_exception(exception: PolicyException) -> str:
    return f"{exception.reason!r} (owner {exception.owner}, expires {exception.expires.isoformat()})"


def waive(evaluation: Evaluation) -> Evaluation:
    """The evaluation with its denials waived: the reasons stay, as information.

    An error that is not a denial (an ancestor or a licence that could not be
    determined) keeps the component `unknown`. A card that declares a licence more
    permissive than its ancestors' (`licence-laundering`) stays a warning.
    """
    denial_codes = set(evaluation.clauses) | {LICENCE_DENIED, LICENCE_NOT_ALLOWED}
    findings: list[Finding] = []
    for f in evaluation.findings:
        if f.severity is Severity.ERROR and f.code in denial_codes:
            f = replace(f, severity=Severity.INFO, message=f"waived by exception: {f.message}")
        elif f.severity is Severity.ERROR and f.code in (*_DECLARATION_CODES, EXCEPTION_EXPIRED):
            f = replace(f, severity=Severity.WARNING)  # an older, expired exception replaced by one in force
        findings.append(f)
    if any(f.severity is Severity.ERROR for f in findings):
        verdict = Verdict.UNKNOWN  # part of the licence is still undetermined
    elif evaluation.obligations:
        verdict = Verdict.CONDITIONAL
    else:
        verdict = Verdict.ALLOWED
    return replace(evaluation, verdict=verdict, findings=tuple(findings))


def _add(item: ComponentResult, *findings: Finding, evaluation: Evaluation | None = None) -> ComponentResult:
    evaluation = evaluation or item.evaluation
    return replace(item, evaluation=replace(evaluation, findings=evaluation.findings + findings))


def _apply_exceptions(item: ComponentResult, policy: Policy, today: date, usage: dict[int, str]) -> ComponentResult:
    name = item.component.name
    for index, exception in enumerate(policy.exceptions):
        if not exception_matches_name(exception, item):
            continue
        usage.setdefault(index, "seen")
        denied = item.evaluation.verdict is Verdict.DENIED
        if not _revision_matches(exception, item):
            shown = item.resolution.version or item.component.revision or "the latest revision"
            item = _add(
                item,
                Finding(
                    Severity.WARNING,
                    EXCEPTION_REVISION_MISMATCH,
                    f"the exception for {name} ({exception.where or 'configuration'}) holds for revision "
                    f"{exception.revision} only, not {shown}: it is not applied",
                ),
            )
            continue
        if today > exception.expires:
            item = _add(
                item,
                Finding(
                    Severity.ERROR if denied else Severity.WARNING,
                    EXCEPTION_EXPIRED,
                    f"the exception for {name} expired on {exception.expires.isoformat()} and is no longer applied; "
                    f"ask {exception.owner} to renew it or remove it ({exception.where or 'configuration'})",
                ),
            )
            continue
        if item.evaluation.verdict is Verdict.UNKNOWN:
            item = _add(
                item,
                Finding(
                    Severity.WARNING,
                    EXCEPTION_NOT_APPLICABLE,
                    f"the exception for {name} waives denials, but this licence is undetermined: set the licence "
                    "in models.yaml (`license` with a `reason`) once it is known",
                ),
            )
            continue
        if not denied:
            if usage[index] != "applied":
                usage[index] = "needless"
            continue
        usage[index] = "applied"
        applied = Finding(Severity.INFO, EXCEPTION_APPLIED, f"allowed by exception: {describe_exception(exception)}")
        left = (exception.expires - today).days
        extra: tuple[Finding, ...] = ()
        if left <= EXPIRY_WARNING_DAYS:
            extra = (
                Finding(
                    Severity.WARNING,
                    EXCEPTION_EXPIRING,
                    f"the exception for {name} expires on {exception.expires.isoformat()}, in {left} day(s): "
                    f"ask {exception.owner} to renew it, or replace the component",
                ),
            )
        item = _add(item, applied, *extra, evaluation=waive(item.evaluation))
        return replace(item, exception=exception)
    return item


def _unused_exception_notices(policy: Policy, usage: dict[int, str], today: date) -> list[Finding]:
    notices = []
    for index, exception in enumerate(policy.exceptions):
        state = usage.get(index)
        details = [exception.where] if exception.where else []
        if today > exception.expires:
            details.append(f"expired on {exception.expires.isoformat()}")
        where = f" ({', '.join(details)})" if details else ""
        if state is None:
            message = f"the exception for {exception.component}{where} matched no component: remove it"
        elif state == "needless":
            message = (
                f"the exception for {exception.component}{where} was not needed: the component is not denied "
                "under this context"
            )
        else:
            continue
        notices.append(Finding(Severity.WARNING, EXCEPTION_UNUSED, message))
    return notices
