"""The NOTICE file's text, from a scan: one block per component (see notice.py for what goes in)."""

from __future__ import annotations

import textwrap

from .. import __version__
from ..model import PACKAGE, ComponentResult, ScanResult, Verdict
from ..notice import NOTICE_CODES, POLICY_CODES, required_statements
from .escape import plain
from .text import describe_context

RULE = "-" * 78


def _wrap(text: str, indent: str = "", hanging: str = "") -> list[str]:
    """Wrapped at 78 columns, never inside a word or a licence id (`cc-by-nc-4.0`)."""
    return textwrap.wrap(
        text,
        width=78,
        initial_indent=indent,
        subsequent_indent=indent + hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]


def _licence_lines(result: ComponentResult, rule_lookup) -> list[str]:
    licence = result.resolution.licence
    if licence is None or not licence.id:
        declared = f" (declared: {licence.declared})" if licence is not None and licence.declared else ""
        return [f"Licence: not determined{declared}"]
    rule = rule_lookup(licence.id) if rule_lookup else None
    name = licence.name or (rule.name if rule else None) or licence.id
    lines = [f"Licence: {name}" + (f" ({licence.id})" if name != licence.id else "")]
    link = licence.link or (rule.url if rule else None)
    if link:
        lines.append(f"Licence text: {link}")
    elif rule is None and rule_lookup and result.component.type == PACKAGE:
        lines += _expression_links(licence.id, rule_lookup)
    return lines


def _expression_links(expression: str, rule_lookup) -> list[str]:
    """`MIT AND Zlib`: a link to each licence's text."""
    from ..expression import ExpressionError, licence_ids, parse_expression

    try:
        ids = licence_ids(parse_expression(expression))
    except ExpressionError:
        return []
    lines = []
    for leaf in dict.fromkeys(leaf.id for leaf in ids):
        rule = rule_lookup(leaf)
        if rule is not None:
            lines.append(f"Licence text ({leaf}): {rule.url}")
    return lines


def _component_block(result: ComponentResult, rule_lookup) -> list[str]:
    component = result.component
    version = result.resolution.version or component.revision
    lines = [RULE, component.name, f"{component.type}" + (f", version {version}" if version else "")]
    lines += _licence_lines(result, rule_lookup)
    verdict = result.evaluation.verdict
    if verdict in (Verdict.DENIED, Verdict.UNKNOWN):
        lines.append(f"licensecheck verdict: {verdict.value}: REVIEW BEFORE SHIPPING (see `licensecheck scan`)")
    duties = result.evaluation.duties
    statements = list(dict.fromkeys(s for duty in duties for s in required_statements(duty)))
    if statements:
        lines.append("")
        lines += statements  # verbatim, one per line (alternatives on one): wrapping would change the required text
    for title, codes in (
        ("Use policies that apply to you and to your users:", POLICY_CODES),
        ("What the licence requires with this notice:", NOTICE_CODES),
    ):
        chosen = [duty for duty in duties if duty.code in codes]
        if chosen:
            lines += ["", title]
            lines += [line for duty in chosen for line in _wrap(f"- {duty.text}", "  ", "  ")]
    lines.append("")
    return lines


def render_notice(result: ScanResult, rule_lookup=None) -> str:
    """The NOTICE text for every component of a scan, sorted by type and name."""
    lines = [
        "NOTICE",
        "",
        *_wrap(
            "This product uses the third-party models, datasets and Python packages below. Each entry names its "
            "licence, a link to the licence text, the statements the licence requires and the use policies that "
            "are passed on to users."
        ),
        "",
        *_wrap(f"Written by licensecheck {__version__} for {describe_context(result.context)}."),
        "",
    ]
    for item in sorted(result.components, key=lambda r: (r.component.type, r.component.name.lower())):
        lines += _component_block(item, rule_lookup)
    return (
        "\n".join(plain(line) for line in lines).rstrip("\n") + "\n"
    )  # names, licence names and links are quoted input
