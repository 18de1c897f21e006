"""Choosing a model: candidates side by side, and alternatives the licences allow. Pure: no I/O.

`compare` and `suggest` never judge anything themselves: their candidates go
through the scan's own steps (scan.scan_components, the judge with the
configuration's policy), so a candidate's verdict is the verdict a scan would give it. This
module only reads those results:

- `candidate_row`: one judged model as a row of the comparison: its deciding
  reason, its duties by kind, the thresholds its licences set with the figure
  each tests, the regional terms, and whether the Hub gates it;
- `similar` and `pick_alternatives`: which listed models are worth judging as
  alternatives (same task, a size within a factor of two), and which of the
  judged ones to suggest (only `allowed` and `conditional`, most downloaded first).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .findings import EXCEPTION_APPLIED, LICENCE_DENIED, LICENCE_NOT_ALLOWED
from .model import (
    Alternative,
    Clause,
    ComponentResult,
    Context,
    Finding,
    LicenceRule,
    LineageEntry,
    ScanResult,
    Severity,
    Verdict,
)

# What kind of duty each clause code is, for the comparison's "duties" column.
# A code not listed here is shown as it is.
DUTY_KINDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "attribution",
            "attribution-notice",
            "model-name-display",
            "model-name-display-revenue",
            "publication-statement",
            "advertising-acknowledgement",
        ),
        "attribution",
    ),
    "derivative-naming": "naming",
    **dict.fromkeys(
        (
            "notice",
            "notice-file",
            "notice-retention",
            "retain-notices",
            "licence-notice",
            "licence-copy",
            "produced-work-notice",
            "modification-notice",
            "state-changes",
            "modified-files",
        ),
        "notices",
    ),
    **dict.fromkeys(("acceptable-use", "use-restrictions", "prohibited-use", "content-filters"), "use policy"),
    **dict.fromkeys(("use-restrictions-flow-down", "restrictions-flow-down"), "use policy flow-down"),
    "remote-restriction": "remote restriction",
    **dict.fromkeys(
        ("copyleft", "weak-copyleft", "share-alike", "network-copyleft", "source-instructions"), "share-alike"
    ),
}
_KIND_ORDER = ("attribution", "naming", "notices", "use policy", "use policy flow-down", "share-alike")
_FIGURES = {
    "users": "monthly active users",
    "org-users": "monthly active users of the organisation and its affiliates",
    "revenue": "annual revenue (USD)",
}

# A size within a factor of two: a 7B model's alternatives have 3.5B to 14B parameters.
SIZE_FACTOR = 2
SUGGESTED = (Verdict.ALLOWED, Verdict.CONDITIONAL)


@dataclass(frozen=True)
class Threshold:
    """A licence term that depends on a figure of the context: users or revenue above `limit`.

    `status`: "below" or "exceeded" when the figure is given, "not given" (an
    obligation to confirm) when it is not.
    """

    licence: str
    figure: str  # "users" (the product's), "org-users" (the organisation's) or "revenue"
    limit: int
    given: int | None
    status: str

    def describe(self) -> str:
        figure = _FIGURES[self.figure]
        given = f"{self.given:,} given, {self.status}" if self.given is not None else "not given: confirm"
        return f"{self.licence}: {figure} above {self.limit:,} ({given})"


@dataclass(frozen=True)
class RegionalTerm:
    """A licence term for some regions; `status` "applies" (the context's region is one) or "not given"."""

    licence: str
    regions: tuple[str, ...]
    region: str | None
    status: str

    def describe(self) -> str:
        where = ", ".join(self.regions)
        shown = f"region {self.region}, applies" if self.region else "region not given: confirm"
        return f"{self.licence}: in {where} ({shown})"


@dataclass(frozen=True)
class CandidateRow:
    """One model of a comparison, as a scan judged it."""

    id: str
    version: str | None
    licence: str | None
    licence_name: str | None
    verdict: Verdict
    reason: str
    reasons: tuple[Finding, ...]
    obligations: tuple[str, ...]
    duties: tuple[str, ...]
    thresholds: tuple[Threshold, ...]
    regional: tuple[RegionalTerm, ...]
    gated: str | None  # "no", "auto", "manual", "yes"; None: not known (from the lock)
    lineage: tuple[LineageEntry, ...] = ()


def candidate_rows(result: ScanResult, lookup) -> list[CandidateRow]:
    """Every judged component of `result` as a row, in the order they were given."""
    return [candidate_row(item, result.context, lookup) for item in result.components]


def candidate_row(item: ComponentResult, context: Context, lookup) -> CandidateRow:
    evaluation, licence = item.evaluation, item.resolution.licence
    rules = _rules_binding(item, lookup)
    return CandidateRow(
        id=item.component.name,
        version=item.resolution.version or item.component.revision,
        licence=licence.id if licence is not None else None,
        licence_name=licence.name if licence is not None else None,
        verdict=evaluation.verdict,
        reason=deciding_reason(item),
        reasons=tuple(f for f in evaluation.findings if f.severity is not Severity.INFO or f.code == EXCEPTION_APPLIED),
        obligations=evaluation.obligations,
        duties=_duty_kinds(item, context, lookup),
        thresholds=tuple(_thresholds(rules, context)),
        regional=tuple(_regional(rules, context)),
        gated=item.resolution.gated,
        lineage=item.lineage,
    )


def deciding_reason(item: ComponentResult) -> str:
    """The one finding that decided the verdict, in words; for a model that may be used, what it costs."""
    evaluation = item.evaluation
    findings = evaluation.findings
    applied = next((f for f in findings if f.code == EXCEPTION_APPLIED), None)
    if applied is not None:
        return applied.message
    errors = [f for f in findings if f.severity is Severity.ERROR]
    deciding = [f for f in errors if f.code in evaluation.clauses or f.code in (LICENCE_DENIED, LICENCE_NOT_ALLOWED)]
    if deciding or errors:
        return (deciding or errors)[0].message
    if evaluation.verdict is Verdict.UNKNOWN:
        return "the licence could not be determined"
    count = len(evaluation.obligations)
    if count:
        return f"may be used with {count} obligation{'s' if count != 1 else ''}"
    return "may be used; nothing to do under this context"


def _rules_binding(item: ComponentResult, lookup) -> list[LicenceRule]:
    """The rules of the model's own licence and of its ancestors' licences, each once."""
    ids = [item.resolution.licence.id] if item.resolution.licence is not None else []
    ids += [entry.licence.id for entry in item.lineage if entry.licence is not None]
    rules: dict[str, LicenceRule] = {}
    for licence_id in ids:
        rule = lookup(licence_id) if licence_id else None
        if rule is not None and rule.recognised:
            rules.setdefault(rule.id, rule)
    return list(rules.values())


def _applies_to_use(clause: Clause, context: Context) -> bool:
    return (clause.uses is None or context.use in clause.uses) and (
        clause.distributions is None or context.distribution in clause.distributions
    )


def _thresholds(rules: Iterable[LicenceRule], context: Context) -> Iterable[Threshold]:
    for rule in rules:
        for clause in rule.clauses:
            if not _applies_to_use(clause, context):
                continue
            for figure, limit, given in (
                ("users", clause.users_above, context.users),
                ("org-users", clause.org_users_above, _organisation_figure(clause, context)),
                ("revenue", clause.revenue_above, context.revenue),
            ):
                if limit is None:
                    continue
                status = "not given" if given is None else ("exceeded" if given > limit else "below")
                yield Threshold(rule.id, figure, limit, given, status)


def _organisation_figure(clause: Clause, context: Context) -> int | None:
    """The organisation's users as far as they decide `clause`: `--org-users`, or the
    product's users when those alone exceed the threshold (the product is the
    organisation's); below it, the product's figure says nothing of the organisation."""
    if context.org_users is not None or clause.org_users_above is None:
        return context.org_users
    if context.users is not None and context.users > clause.org_users_above:
        return context.users
    return None


def _regional(rules: Iterable[LicenceRule], context: Context) -> Iterable[RegionalTerm]:
    from .evaluate import region_matches

    for rule in rules:
        for clause in rule.clauses:
            if clause.regions is None or not _applies_to_use(clause, context):
                continue
            if context.region is not None and not region_matches(context.region, clause.regions):
                continue  # a term for other regions: not this organisation's
            status = "applies" if context.region is not None else "not given"
            yield RegionalTerm(rule.id, tuple(sorted(clause.regions)), context.region, status)


def _clause(code: str, licence: str, lookup) -> Clause | None:
    rule = lookup(licence)
    return next((c for c in rule.clauses if c.code == code), None) if rule is not None else None


def _is_figure_or_region(clause: Clause | None) -> bool:
    return clause is not None and (
        clause.users_above is not None
        or clause.org_users_above is not None
        or clause.revenue_above is not None
        or clause.regions is not None
    )


def _duty_kind(code: str, clause: Clause | None, context: Context) -> str:
    """A duty's kind for the table; a term of a declared purpose names the purpose (`purpose: medical-advice`)."""
    if clause is not None and clause.purposes:
        return "purpose: " + ", ".join(sorted(clause.purposes & set(context.purposes)) or sorted(clause.purposes))
    return DUTY_KINDS.get(code, code)


def _duty_kinds(item: ComponentResult, context: Context, lookup) -> tuple[str, ...]:
    """The kinds of the model's obligations (thresholds and regional terms have their own columns)."""
    kinds = set()
    for duty in item.evaluation.duties:
        clause = _clause(duty.code, duty.licence, lookup)
        if not _is_figure_or_region(clause):
            kinds.add(_duty_kind(duty.code, clause, context))
    known = [kind for kind in _KIND_ORDER if kind in kinds]
    return tuple(known + sorted(kinds - set(_KIND_ORDER)))


# -- suggestions ---------------------------------------------------------------------------


def similar(listed: Sequence, model) -> list:
    """The listed models worth judging as alternatives to `model`, most downloaded first.

    Not the model itself, each once; when the Hub reports the model's size, only
    models whose reported size is within a factor of two of it (a model whose
    size is not reported cannot be said to be comparable).
    """
    size = model.parameters
    seen = {model.id.lower()}
    found = []
    for candidate in listed:
        if candidate.id.lower() in seen:
            continue
        seen.add(candidate.id.lower())
        if size is not None and (
            candidate.parameters is None or not size <= candidate.parameters * SIZE_FACTOR <= size * SIZE_FACTOR**2
        ):
            continue
        found.append(candidate)
    # The Hub sorts by downloads already; sorting again (stably) keeps a page's order when it does not.
    return sorted(found, key=lambda c: -(c.downloads or 0))


def pick_alternatives(candidates: Sequence, judged: ScanResult, limit: int) -> tuple[Alternative, ...]:
    """The judged candidates a scan would let the organisation use, in the candidates' order, at most `limit`."""
    by_id = {item.component.name.lower(): item for item in judged.components}
    picked: list[Alternative] = []
    for candidate in candidates:
        item = by_id.get(candidate.id.lower())
        if item is None or item.evaluation.verdict not in SUGGESTED:
            continue
        licence = item.resolution.licence
        picked.append(
            Alternative(
                candidate.id,
                licence.id if licence is not None else None,
                item.evaluation.verdict,
                candidate.downloads,
                candidate.parameters,
            )
        )
        if len(picked) == limit:
            break
    return tuple(picked)
