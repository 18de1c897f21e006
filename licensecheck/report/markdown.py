"""Markdown for pull-request comments and `$GITHUB_STEP_SUMMARY`.

Counts first, then what needs action (denied and unknown components, with the
reason), then the obligations of the components you may use, then every
component in a collapsed table. Text from outside (licence names, card fields,
file names) is escaped (`escape.markdown_text`) so that it cannot break the
table, inject markup, or ping anyone: a PR comment must not notify `@someone`.
"""

from __future__ import annotations

from .. import __version__
from ..findings import LICENCE_OVERRIDE, OVERRIDE_NOT_ALLOWED
from ..model import ComponentResult, ScanResult, Severity, Verdict
from . import RenderOptions
from .common import VERDICT_ORDER, ordered, version_of
from .escape import markdown_text
from .text import OWN_MODEL_WORDS, describe_context

md = markdown_text  # every piece of text a cell or paragraph shows, ours or quoted


def _licence(result: ComponentResult) -> str:
    licence = result.resolution.licence
    if licence is not None and licence.id:
        return md(licence.id)
    return OWN_MODEL_WORDS if result.component.own else "not determined"


def _component(result: ComponentResult) -> str:
    version = version_of(result)
    shown = f" {md(version[:12])}" if version else ""
    return f"{result.component.type} **{md(result.component.name)}**{shown}"


def _where(result: ComponentResult) -> str:
    return (
        ", ".join(
            md(f"{place.path}:{place.line}" if place.line else place.path) for place in result.component.locations
        )
        or "—"
    )


def _reason(result: ComponentResult) -> str:
    errors = [f for f in result.evaluation.findings if f.severity is not Severity.INFO]
    return "<br>".join(f"{md(f.message)} ({md(f.code)})" for f in errors) or "—"


def _override_lines(components: list[ComponentResult]) -> list[str]:
    """Each override set in a manifest, applied (warning) or refused (error), once, under the component it is for."""
    lines = []
    for r in components:
        override = r.component.override
        for finding in r.evaluation.findings:
            applied = (
                finding.code == LICENCE_OVERRIDE and override is not None and finding.location == override.location
            )
            refused = finding.code == OVERRIDE_NOT_ALLOWED and finding in r.component.notes
            if applied or refused:
                lines.append(
                    f"- **{finding.severity.value}** {r.component.type} **{md(r.component.name)}**: {md(finding.message)}"
                )
    return lines


def _alternatives(action: list[ComponentResult]) -> list[str]:
    """`scan --suggest`: what could replace each model that needs action."""
    asked = [r for r in action if r.alternatives is not None]
    if not asked:
        return []
    lines = ["### Alternatives", ""]
    for r in asked:
        found = ", ".join(f"{md(a.id)} ({md(a.licence)}, {a.verdict.value})" for a in r.alternatives or ())
        lines.append(f"- instead of **{md(r.component.name)}**: {found or 'no alternative found'}")
    return lines + [""]


def render(result: ScanResult, options: RenderOptions) -> str:
    counts = result.summary()
    components = ordered(result)
    lines = [
        f"## licensecheck: {counts['denied']} denied, {counts['unknown']} unknown, "
        f"{counts['conditional']} conditional, {counts['allowed']} allowed",
        "",
        f"{len(components)} components checked for {md(describe_context(result.context))} "
        f"(licensecheck {__version__}).",
        "",
    ]
    for notice in result.notices:
        lines += [f"> **{notice.severity.value}**: {md(notice.message)}", ""]
    lines += ["| verdict | count |", "|---|---:|"]
    lines += [f"| {verdict.value} | {counts[verdict.value]} |" for verdict in VERDICT_ORDER]
    lines.append("")

    action = [r for r in components if r.evaluation.verdict in (Verdict.DENIED, Verdict.UNKNOWN)]
    if action:
        lines += [
            "### Needs action",
            "",
            "| verdict | component | licence | reason | declared in |",
            "|---|---|---|---|---|",
        ]
        lines += [
            f"| **{r.evaluation.verdict.value}** | {_component(r)} | {_licence(r)} | {_reason(r)} | {_where(r)} |"
            for r in action
        ]
        lines.append("")
        lines += _alternatives(action)
    else:
        lines += ["Nothing denied and no licence unknown.", ""]

    overrides = _override_lines(components)
    if overrides:  # a reviewer reads every licence the change under review sets by hand
        lines += ["### Licence overrides", "", *overrides, ""]

    if options.verbosity >= 0:
        bound = [r for r in components if r.evaluation.obligations and r.evaluation.verdict is not Verdict.DENIED]
        if bound:
            lines += ["### Obligations", ""]
            for r in bound:
                lines.append(f"**{md(r.component.name)}** ({_licence(r)})")
                lines.append("")
                lines += [f"- {md(obligation)}" for obligation in r.evaluation.obligations]
                lines.append("")
        lines += [
            f"<details><summary>All {len(components)} components</summary>",
            "",
            "| verdict | component | licence | declared in |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {r.evaluation.verdict.value} | {_component(r)} | {_licence(r)} | {_where(r)} |" for r in components
        ]
        lines += ["", "</details>", ""]
    return "\n".join(lines)
