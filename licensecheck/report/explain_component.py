"""How a component got its verdict (`explain_component.explain_component`'s document), as text for people."""

from __future__ import annotations

from ..explain_component import EXCEPTION_CODES
from ..findings import EXCEPTION_APPLIED
from ..model import Severity
from .escape import plain


def _source_words(source: str, document: dict) -> str:
    if source == "config":
        return f"from {document['config']}"
    if source == "preset":
        return f"from preset {document['extends']}"
    if source == "cli":
        return "from the command line"
    return "default"


def render_component_text(document: dict) -> str:
    """The explanation for people: one section per step of the judgement."""
    component, licence = document["component"], document["license"]
    version = f" {component['version']}" if component["version"] else ""
    lines = [f"{component['type']} {component['name']}{version}"]
    where = ", ".join(
        f"{place['path']}:{place['line']}" if place["line"] else place["path"] for place in component["locations"]
    )
    if where:
        lines.append(f"  declared in {where}")

    lines += ["", "1. Licence"]
    if licence["id"]:
        declared = f"; declared as {licence['declared']!r}" if licence["declared"] not in (None, licence["id"]) else ""
        locked = ", from the lock file" if licence["from_lock"] else ""
        name = f" ({licence['name']})" if licence["name"] else ""
        lines.append(f"  {licence['id']}{name}, found in {licence['source']}{locked}{declared}")
    else:
        lines.append("  not determined")

    lines += ["", "2. Lineage"]
    if not document["lineage"]:
        lines.append("  no ancestors declared")
    for entry in document["lineage"]:
        relation = f" ({entry['relation']})" if entry["relation"] else ""
        lines.append(
            f"  {'  ' * (entry['depth'] - 1)}{entry['via']} ← {entry['name']}{relation}: "
            f"{entry['license'] or 'licence not determined'}, {entry['verdict']}"
        )

    lines += ["", f"3. Usage context (configuration: {document['config'] or 'none found'})"]
    for key, value in document["context"].items():
        shown = value["value"] if value["value"] is not None else "not given"
        if isinstance(shown, int):
            shown = f"{shown:,}"
        elif isinstance(shown, list):
            shown = ", ".join(shown)
        lines.append(f"  {key}: {shown} ({_source_words(value['source'], document)})")

    lines += ["", "4. Licence terms that apply under this context"]
    if not document["clauses"]:
        lines.append("  none")
    for clause in document["clauses"]:
        when = "; ".join(clause["conditions"]) or "always"
        whose = f" of {clause['of']}" if clause["of"] != component["name"] else ""
        lines.append(f"  {clause['licence']}{whose} {clause['code']} [{clause['effect']}] when: {when}")
        section = f", section {clause['section']}" if clause["section"] else ""
        lines.append(f"      source: {clause['source']}{section}")

    lists = document["lists"]
    lines += ["", "5. Allow and deny lists"]
    if lists["allow"] is None and not lists["deny"] and not lists["deny_categories"]:
        lines.append("  none configured")
    else:
        if lists["allow"] is not None:
            lines.append(f"  allow ({lists['allow_from']}): {', '.join(lists['allow'])}")
        if lists["deny"]:
            lines.append(f"  deny ({lists['deny_from']}): {', '.join(lists['deny'])}")
        if lists["deny_categories"]:
            lines.append(f"  deny categories ({lists['deny_categories_from']}): {', '.join(lists['deny_categories'])}")
        words = {
            "licence-denied": "on the deny list or of a denied category: denied",
            "licence-not-allowed": "not on the allow list: denied",
            "allowed": "on the allow list",
            "no-list": "on no list",
            "not-judged": "not judged: the licence is not known",
        }
        for decision in lists["decisions"]:
            whose = f" (of {decision['of']})" if decision["of"] != component["name"] else ""
            lines.append(f"  {decision['licence']}{whose}: {words[decision['decision']]}")

    exception = document["exception"]
    lines += ["", "6. Exception"]
    if exception["applied"]:
        applied = exception["applied"]
        lines.append(
            f"  in force: {applied['reason']!r} (owner {applied['owner']}, expires {applied['expires']}, "
            f"{applied['where']}): the denial is waived, the licence's obligations still apply"
        )
    elif not exception["declared"]:
        lines.append("  none")
    elif not exception["notes"]:
        lines.append("  declared but not needed: the component is not denied")
    lines += [f"  {note}" for note in exception["notes"]]

    baselined = " (baselined: recorded in the baseline, does not fail the run)" if document["baselined"] else ""
    lines += ["", f"Verdict: {document['verdict'].upper()}{baselined}"]
    for finding in document["findings"]:
        if finding["code"] == EXCEPTION_APPLIED or finding["code"] in EXCEPTION_CODES:
            continue
        if finding["severity"] != Severity.INFO.value or document["verdict"] != "allowed":
            lines.append(f"  {finding['severity']}: {finding['message']} ({finding['code']})")
    lines += [f"  must: {obligation}" for obligation in document["obligations"]]
    if document["unknown"]["value"] == "warn" and document["verdict"] == "unknown":
        lines.append(f'  unknown = "warn" ({document["unknown"]["from"]}): this does not fail the run')
    return "\n".join(plain(line) for line in lines) + "\n"  # each line quotes names, card fields, reasons
