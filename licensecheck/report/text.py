"""The report for people: grouped by verdict, worst first, the reason and duties under each.

Every line but the verdict headings quotes input (names, card fields, file
names, findings built from them): each goes through `escape.plain`, so that
colour and line breaks come only from this module.
"""

from __future__ import annotations

from .. import __version__
from ..findings import EXCEPTION_APPLIED
from ..lineage import lineage_chains
from ..model import ComponentResult, Context, ScanResult, Severity, Verdict
from . import RenderOptions
from .escape import plain

_ORDER = (Verdict.DENIED, Verdict.UNKNOWN, Verdict.CONDITIONAL, Verdict.ALLOWED)
_COLOURS = {Verdict.DENIED: "31", Verdict.UNKNOWN: "33", Verdict.CONDITIONAL: "36", Verdict.ALLOWED: "32"}
OWN_MODEL_WORDS = "own model, bound by its ancestors' licences"  # what an own model without a licence is under
_DISTRIBUTION_WORDS = {
    "internal": "internal use only",
    "network": "offered as a network service",
    "redistribute": "redistributed to others",
}


def _paint(text: str, code: str, options: RenderOptions) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if options.color else text


def describe_context(context: Context) -> str:
    users = f"{context.users:,} monthly active users" if context.users is not None else "users not given"
    if context.org_users is not None:  # said only when given: most runs never need it
        users += f", {context.org_users:,} across the organisation"
    revenue = f"USD {context.revenue:,} revenue" if context.revenue is not None else "revenue not given"
    region = f"region {context.region}" if context.region else "region not given"
    purposes = (
        f", for {_and(context.purposes)}" if context.purposes else ""
    )  # none declared: as before purposes existed
    return f"{context.use} use, {_DISTRIBUTION_WORDS[context.distribution]}, {users}, {revenue}, {region}{purposes}"


def _and(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def unchecked_purpose_lines(result: ScanResult) -> list[str]:
    """With no purpose declared, the use restrictions that were not checked, one line per licence.

    Shown with -v only: the default report already lists each licence's use
    policy as an obligation, so this is the detail for whoever declares purposes.
    """
    if not result.unchecked_purposes:
        return []
    lines = [
        "info: no purpose declared, so these licences' use restrictions and output terms were not checked "
        "(declare them with --purpose ID or `purposes` in the configuration; `licensecheck purposes` lists the ids):"
    ]
    for entry in result.unchecked_purposes:
        lines.append(f"  {entry.licence} ({', '.join(entry.components)}): {', '.join(entry.purposes)}")
    return lines


def _headline(result: ComponentResult) -> str:
    component, resolution = result.component, result.resolution
    version = resolution.version or component.revision
    shown_version = f" {version[:12] if component.type != 'package' else version}" if version else ""
    licence = resolution.licence
    if licence is not None and licence.id:
        licence_text = f"{licence.id} (from {licence.source}{', locked' if resolution.from_lock else ''})"
    elif component.own:
        licence_text = OWN_MODEL_WORDS
    else:
        licence_text = "licence not determined"
    marks = " [baselined]" if result.baselined else ""
    if component.scope in ("optional", "dev"):  # from a lock file: an extra, or a dependency group
        marks += f" [{component.scope}]"
    return f"{component.type} {component.name}{shown_version}: {licence_text}{marks}"


def _component_lines(result: ComponentResult, options: RenderOptions) -> list[str]:
    lines = [f"  {_headline(result)}"]
    evaluation = result.evaluation
    if options.verbosity > 0 or evaluation.verdict is not Verdict.ALLOWED:
        where = ", ".join(
            (f"{place.path}:{place.line}" if place.line else place.path) + (f" ({place.label})" if place.label else "")
            for place in result.component.locations
        )
        if where:
            lines.append(f"      declared in {where}")
        lines.extend(f"      lineage: {chain}" for chain in lineage_chains(result))
    for finding in evaluation.findings:
        if finding.severity is Severity.INFO and options.verbosity <= 0 and finding.code != EXCEPTION_APPLIED:
            continue
        lines.append(f"      {finding.severity.value}: {finding.message} ({finding.code})")
    for obligation in evaluation.obligations:
        lines.append(f"      must: {obligation}")
    if result.alternatives is not None:  # scan --suggest
        lines.extend(f"      instead: {a.id} ({a.licence}, {a.verdict.value})" for a in result.alternatives)
        if not result.alternatives:
            lines.append("      instead: no alternative found")
    return lines


def render(result: ScanResult, options: RenderOptions) -> str:
    lines: list[str] = []
    if options.verbosity >= 0:
        lines.append(plain(f"licensecheck {__version__}: {describe_context(result.context)}"))
    if options.verbosity > 0 and result.context_sources:
        sources = ", ".join(f"{key} from {source}" for key, source in result.context_sources.items())
        lines.append(plain(f"context: {sources} (configuration: {result.config_file or 'none found'})"))
    for notice in result.notices:
        if notice.severity is Severity.INFO and options.verbosity <= 0:
            continue  # e.g. discovery's "not statically known": shown with -v
        lines.append(plain(f"{notice.severity.value}: {notice.message}"))
    if options.verbosity > 0:
        lines.extend(plain(line) for line in unchecked_purpose_lines(result))
    for verdict in _ORDER:
        # -q shows what needs action: baselined components are known and wait.
        group = [
            r
            for r in result.components
            if r.evaluation.verdict is verdict and not (options.verbosity < 0 and r.baselined)
        ]
        if not group:
            continue
        if options.verbosity < 0 and verdict in (Verdict.CONDITIONAL, Verdict.ALLOWED):
            continue
        if lines:  # -q has no header: its output starts with the first group, not a blank line
            lines.append("")
        lines.append(_paint(f"{verdict.value.upper()} ({len(group)})", _COLOURS[verdict], options))
        for result_item in sorted(group, key=lambda r: (r.component.type, r.component.name.lower())):
            lines.extend(plain(line) for line in _component_lines(result_item, options))
    counts = result.summary()
    if lines:
        lines.append("")
    lines.append(
        "summary: "
        + ", ".join(f"{counts[v.value]} {v.value}" for v in _ORDER)
        + f" ({len(result.components)} components)"
    )
    return "\n".join(lines) + "\n"
