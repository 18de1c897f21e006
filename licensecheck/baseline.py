"""A baseline: today's known problems, so that a gate can be adopted before they are all fixed.

`licensecheck scan --write-baseline FILE` records, for every component that is
denied or unknown, one entry per problem: the component (type and name), the
finding's code and the licence id. `--baseline FILE` then marks a denied or unknown
component *baselined* when every one of its problems is recorded: it stays in the
report with its verdict, but it no longer fails the run. Anything else is new and
fails as usual: a new component, a new problem on a known component, or a known
problem under another licence (a licence change is a new decision).

What is deliberately not recorded: versions (a package upgrade under the same
licence stays baselined) and failures to reach the Hub or the index (a network
fault is not a decision; the next run retries). The file is sorted, indented JSON
with no timestamps, so that it diffs well and can be committed
(`report/baseline.py` writes it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError
from .findings import BASELINE, BASELINE_STALE
from .model import PACKAGE, ComponentResult, Finding, ScanResult, Severity, Verdict

BASELINE_VERSION = 1
_FAILING = (Verdict.DENIED, Verdict.UNKNOWN)
# Resolution failures that say nothing about the licence: never recorded.
_TRANSIENT = frozenset(
    {
        "hub-unreachable",
        "hub-timeout",
        "hub-server-error",
        "hub-rate-limited",
        "hub-error",
        "pypi-unreachable",
        "pypi-timeout",
        "pypi-error",
        "not-in-lock",
    }
)


@dataclass(frozen=True, order=True)
class BaselineEntry:
    type: str
    component: str
    code: str
    license: str | None


def _name(item: ComponentResult) -> str:
    name = item.component.name
    return name if item.component.type == PACKAGE else name.lower()


def component_entries(item: ComponentResult) -> frozenset[BaselineEntry]:
    """The problems that make a component fail, as baseline entries (empty if it passes)."""
    if item.evaluation.verdict not in _FAILING:
        return frozenset()
    licence = item.resolution.licence.id if item.resolution.licence else None
    codes: set[str] = {f.code for f in item.evaluation.findings if f.severity is Severity.ERROR}
    if not codes:
        codes = {item.evaluation.verdict.value}
    return frozenset(BaselineEntry(item.component.type, _name(item), code, licence) for code in codes)


def baseline_entries(result: ScanResult) -> list[BaselineEntry]:
    entries: set[BaselineEntry] = set()
    for item in result.components:
        entries.update(e for e in component_entries(item) if e.code not in _TRANSIENT)
    return sorted(entries, key=lambda e: (e.type, e.component, e.code, e.license or ""))


def read_baseline(path: Path, where: str) -> frozenset[BaselineEntry]:
    """The entries of a baseline file; `InputError` naming the file if it is not one."""
    from .sources.common import read_text

    return parse_baseline(read_text(path, where), where)


def parse_baseline(text: str, where: str) -> frozenset[BaselineEntry]:
    """The entries of a baseline file's text (read from disk, or from a git commit with `--config-ref`)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(where, error.lineno, f"not a baseline: invalid JSON ({error.msg})") from None
    except RecursionError:
        raise InputError(where, None, "not a baseline: invalid JSON (nested too deeply)") from None
    if not isinstance(document, dict) or document.get("licensecheck_baseline") != BASELINE_VERSION:
        raise InputError(
            where,
            None,
            f'not a licensecheck baseline (expected "licensecheck_baseline": {BASELINE_VERSION}); '
            "write one with `licensecheck scan --write-baseline FILE`",
        )
    raw = document.get("entries")
    if not isinstance(raw, list):
        raise InputError(where, None, "`entries` must be a list")
    entries = set()
    for number, entry in enumerate(raw, start=1):
        fields = ("type", "component", "code")
        if (
            not isinstance(entry, dict)
            or set(entry) != {*fields, "license"}
            or not all(isinstance(entry[k], str) and entry[k] for k in fields)
            or not isinstance(entry["license"], (str, type(None)))
        ):
            raise InputError(
                where, None, f"entry {number} must have string type, component, code and a license (string or null)"
            )
        entries.add(BaselineEntry(**entry))
    return frozenset(entries)


def apply_baseline(result: ScanResult, entries: frozenset[BaselineEntry], where: str) -> ScanResult:
    """Mark the components whose every problem the baseline records; say what is new and what is gone."""
    components: list[ComponentResult] = []
    seen: set[BaselineEntry] = set()
    baselined = new = 0
    for item in result.components:
        problems = component_entries(item)
        if problems and problems <= entries:
            item = replace(item, baselined=True)
            baselined += 1
        elif problems:
            new += 1
        seen |= problems & entries
        components.append(item)
    notices = list(result.notices)
    notices.append(
        Finding(
            Severity.INFO,
            BASELINE,
            f"baseline {where}: {baselined} component(s) with recorded problems do not fail the run; {new} with new problems",
        )
    )
    gone = len(entries - seen)
    if gone:
        notices.append(
            Finding(
                Severity.INFO,
                BASELINE_STALE,
                f"baseline {where}: {gone} recorded problem(s) no longer occur; rewrite it with --write-baseline",
            )
        )
    return replace(result, components=tuple(components), notices=tuple(notices))
