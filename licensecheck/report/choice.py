"""`compare` and `suggest` for people (text, Markdown) and for machines (JSON, `schema_version` 1).

The text fits a 100-column terminal: long cells wrap, and a verdict is never
cut. Everything from outside (ids, licence names, card fields, the findings
that quote them) goes through the scan reports' escaping (report/escape.py):
`plain` for text, `md` for Markdown, `json_text` for JSON; then `write_output`
masks secrets, as for every report.
Schemas: licensecheck/schemas/compare-v1.schema.json and suggest-v1.schema.json.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from .. import __version__
from ..choose import SUGGESTED, CandidateRow
from ..findings import EXCEPTION_UNUSED
from ..model import Alternative, Finding, ScanResult, Severity
from .escape import json_text, plain
from .markdown import md
from .text import describe_context

WIDTH = 100
SCHEMA_VERSION = 1
_VERDICT_WIDTH = len("conditional")
_GAP = "  "
_INDENT = "    "


def context_document(result: ScanResult) -> dict:
    """The `context` object of the scan's JSON report, for the same context and configuration."""
    from .json import to_document

    return to_document(result)["context"]


def _document(result: ScanResult) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "licensecheck", "version": __version__},
        "context": context_document(result),
        "notices": [_finding(f) for f in _notices(result)],
    }


def _notices(result: ScanResult) -> list[Finding]:
    # An exception no candidate matched says nothing about the candidates: that is the scan's business.
    return [n for n in result.notices if n.severity is not Severity.INFO and n.code != EXCEPTION_UNUSED]


def _finding(finding: Finding) -> dict:
    return {"severity": finding.severity.value, "code": finding.code, "message": finding.message}


def _header(result: ScanResult) -> list[str]:
    lines = [f"licensecheck {__version__}: {describe_context(result.context)}"]
    lines += [f"{n.severity.value}: {n.message}" for n in _notices(result)]
    return [plain(line) for line in lines]


def _wrap(text: str, width: int) -> list[str]:
    """`text` made inert (`plain`: control characters shown escaped), in lines of at most `width`."""
    return textwrap.wrap(plain(text), width, break_on_hyphens=False) or [""]


def _row(cells: Sequence[str], widths: Sequence[int]) -> list[str]:
    """One table row: each cell wrapped to its column, the columns side by side."""
    wrapped = [_wrap(cell, width) for cell, width in zip(cells, widths)]
    lines = []
    for index in range(max(len(cell) for cell in wrapped)):
        parts = [(cell[index] if index < len(cell) else "").ljust(width) for cell, width in zip(wrapped, widths)]
        lines.append(_GAP.join(parts).rstrip())
    return lines


def _widths(first: Sequence[str], others: Sequence[int], heading: str) -> list[int]:
    """The first column as wide as its longest cell, within what the other columns leave of WIDTH."""
    room = WIDTH - sum(others) - len(_GAP) * len(others)
    return [min(max([len(heading), *map(len, first)]), room), *others]


def _labelled(label: str, text: str) -> list[str]:
    """A detail line under a row: `    label:  text`, wrapped with a hanging indent."""
    head = f"{_INDENT}{label + ':':<12}"
    return textwrap.wrap(
        plain(text), WIDTH, initial_indent=head, subsequent_indent=" " * len(head), break_on_hyphens=False
    ) or [head.rstrip()]


# -- compare ------------------------------------------------------------------------------


def _gated(row: CandidateRow) -> str:
    return row.gated if row.gated is not None else "?"


def compare_text(result: ScanResult, rows: Sequence[CandidateRow]) -> str:
    licence_width = min(max([len("licence"), *(len(r.licence or "not determined") for r in rows)]), 18)
    widths = _widths([r.id for r in rows], [licence_width, _VERDICT_WIDTH, len("manual")], "candidate")
    lines = _header(result) + [""]
    lines += _row(["CANDIDATE", "LICENCE", "VERDICT", "GATED"], widths)
    for row in rows:
        lines += _row([row.id, row.licence or "not determined", row.verdict.value, _gated(row)], widths)
        lines += _labelled("reason", row.reason)
        if row.duties:
            lines += _labelled("duties", ", ".join(row.duties))
        for threshold in row.thresholds:
            lines += _labelled("threshold", threshold.describe())
        for term in row.regional:
            lines += _labelled("regional", term.describe())
    lines += [
        "",
        "gated: whether the Hub has you accept the terms before download (auto: at once; manual: after "
        "the publisher's review; ?: not known, answered from the lock). The obligations in full: "
        "--format json, or `licensecheck explain LICENCE`.",
    ]
    return "\n".join(_fold(lines)) + "\n"


def _fold(lines: list[str]) -> list[str]:
    """Lines longer than WIDTH (a header naming a long context) wrapped, never cut."""
    folded: list[str] = []
    for line in lines:
        folded += _wrap(line, WIDTH) if len(line) > WIDTH else [line]
    return folded


def compare_markdown(result: ScanResult, rows: Sequence[CandidateRow]) -> str:
    lines = [
        f"## licensecheck: {len(rows)} candidates compared",
        "",
        f"Judged for {md(describe_context(result.context))} (licensecheck {__version__}).",
        "",
    ]
    lines += [f"> **{n.severity.value}**: {md(n.message)}" for n in _notices(result)]
    if _notices(result):
        lines.append("")
    lines += [
        "| candidate | licence | verdict | reason | duties | thresholds | regional terms | gated |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [
            f"**{md(row.id)}**",
            md(row.licence) if row.licence else "not determined",
            f"**{row.verdict.value}**",
            md(row.reason),
            md(", ".join(row.duties)) or "—",
            "<br>".join(md(t.describe()) for t in row.thresholds) or "—",
            "<br>".join(md(t.describe()) for t in row.regional) or "—",
            md(_gated(row)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def compare_json(result: ScanResult, rows: Sequence[CandidateRow]) -> str:
    document = _document(result)
    document["candidates"] = [_candidate(row) for row in rows]
    return json_text(document)


def _candidate(row: CandidateRow) -> dict:
    return {
        "id": row.id,
        "version": row.version,
        "license": row.licence,
        "license_name": row.licence_name,
        "verdict": row.verdict.value,
        "reason": row.reason,
        "reasons": [_finding(f) for f in row.reasons],
        "obligations": list(row.obligations),
        "duties": list(row.duties),
        "thresholds": [
            {"license": t.licence, "figure": t.figure, "above": t.limit, "given": t.given, "status": t.status}
            for t in row.thresholds
        ],
        "regional": [
            {"license": t.licence, "regions": list(t.regions), "region": t.region, "status": t.status}
            for t in row.regional
        ],
        "gated": row.gated,
        "lineage": [
            {"name": e.name, "license": e.licence.id if e.licence else None, "verdict": e.verdict.value}
            for e in row.lineage
        ],
    }


# -- suggest ------------------------------------------------------------------------------


def parameters_text(count: int | None) -> str:
    """12,345,678,901 → `12.3B`; None → `?`."""
    if count is None:
        return "?"
    for unit, size in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if count >= size:
            return f"{count / size:.1f}{unit}"
    return str(count)


def _about(suggestions) -> str:
    model = suggestions.model
    facts = [
        model.pipeline_tag or "task not known",
        model.library or "library not known",
        f"{parameters_text(model.parameters)} parameters" if model.parameters is not None else "size not known",
    ]
    return f"{model.id} ({', '.join(facts)})"


def _none_found(suggestions) -> str:
    if suggestions.model.pipeline_tag is None:
        return "no alternatives: the Hub gives no task (pipeline_tag) for this model, so there is nothing to match"
    if not suggestions.judged:
        return "no alternatives: the Hub lists no other model of this task and a similar size"
    return (
        f"no alternatives: none of the {suggestions.judged} most downloaded models of this task and a similar "
        "size may be used under this context"
    )


def _judged(suggestions) -> str:
    """How many candidates were judged, and how many of them may not be used (denied or unknown)."""
    judged = suggestions.result.components if suggestions.result is not None else ()
    refused = sum(1 for item in judged if item.evaluation.verdict not in SUGGESTED)
    return (
        f"{len(judged)} similar model{'s' if len(judged) != 1 else ''} judged, the most downloaded; {refused} "
        "may not be used under this context (denied, or licence unknown)"
    )


def suggest_text(result: ScanResult, suggestions) -> str:
    lines = _header(result) + ["", f"alternatives to {_about(suggestions)}, most downloaded first:", ""]
    found = suggestions.alternatives
    if not found:
        return "\n".join(_fold(lines + [_none_found(suggestions)])) + "\n"
    licence_width = min(max([len("licence"), *(len(a.licence or "") for a in found)]), 18)
    widths = _widths([a.id for a in found], [licence_width, _VERDICT_WIDTH, 13, 10], "alternative")
    lines += _row(["ALTERNATIVE", "LICENCE", "VERDICT", "DOWNLOADS", "PARAMETERS"], widths)
    for item in found:
        downloads = f"{item.downloads:,}" if item.downloads is not None else "?"
        lines += _row(
            [item.id, item.licence or "", item.verdict.value, downloads, parameters_text(item.parameters)], widths
        )
    lines += ["", _judged(suggestions)]
    return "\n".join(_fold(lines)) + "\n"


def suggest_markdown(result: ScanResult, suggestions) -> str:
    lines = [
        f"## licensecheck: alternatives to {md(_about(suggestions))}",
        "",
        f"Judged for {md(describe_context(result.context))} (licensecheck {__version__}); most downloaded first.",
        "",
    ]
    lines += [f"> **{n.severity.value}**: {md(n.message)}" for n in _notices(result)]
    if not suggestions.alternatives:
        return "\n".join(lines + [md(_none_found(suggestions))]) + "\n"
    lines += ["| alternative | licence | verdict | downloads | parameters |", "|---|---|---|---:|---:|"]
    for item in suggestions.alternatives:
        downloads = f"{item.downloads:,}" if item.downloads is not None else "?"
        lines.append(
            f"| **{md(item.id)}** | {md(item.licence or '')} | {item.verdict.value} | {downloads} | "
            f"{parameters_text(item.parameters)} |"
        )
    return "\n".join(lines + ["", md(_judged(suggestions))]) + "\n"


def suggest_json(result: ScanResult, suggestions) -> str:
    model = suggestions.model
    document = _document(result)
    document.update(
        {
            "model": model.id,
            "task": model.pipeline_tag,
            "library": model.library,
            "parameters": model.parameters,
            "judged": suggestions.judged,
            "alternatives": [alternative_document(a, full=True) for a in suggestions.alternatives],
        }
    )
    return json_text(document)


def alternative_document(alternative: Alternative, *, full: bool = False) -> dict:
    """`{id, license, verdict}`, and with `full` the listing's `downloads` and `parameters`."""
    document: dict[str, object] = {
        "id": alternative.id,
        "license": alternative.licence,
        "verdict": alternative.verdict.value,
    }
    if full:
        document.update(downloads=alternative.downloads, parameters=alternative.parameters)
    return document
