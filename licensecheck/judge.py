"""The pure judge: components, their resolutions and the usage context in, the ScanResult out.

No I/O: what the lock, the Hub and PyPI answered is already in the resolutions
(scan.py, the runner, gathered them). Each component is judged on its own
(`judge_component`: override, identification, the licence's terms under the
context), then lineage binds each model to its ancestors' terms, and the run's
notices say once what many components share.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from .evaluate import evaluate_conflict, evaluate_expression, evaluate_rule, evaluate_unresolved
from .findings import HUB_UNREACHABLE, LOCK_MISMATCH, OFFLINE, PYPI_UNREACHABLE, UNREACHABLE
from .identify import identify
from .knowledge import Knowledge
from .lineage import budget_notices, link_lineage
from .lockfile import LOCK_NAME
from .model import (
    Component,
    ComponentResult,
    Context,
    Evaluation,
    Finding,
    LicenceInfo,
    Resolved,
    ScanResult,
    Severity,
    Verdict,
)
from .model_facts import facts_for
from .overrides import applied_override
from .policy import Policy, judge_policy
from .purposes import unchecked_purposes
from .scope import context_for


@dataclass(frozen=True)
class Configured:
    """What the configuration file adds to the judging: its policy over the licences' own verdicts."""

    policy: Policy  # allow / deny / exceptions, and whether unknown licences fail the run
    today: date  # exceptions expire
    notices: tuple[Finding, ...] = ()  # the configuration's own, said first in the report
    context_sources: Mapping[str, str] = field(default_factory=dict)  # where each context value came from
    config_file: str | None = None


def judge_all(
    components: Iterable[Component],
    resolved: Mapping[tuple, Resolved],
    context: Context,
    knowledge: Knowledge,
    notices: tuple[Finding, ...] = (),
    configured: Configured | None = None,
) -> ScanResult:
    """Every component judged under `context`, lineage linked, then the configuration's policy (when given).

    `resolved` holds an answer for each component and for each ancestor of a model
    (lineage_walk.py found them), under their component keys. `notices`: the
    inputs' own, said after the configuration's and before the run's.
    """
    components = tuple(components)
    results = tuple(judge_component(c, resolved[c.key], knowledge, context) for c in components)
    results = link_lineage(results, resolved, lambda c, r: judge_component(c, r, knowledge, context), knowledge)
    notices = notices + _run_notices(results) + budget_notices(resolved)
    unchecked = unchecked_purposes(results, knowledge, context)  # by the licences' terms, before the policy
    if configured is None:
        return ScanResult(context, results, notices=notices, unchecked_purposes=unchecked)
    outcome = judge_policy(results, context, configured.policy, knowledge.lookup, configured.today)
    return ScanResult(
        context,
        outcome.components,
        notices=configured.notices + notices + outcome.notices,
        context_sources=dict(configured.context_sources),
        config_file=configured.config_file,
        unknown_fails=outcome.unknown_fails,
        unchecked_purposes=unchecked,
    )


def judge_component(
    component: Component, resolved: Resolved, knowledge: Knowledge, context: Context
) -> ComponentResult:
    """The pure step: one component, its resolution, the rules and the context → a verdict."""
    resolution = resolved.resolution
    findings: list[Finding] = list(component.notes) + list(resolution.notes)
    context, scope_note = context_for(component, context)  # a dev-only dependency is not distributed
    if scope_note is not None:
        findings.append(scope_note)
    licence = resolution.licence
    if component.override is not None:
        findings.append(applied_override(component, resolution, knowledge))
        if resolution.problem is not None:
            findings.append(replace(resolution.problem, severity=Severity.WARNING))
        licence = LicenceInfo(
            id=component.override.id,
            source="override",
            declared=licence.id if licence else None,
        )
        resolution = replace(resolution, licence=licence, problem=None)
    if licence is None or resolution.problem is not None:
        return ComponentResult(component, resolution, evaluate_unresolved(resolution.problem, findings))
    identified = identify(component.type, licence, knowledge, resolution.licence_text)
    findings.extend(identified.findings)
    facts = facts_for(component, resolution)
    chosen = identified.id
    if identified.rule is not None:
        evaluation = evaluate_rule(identified.rule, context, facts)
    elif identified.expression is not None:
        evaluation = evaluate_expression(identified.expression, knowledge.lookup, context, facts)
    elif identified.conflict:
        evaluation, chosen = evaluate_conflict(identified.conflict, knowledge, context, facts)
    else:
        evaluation = Evaluation(Verdict.UNKNOWN)  # identify() always says why
    evaluation = replace(evaluation, findings=tuple(findings) + evaluation.findings)
    chosen_rule = knowledge.lookup(chosen) if identified.conflict and chosen else None
    shown = replace(
        licence,
        id=chosen or licence.id,
        name=identified.name or (chosen_rule.name if chosen_rule is not None else licence.name),
    )
    return ComponentResult(component, replace(resolution, licence=shown), evaluation)


def _run_notices(results: tuple[ComponentResult, ...]) -> tuple[Finding, ...]:
    """Problems shared by many components, said once at the top of the report."""
    notices = []
    missing = sum(1 for r in results if r.resolution.problem and r.resolution.problem.code == "not-in-lock")
    if missing:
        notices.append(
            Finding(
                Severity.WARNING,
                OFFLINE,
                f"offline: {missing} component(s) are not in {LOCK_NAME} and are unknown; run `licensecheck lock`",
            )
        )
    mismatched = sum(1 for r in results if any(f.code == "lock-mismatch" for f in r.evaluation.findings))
    if mismatched:
        notices.append(
            Finding(
                Severity.ERROR,
                LOCK_MISMATCH,
                f"{LOCK_NAME} disagrees with the Hub or PyPI for {mismatched} "
                "component(s): their live answers are judged; run `licensecheck lock` to record them",
            )
        )
    codes = [r.resolution.problem.code for r in results if r.resolution.problem is not None]
    if codes.count(OFFLINE):
        notices.append(
            Finding(
                Severity.WARNING,
                OFFLINE,
                f"offline: HF_HUB_OFFLINE is set and {codes.count(OFFLINE)} model(s) "
                f"or dataset(s) are not in {LOCK_NAME}, so they are unknown; run `licensecheck lock` while online",
            )
        )
    for code, service, setting in (
        (HUB_UNREACHABLE, "the Hugging Face Hub", "HF_ENDPOINT"),
        (PYPI_UNREACHABLE, "the package index", "LICENSECHECK_PYPI_URL"),
    ):
        if codes.count(code):
            notices.append(
                Finding(
                    Severity.ERROR,
                    UNREACHABLE,
                    f"could not reach {service}: {codes.count(code)} component(s) "
                    f"are unknown; check the network, proxy settings or {setting}, or scan with --offline and a lock file",
                )
            )
    return tuple(notices)
